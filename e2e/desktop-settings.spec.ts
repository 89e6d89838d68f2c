// Runs in: Playwright. Owns: the desktop settings dialog: what it says in the browser console, and that a
// choice is saved in main (the per-machine settings file) and read back after a reload.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';

test('desktop settings are saved by main and survive a reload', async ({ console: c }) => {
  const { page } = c;
  await page.getByTestId('desktop-settings-open').click();
  const dialog = page.getByTestId('desktop-settings');
  await expect(dialog).toContainText('These settings take effect in the desktop app');
  const login = dialog.getByRole('switch', { name: /Start at login/ });
  await expect(login).not.toBeChecked();
  await expect(dialog.getByRole('switch', { name: /Keep syncing/ })).toBeChecked();
  await c.shot('desktop-settings');
  await login.click();
  await expect(login).toBeChecked();
  const file = JSON.parse(readFileSync(join(c.workspaceDir, 'desktop-settings.json'), 'utf8')) as {
    startAtLogin: boolean;
  };
  expect(file.startAtLogin).toBe(true);

  await page.reload();
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await page.getByTestId('desktop-settings-open').click();
  await expect(
    page.getByTestId('desktop-settings').getByRole('switch', { name: /Start at login/ }),
  ).toBeChecked();
});

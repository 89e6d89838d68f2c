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

  // Network: main says which route calls take; a manual proxy without its URL is refused at the field.
  const net = page.getByTestId('network-settings');
  await expect(page.getByTestId('network-route')).toContainText('api.bigcommerce.com');
  await net.getByRole('combobox', { name: 'Proxy' }).click();
  await page.getByRole('option', { name: 'This proxy…' }).click();
  await net.getByRole('button', { name: 'Apply network settings' }).click();
  await expect(net).toContainText('A manual proxy needs its URL');
  await net.getByRole('textbox', { name: 'Proxy URL' }).fill('http://corp-proxy.example:3128');
  await net.getByRole('button', { name: 'Apply network settings' }).click();
  await expect(page.getByTestId('network-route')).toContainText(
    'Using proxy http://corp-proxy.example:3128 for api.bigcommerce.com (settings)',
  );
  await c.shot('desktop-settings-network');
});

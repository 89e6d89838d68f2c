// Runs in: Playwright. Owns: the accessibility scan: axe (WCAG 2 A and AA) over every area of the console, in
// the light and the dark scheme, with a store and a connection so screens show their tables, not only empty
// states. Serious and critical violations fail, listed per area and scheme.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { startSandbox, type Sandbox } from '../src/sandbox/launch.js';
import { areas } from '../src/renderer/state/nav-store.js';
import { invoke } from './bridge';
import { expect, test } from './fixtures';
import { addSandboxStore, sandboxStore } from './helpers';

let sandbox: Sandbox;

test.beforeAll(async () => {
  sandbox = await startSandbox({ bigcommerceOnly: true, customers: 5, orders: 5, products: 2 });
});
test.afterAll(async () => {
  await sandbox.close();
});

async function useScheme(page: Page, scheme: 'light' | 'dark') {
  const html = page.locator('html');
  if ((await html.getAttribute('data-mantine-color-scheme')) !== scheme)
    await page.getByTestId('color-scheme-toggle').click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', scheme);
}

test('no serious or critical axe violations on any area, light and dark', async ({ console: c }) => {
  test.setTimeout(60_000);
  const { page } = c;
  await addSandboxStore(page, 'Demo A11y', sandboxStore(sandbox.description));
  const stores = await invoke<Array<{ id: string }>>(page, 'stores:list', {});
  const account = await invoke<{ id: string }>(page, 'accounts:add', {
    platform: 'file',
    name: 'Files',
    credentials: {},
  });
  await invoke(page, 'connections:add', {
    storeId: stores[0]!.id,
    accountId: account.id,
    settings: { directory: `${c.workspaceDir}/a11y-export` },
    mode: 'off',
  });
  // The "Store added" toast closes itself after a few seconds; a scan that meets it mid-fade measures a
  // half-transparent title, so the areas are scanned once it has gone.
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  const failures: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await useScheme(page, scheme);
    for (const area of areas) {
      await page.getByTestId(`nav-${area}`).click();
      await expect(page.getByTestId(`area-${area}`).first()).toBeVisible();
      // Notifications and transitions settle before the scan sees colours mid-fade.
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      const { violations } = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical'))
        failures.push(
          `${area} (${scheme}): ${v.id} [${v.impact}] ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => `${n.target.join(' ')} (${(n.any[0] ?? n.all[0] ?? n.none[0])?.message ?? ''})`)
            .join(' | ')}`,
        );
    }
  }
  expect(failures, failures.join('\n')).toEqual([]);
});

/** Presses Tab until the element with the test id has focus; fails when it is not in the tab order. */
async function tabTo(page: Page, testId: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    if (focused === testId) return;
  }
  throw new Error(`${testId} never got the keyboard focus in ${max} tabs`);
}

test('the console works from the keyboard: areas, forms, tabs', async ({ console: c }) => {
  const { page } = c;
  await addSandboxStore(page, 'Demo Keys', sandboxStore(sandbox.description));
  await page.getByRole('heading', { name: 'Storebridge' }).click();
  await tabTo(page, 'nav-privacy');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('area-privacy')).toBeVisible();
  await tabTo(page, 'tab-privacy-erase');
  // Arrow keys move between the tabs, as in every tab list.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('access-email')).toBeVisible();
  await tabTo(page, 'access-email');
  await page.keyboard.type('nobody@example.org');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('access-result')).toBeVisible();
  // From the top again: the diagnostics switch turns with Space.
  await page.getByRole('heading', { name: 'Storebridge' }).click();
  await tabTo(page, 'nav-diagnostics');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('diagnostics-file').first()).toBeVisible();
  await tabTo(page, 'diagnostics-pii');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('diagnostics-personal-data')).toHaveAttribute('data-state', 'included');
});

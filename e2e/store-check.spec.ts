// Runs in: Playwright. Owns: the store check a merchant sees right after adding a store: every item passed
// against the simulated store, its facts, and that changes arrive by polling (carts need webhooks).
import { startSandbox, type Sandbox } from '../src/sandbox/launch.js';
import { expect, test } from './fixtures';
import { addSandboxStore, sandboxStore } from './helpers';

let sandbox: Sandbox;
test.beforeAll(async () => {
  sandbox = await startSandbox({ bigcommerceOnly: true, customers: 3, orders: 2, products: 1 });
});
test.afterAll(async () => {
  await sandbox.close();
});

test('adding a store checks it item by item, and the check can be run again', async ({ console: c }) => {
  const { page } = c;
  await addSandboxStore(page, 'Checked Store', sandboxStore(sandbox.description));
  const check = page.getByTestId('store-check');
  await expect(check).toHaveAttribute('data-done', 'true');
  await expect(check).toHaveAttribute('data-ok', 'true');
  const items = check.getByTestId('store-check-item');
  expect(await items.count()).toBeGreaterThan(3);
  await expect(check.locator('[data-testid="store-check-item"][data-ok="false"]')).toHaveCount(0);
  await expect(page.getByTestId('store-realtime')).toContainText('need webhooks');
  await c.shot('store-check');

  await page.getByRole('button', { name: 'Close the store check' }).click();
  await expect(check).toBeHidden();
  await page.getByTestId('check-store').click();
  await expect(page.getByTestId('store-check')).toHaveAttribute('data-ok', 'true');
});

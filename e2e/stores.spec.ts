// Runs in: Playwright. Owns: the first real flow: add a store, see it listed, rename it, remove it.
import { expect, test } from './fixtures';

test('a new user adds a store, sees it listed, renames and removes it', async ({ console: c }) => {
  const { page } = c;
  await expect(page.getByTestId('stores-empty')).toBeVisible();
  await c.shot('stores-empty');

  await page.getByTestId('add-store').click();
  await page.getByTestId('store-name').fill('Acme Outdoor');
  await page.getByTestId('store-hash').fill('BAD HASH!');
  await page.getByTestId('store-token').fill('tok_e2e_0123456789abcdef');
  await page.getByTestId('add-store-submit').click();
  // Main validates: the field error says what to fix, and nothing is saved.
  await expect(page.getByText('Store hash is the short code after /stores/')).toBeVisible();
  await c.shot('stores-add-invalid');

  await page.getByTestId('store-hash').fill('abc123xyz');
  await page.getByTestId('add-store-submit').click();
  const row = page.getByTestId('store-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Acme Outdoor');
  await expect(row).toContainText('abc123xyz');
  // The renderer only ever sees a hint of the token.
  await expect(row).toContainText('••••cdef');
  await expect(page.locator('body')).not.toContainText('tok_e2e_0123456789abcdef');
  await expect(page.getByTestId('add-store-form')).toBeHidden();
  await c.shot('stores-list');

  await page.getByTestId('rename-store').click();
  await page.getByTestId('rename-input').fill('Acme Outdoor EU');
  await page.getByTestId('rename-submit').click();
  await expect(row).toContainText('Acme Outdoor EU');

  await page.getByTestId('remove-store').click();
  await c.shot('stores-remove-confirm');
  await page.getByTestId('remove-confirm').click();
  await expect(page.getByTestId('store-row')).toHaveCount(0);
  await expect(page.getByTestId('stores-empty')).toBeVisible();
});

test('every area of the navigation opens and tells a new user what to do', async ({ console: c }) => {
  const { page } = c;
  for (const area of ['connections', 'mapping', 'consent', 'privacy', 'export', 'events']) {
    await page.getByTestId(`nav-${area}`).click();
    await expect(page.getByTestId(`area-${area}`)).toBeVisible();
    await expect(page.getByTestId(`area-${area}`)).toContainText('Start by adding a BigCommerce store');
    await c.shot(`area-${area}`);
  }
  // Diagnostics helps before any store exists (a bundle of the app itself), so it opens as it is.
  await page.getByTestId('nav-diagnostics').click();
  await expect(page.getByTestId('area-diagnostics')).toContainText('A support bundle helps');
  await page.getByTestId('color-scheme-toggle').click();
  await page.getByTestId('nav-stores').click();
  await c.shot('stores-empty-toggled-theme');
});

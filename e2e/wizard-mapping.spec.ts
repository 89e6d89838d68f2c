// Runs in: Playwright. Owns: the full connection wizard against the BigCommerce and ActiveCampaign simulators
// (verify, mapping, consent preview, first sync, setup checklist, resuming after a reload without secrets in
// the draft), the Field mapping screen (edit, type warnings, preview, save, a template applied to a second
// store with what did not fit), the dashboard's charts, and an axe scan of each of those screens.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { startActiveCampaignSim } from '../src/sandbox/activecampaign/index.js';
import { startBigCommerceSim } from '../src/sandbox/bigcommerce/index.js';
import { expect, test } from './fixtures';
import { choose, wizardNext } from './helpers';

type Sims = {
  bc: Awaited<ReturnType<typeof startBigCommerceSim>>;
  ac: Awaited<ReturnType<typeof startActiveCampaignSim>>;
};
let sims: Sims;

test.beforeAll(async () => {
  const bc = await startBigCommerceSim({
    stores: [
      { hash: 'alpha01', seed: { seed: 3, customers: 6, orders: 1, products: 1 } },
      { hash: 'beta002', seed: { seed: 4, customers: 2, orders: 0, products: 0 } },
    ],
  });
  // Two client accounts; only the first has the custom fields, so a template from it does not all fit the second.
  const ac = await startActiveCampaignSim({
    accounts: [
      { name: 'alpha-client', apiKeys: ['alpha-key-0123456789'] },
      { name: 'beta-client', apiKeys: ['beta-key-0123456789'] },
    ],
    // A generous account limit; the connections below are told to spend 30 per second of it.
    rateLimit: 40,
  });
  // Two custom fields on the platform: the grid offers them from its live catalogue.
  for (const field of [
    { title: 'Birthday', type: 'date' },
    { title: 'Anniversary', type: 'date' },
  ]) {
    const r = await fetch(`${ac.credentials.apiUrl}/fields`, {
      method: 'POST',
      headers: { 'Api-Token': ac.credentials.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ field }),
    });
    expect(r.status).toBeLessThan(300);
  }
  sims = { bc, ac };
});
test.afterAll(async () => {
  await Promise.allSettled([sims.bc.close(), sims.ac.close()]);
});

/** No serious or critical axe violation on the screen as it is now (in the wizard: its dialog). */
async function axe(page: Page, where: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  if (where.startsWith('wizard')) builder.include('[role="dialog"]');
  const r = await builder.analyze();
  const bad = r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${where}`).toEqual([]);
}

async function addStore(page: Page, name: string, hash: string): Promise<void> {
  const s = sims.bc.stores.find((x) => x.hash === hash)!;
  await page.getByTestId('nav-stores').click();
  await page.getByTestId('add-store').click();
  await page.getByTestId('store-name').fill(name);
  await page.getByTestId('store-hash').fill(s.hash);
  await page.getByTestId('store-token').fill(s.token);
  await page.getByTestId('store-advanced').click();
  await page.getByTestId('store-api-base-url').fill(sims.bc.url);
  await page.getByTestId('add-store-submit').click();
  await expect(page.getByTestId('store-row').filter({ hasText: name })).toBeVisible();
}

test('wizard with verify, mapping and consent; mapping screen with preview and templates; dashboard charts', async ({
  console: c,
}) => {
  test.setTimeout(90_000);
  const { page } = c;
  const { apiUrl, apiKey } = sims.ac.credentials;
  await addStore(page, 'Alpha Outdoor', 'alpha01');
  await addStore(page, 'Beta Garden', 'beta002');

  // Store -> platform -> credentials (each says where to find its value).
  await page.getByTestId('nav-connections').click();
  await page.getByTestId('add-connection').click();
  await choose(page, 'wizard-store', 'Alpha Outdoor');
  await wizardNext(page);
  await page.getByTestId('wizard-platform-activecampaign').click();
  await wizardNext(page);
  await expect(page.getByText('Settings (gear, bottom left) → Developer → API Access → URL')).toBeVisible();
  await page.getByTestId('wizard-account-name').fill('Alpha AC');
  await page.getByTestId('cred-apiUrl').fill(apiUrl);
  await page.getByTestId('cred-apiKey').fill(apiKey);
  await c.shot('wizard-full-credentials');
  await axe(page, 'wizard credentials');
  await wizardNext(page);

  // Verify, item by item: the store's token and scopes, and the account in the keychain.
  const items = page.getByTestId('verify-item');
  await expect(items.filter({ hasText: 'Alpha AC' })).toHaveAttribute('data-ok', 'true');
  await expect(items.first()).toHaveAttribute('data-ok', 'true');
  await expect(page.locator('[data-testid="verify-item"][data-ok="false"]')).toHaveCount(0);
  await c.shot('wizard-full-verify');
  await axe(page, 'wizard verify');
  await wizardNext(page);

  await page.getByTestId('setting-storeUrl').fill('https://alpha.example.com');
  await page.getByTestId('wizard-continuous').click();
  await page.getByTestId('setting-more').click();
  await page.getByTestId('setting-requestsPerSecond').fill('30');
  await wizardNext(page);

  // Field mapping, prefilled; the draft survives closing and a reload, without the API key.
  const grid = page.getByTestId('mapping-grid');
  await expect(grid).toBeVisible({ timeout: 20_000 });
  const emailRow = page.locator('[data-testid="mapping-row"][data-source="bc.customer.email"]');
  await expect(emailRow.getByTestId('mapping-target')).toHaveValue(/Email/);
  await c.shot('wizard-full-mapping');
  await axe(page, 'wizard mapping');
  await page.getByTestId('wizard-later').click();
  await expect(page.getByTestId('wizard-resume-banner')).toBeVisible();
  const draft = await page.evaluate(() => localStorage.getItem('storebridge.wizard-draft'));
  expect(draft).toContain('Alpha AC');
  expect(draft).not.toContain(apiKey);
  await page.reload();
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await page.getByTestId('nav-connections').click();
  await page.getByTestId('wizard-resume').click();
  await expect(page.getByTestId('wizard')).toHaveAttribute('data-step', 'mapping');
  await expect(grid).toBeVisible({ timeout: 20_000 });
  await wizardNext(page);

  // Consent preview with the platform's warning.
  await expect(page.getByTestId('consent-impact')).toContainText('contacts created');
  await expect(page.getByTestId('creates-contacts')).toBeVisible();
  await c.shot('wizard-full-consent');
  await axe(page, 'wizard consent');
  await wizardNext(page);

  // First sync: historical with its estimate; then the run and the "verify the setup" checklist.
  await expect(page.getByTestId('estimate')).toBeVisible();
  await c.shot('wizard-full-first-sync');
  await wizardNext(page);
  await expect(page.getByTestId('sync-summary')).toHaveAttribute('data-state', 'drained', {
    timeout: 40_000,
  });
  expect(Number(await page.getByTestId('summary-delivered').textContent())).toBeGreaterThan(0);
  const checklist = page.getByTestId('setup-checklist');
  await expect(checklist).toHaveAttribute('data-done', 'true', { timeout: 15_000 });
  await expect(checklist).toHaveAttribute('data-ok', 'true');
  // The round trip writes a test record only once agreed to, and reads it back.
  await expect(page.getByTestId('roundtrip-send')).toBeDisabled();
  await page.getByTestId('roundtrip-agree').click();
  await page.getByTestId('roundtrip-send').click();
  await expect(page.getByTestId('roundtrip')).toHaveAttribute('data-result', 'passed', { timeout: 15_000 });
  await c.shot('wizard-full-checklist');
  await axe(page, 'wizard checklist');
  await page.getByTestId('wizard-done').click();
  await expect(page.getByTestId('wizard-resume-banner')).toHaveCount(0);

  // A second store on the same account, only what changes from now on.
  await page.getByTestId('add-connection').click();
  await choose(page, 'wizard-store', 'Beta Garden');
  await wizardNext(page);
  await page.getByTestId('wizard-platform-activecampaign').click();
  await wizardNext(page);
  await page.getByText('Add a new account').click();
  const beta = sims.ac.credentials.accounts[1]!;
  await page.getByTestId('wizard-account-name').fill('Beta AC');
  await page.getByTestId('cred-apiUrl').fill(beta.apiUrl);
  await page.getByTestId('cred-apiKey').fill(beta.apiKeys[0]!);
  await wizardNext(page);
  await expect(page.locator('[data-testid="verify-item"][data-ok="true"]').first()).toBeVisible();
  await wizardNext(page);
  await page.getByTestId('setting-storeUrl').fill('https://beta.example.com');
  await page.getByTestId('wizard-continuous').click();
  await page.getByTestId('setting-more').click();
  await page.getByTestId('setting-requestsPerSecond').fill('30');
  await wizardNext(page);
  await expect(grid).toBeVisible({ timeout: 20_000 });
  await wizardNext(page);
  await expect(page.getByTestId('consent-impact')).toBeVisible();
  await wizardNext(page);
  await page.getByTestId('wizard-from-now').click();
  await wizardNext(page);
  await expect(page.getByTestId('sync-summary')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('wizard-done').click();
  await expect(page.getByTestId('connection-row')).toHaveCount(2);

  // Editing a connection walks the same steps from Verify; its saved mapping comes back.
  await page.getByTestId('connection-edit').first().click();
  await expect(page.getByTestId('wizard')).toHaveAttribute('data-step', 'verify');
  await wizardNext(page);
  await expect(page.getByTestId('wizard-settings-fixed')).toBeVisible();
  await wizardNext(page);
  await expect(grid).toHaveAttribute('data-origin', 'saved', { timeout: 20_000 });
  await page.getByTestId('wizard-later').click();
  await page.getByTestId('wizard-discard').click();
  await expect(page.getByTestId('wizard-resume-banner')).toHaveCount(0);

  // Field mapping screen: custom form fields from the store, platform custom fields, transforms, warnings.
  await page.getByTestId('nav-mapping').click();
  await choose(page, 'mapping-connection', 'Alpha Outdoor');
  const row = (source: string) => page.locator(`[data-testid="mapping-row"][data-source="${source}"]`);
  await expect(row('bc.form_field.Birthday')).toBeVisible({ timeout: 20_000 });
  await row('bc.form_field.Birthday').getByTestId('mapping-target').click();
  await page.getByRole('option', { name: /^Birthday/ }).click();
  await row('bc.form_field.Nickname').getByTestId('mapping-target').click();
  await page.getByRole('option', { name: /^Anniversary/ }).click();
  await expect(row('bc.form_field.Nickname').getByTestId('mapping-warning')).toContainText('date');
  await row('bc.form_field.Nickname').getByTestId('mapping-target').click();
  await page.getByRole('option', { name: /^Anniversary/ }).click();
  await expect(row('bc.form_field.Nickname').getByTestId('mapping-warning')).toHaveCount(0);
  await row('bc.customer.phone').getByTestId('mapping-transform').click();
  await page.getByRole('option', { name: 'Phone to international (E.164)' }).click();

  // Five real records, before and after.
  await page.getByTestId('mapping-preview-run').click();
  await expect(page.getByTestId('preview-record')).toHaveCount(5);
  const birthdays = page.locator('[data-testid="preview-after"]').filter({ hasText: /: \d{4}-\d\d-\d\d$/ });
  await expect(birthdays.first()).toBeVisible();
  await c.shot('mapping-preview');
  await axe(page, 'mapping screen');
  await page.getByTestId('mapping-save').click();
  await expect(page.getByText('Mapping saved: Alpha Outdoor')).toBeVisible();

  // A template from this store, applied to the second: what did not fit is named.
  await page.getByTestId('template-name').fill('Outdoor customers');
  await page.getByTestId('template-save').click();
  await expect(page.getByText('Template saved')).toBeVisible();
  await choose(page, 'template-targets', 'Beta Garden');
  await page.keyboard.press('Escape');
  await page.getByTestId('template-apply').click();
  const report = page.getByTestId('template-report');
  await expect(report).toContainText('Beta Garden');
  await expect(report).toContainText('rows applied');
  // Beta's account has no Birthday field: that row is named with the reason, the rest applied.
  await expect(report).toHaveAttribute('data-not-fitted', '1');
  await expect(report.getByTestId('template-misfit')).toContainText('bc.form_field.Birthday');
  await c.shot('mapping-template-applied');

  // Dashboard: charts of throughput and queue depth, filled by the status polling while a sync runs.
  await page.getByTestId('nav-dashboard').click();
  const charts = page.getByTestId('dashboard-charts');
  await expect(charts).toBeVisible();
  // Shoppers act in the store meanwhile: the next sync has records to deliver.
  sims.bc.control['alpha01']!.activity.step(6);
  await page.getByTestId('bulk-sync').click();
  await expect
    .poll(
      async () => Number((await page.getByTestId('chart-throughput-total').textContent())?.split(' ')[0]),
      {
        timeout: 20_000,
      },
    )
    .toBeGreaterThan(0);
  await expect
    .poll(async () => Number(await charts.getAttribute('data-samples')), { timeout: 15_000 })
    .toBeGreaterThan(1);
  await page.getByTestId('dashboard-filter').getByText('Needs attention').click();
  await expect(page.getByTestId('dashboard-no-match')).toBeVisible();
  await page.getByTestId('dashboard-filter').getByText('All stores').click();
  await expect(page.getByTestId('dashboard-row')).toHaveCount(2);
  await c.shot('dashboard-charts');
  await axe(page, 'dashboard');
});

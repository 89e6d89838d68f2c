// Runs in: Playwright. Owns: the trust screens end to end against the simulators with real data: an archival
// export with progress, cancel and resume; consent lookup and reconcile; an erase with a receipt per system
// (Connectif, the file export, BigCommerce, the workspace); a diagnostics preview and save; the offline banner.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { SimControl } from '../src/sandbox/kit/control.js';
import { startSandbox, type Sandbox } from '../src/sandbox/launch.js';
import { invoke } from './bridge';
import { expect, test } from './fixtures';
import { addSandboxStore, sandboxStore } from './helpers';

let sandbox: Sandbox;
const axeFailures: string[] = [];

/** Scans the screen in the state it is in now (results, receipts, progress), beyond the empty states. */
async function scan(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical'))
    axeFailures.push(`${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}
let outDir: string;

test.beforeAll(async () => {
  sandbox = await startSandbox({ customers: 60, orders: 20, products: 5 });
  outDir = mkdtempSync(join(tmpdir(), 'storebridge-e2e-trust-'));
});
test.afterAll(async () => {
  await sandbox.close();
  rmSync(outDir, { recursive: true, force: true });
});

test('archival export, consent reconcile, erase with receipts, diagnostics, offline banner', async ({
  console: c,
}) => {
  test.setTimeout(90_000);
  const { page } = c;
  const store = sandboxStore(sandbox.description);
  const bc = new SimControl((sandbox.description.bigcommerce as { url: string }).url);
  const cf = sandbox.description.connectif as { url: string; credentials: { apiKey: string } };
  await addSandboxStore(page, 'Demo Trust', store);
  // A Connectif connection the erase must reach; it never syncs on its own (mode off).
  const stores = await invoke<Array<{ id: string }>>(page, 'stores:list', {});
  const account = await invoke<{ id: string }>(page, 'accounts:add', {
    platform: 'connectif',
    name: 'Trust Connectif',
    credentials: { apiKey: cf.credentials.apiKey, apiUrl: cf.url },
  });
  await invoke(page, 'connections:add', {
    storeId: stores[0]!.id,
    accountId: account.id,
    name: 'Trust Connectif',
    settings: { storeUrl: 'https://trust.example.com' },
    mode: 'off',
  });

  // Archival export to files: estimate, start, cancel while BigCommerce is slow, resume to the end.
  await page.getByTestId('nav-export').click();
  const exportDir = join(outDir, 'export');
  await page.getByTestId('export-directory').fill(exportDir);
  await page.getByText('CSV (spreadsheets)').click();
  await page.getByTestId('export-estimate-button').click();
  const estimateRow = page.getByTestId('export-estimate-row');
  await expect(estimateRow).toContainText('customers');
  await expect(estimateRow).toContainText('orders');
  // The estimate follows the resources and dates without another click: orders left out, then a start date
  // after every customer, then both back as they were.
  await page.getByTestId('export-resource-orders').click();
  await expect(estimateRow).not.toContainText('orders');
  await expect(estimateRow).toContainText('customers');
  // No customer is created after that date (the count is 0 now; "60 customers" must not match).
  await page.getByTestId('export-from').fill('2999-01-01');
  await expect(estimateRow).toContainText(/(^|\D)0 customers, /);
  await page.getByTestId('export-from').fill('');
  await page.getByTestId('export-resource-orders').click();
  await expect(estimateRow).toContainText('orders');
  await expect(page.getByTestId('export-estimate-updating')).toHaveCount(0);
  await c.shot('export-estimate');
  await scan(page, 'export-estimate');
  await bc.fault({ kind: 'slow', delayMs: 2500, count: 2 });
  await page.getByTestId('export-start').click();
  const run = page.getByTestId('export-run');
  await expect(run).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('export-progress-pace')).toContainText('left');
  await c.shot('export-progress');
  await scan(page, 'export-progress');
  await page.getByTestId('export-cancel').click();
  await expect(run).toHaveAttribute('data-status', 'cancelled', { timeout: 20_000 });
  await expect(page.getByTestId('export-cancelled')).toBeVisible();
  await c.shot('export-cancelled');
  await bc.clearFaults();
  await page.getByTestId('export-resume').click();
  await expect(page.getByTestId('sync-summary')).toHaveAttribute('data-state', 'drained', {
    timeout: 30_000,
  });
  await expect(run).toHaveAttribute('data-status', 'done');
  await c.shot('export-done');
  const csv = readdirSync(exportDir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.csv'));
  expect(csv.length).toBeGreaterThan(0);
  // Again through "Connected platforms": the same connection, chosen by name; nothing changed, nothing resent.
  await page.getByTestId('export-destination').getByText('Connected platforms').click();
  await page.getByTestId('export-connections').click();
  await page.getByRole('option', { name: /export \(CSV\)/ }).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('sync-summary')).toHaveAttribute('data-state', 'drained', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('summary-delivered')).toHaveText('0');

  // Consent: the export read the store's subscribers into the ledger; people who opted out in BigCommerce
  // were never told to the two connections, so they are mismatches until reconciled.
  await page.getByTestId('nav-consent').click();
  await page.getByTestId('tab-consent-reconcile').click();
  await page.getByTestId('consent-check').click();
  const mismatches = page.getByTestId('consent-mismatch');
  await expect(mismatches.first()).toBeVisible();
  const email = (await mismatches.first().getByRole('button').textContent())!.trim();
  await c.shot('consent-report');
  await page.getByTestId('consent-preview').click();
  await expect(page.getByTestId('consent-action').first()).toContainText('queued through the sync');
  await c.shot('consent-preview');
  await scan(page, 'consent-preview');
  await page.getByTestId('consent-apply').click();
  await expect(page.getByTestId('consent-outcome').first().locator('[data-outcome]')).toHaveAttribute(
    'data-outcome',
    'applied',
  );
  await expect(page.getByTestId('consent-no-mismatch')).toBeVisible();
  await c.shot('consent-applied');
  // The person's story: BigCommerce's opt-out, then Storebridge telling each connection.
  await page.getByTestId('tab-consent-lookup').click();
  await page.getByTestId('consent-email').fill(email);
  await page.getByTestId('consent-email').press('Enter');
  await expect(page.getByTestId('consent-effective')).toHaveText('unsubscribed');
  await expect(page.getByTestId('consent-fact')).toHaveCount(3);
  await expect(page.getByTestId('consent-person')).toContainText('reconciled by Storebridge');
  await c.shot('consent-person');
  await scan(page, 'consent-person');
  await page.getByTestId('color-scheme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await scan(page, 'consent-person (dark)');
  await c.shot('consent-person-dark');
  await page.getByTestId('color-scheme-toggle').click();
  // Before a historical sync to Connectif: what it would do to consent, with nothing sent.
  await page.getByTestId('tab-consent-impact').click();
  await page.getByTestId('consent-impact-preview').click();
  await expect(page.getByTestId('consent-impact')).toContainText(/\d+ contacts created, \d+ subscribed/);
  await c.shot('consent-impact');
  await scan(page, 'consent-impact');

  // Erase that person everywhere, BigCommerce included, with a receipt per system.
  await page.getByTestId('nav-privacy').click();
  await page.getByTestId('erase-email').fill(email);
  await page.getByTestId('erase-find').click();
  await expect(page.getByTestId('erase-where-row').first()).toBeVisible();
  await page.getByTestId('erase-bigcommerce').check();
  await expect(page.getByTestId('erase-submit')).toBeDisabled();
  await page.getByTestId('erase-confirm-text').fill(email);
  await c.shot('privacy-erase-confirm');
  await scan(page, 'privacy-erase-confirm');
  await page.getByTestId('erase-submit').click();
  const receipts = page.getByTestId('erase-receipt');
  await expect(receipts).toHaveCount(4);
  await expect(receipts.filter({ hasText: 'Trust Connectif' })).toHaveAttribute(
    'data-outcome',
    /erased|not_found/,
  );
  await expect(receipts.filter({ hasText: 'CSV' })).toHaveAttribute('data-outcome', 'skipped');
  await expect(receipts.filter({ hasText: 'BigCommerce' })).toHaveAttribute('data-outcome', 'erased');
  await expect(receipts.filter({ hasText: 'Storebridge workspace' })).toHaveAttribute(
    'data-outcome',
    'erased',
  );
  await expect(page.getByTestId('erase-files')).toBeVisible();
  await expect(page.getByTestId('erase-remaining')).toHaveCount(0);
  await c.shot('privacy-receipts');
  await scan(page, 'privacy-receipts');
  await page.getByTestId('color-scheme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await scan(page, 'privacy-receipts (dark)');
  await page.getByTestId('color-scheme-toggle').click();
  // The workspace holds nothing more about them; the audit trail has the request without the email.
  const after = await invoke<{ records: unknown[]; suppressed: boolean }>(page, 'privacy:access', { email });
  expect(after.records).toHaveLength(0);
  expect(after.suppressed).toBe(true);
  await page.getByTestId('tab-privacy-audit').click();
  await expect(page.getByTestId('audit-entry')).toHaveCount(1);
  expect(await page.getByTestId('audit-trail').textContent()).not.toContain(email);
  await c.shot('privacy-audit');
  await scan(page, 'privacy-audit');
  // An anonymisation policy: added, previewed (who it would erase today), removed.
  await page.getByTestId('tab-privacy-policies').click();
  await page.getByTestId('policy-name').fill('Stale sign-ups');
  await page.getByLabel('Signed up more than (days ago)').fill('1');
  await page.getByTestId('policy-add').click();
  await expect(page.getByTestId('policy-row')).toHaveCount(1);
  await page.getByTestId('policy-preview').click();
  await expect(page.getByTestId('policy-affected')).toContainText(/would be erased now|Nobody/);
  await c.shot('privacy-policies');
  await scan(page, 'privacy-policies');
  // Running it erases exactly the people the preview named, each with receipts in the audit trail.
  const affected = Number(await page.getByTestId('policy-affected').getAttribute('data-count'));
  await page.getByTestId('policy-run').click();
  await expect(page.getByTestId('policy-note')).toContainText(/erased \d+ (person|people)/);
  const erased = Number(/erased (\d+)/.exec((await page.getByTestId('policy-note').textContent())!)![1]);
  expect(affected).toBeGreaterThan(0);
  expect(erased).toBe(affected);
  await page.getByTestId('policy-remove').click();
  await expect(page.getByTestId('policies-none')).toBeVisible();

  // Diagnostics: preview (personal data masked), the integrity verdict, then save; no secret in the zip.
  await page.getByTestId('nav-diagnostics').click();
  await expect(page.getByTestId('diagnostics-file')).toHaveCount(8);
  await expect(page.getByTestId('diagnostics-integrity')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('diagnostics-personal-data')).toHaveAttribute('data-state', 'masked');
  const config = page.getByTestId('diagnostics-file').filter({ hasText: 'configuration.json' });
  await config.click();
  await expect(config.getByTestId('diagnostics-excerpt')).toContainText('"name": "Demo Trust"');
  await page.getByTestId('diagnostics-pii').click();
  await expect(page.getByTestId('diagnostics-personal-data')).toHaveAttribute('data-state', 'included');
  await page.getByTestId('diagnostics-pii').click();
  await expect(page.getByTestId('diagnostics-personal-data')).toHaveAttribute('data-state', 'masked');
  await c.shot('diagnostics-preview');
  await scan(page, 'diagnostics-preview');
  const zip = join(outDir, 'bundle.zip');
  await page.getByTestId('diagnostics-path').fill(zip);
  await page.getByTestId('diagnostics-save').click();
  await expect(page.getByTestId('diagnostics-saved')).toContainText('8 files');
  await c.shot('diagnostics-saved');
  const files = unzipSync(new Uint8Array(readFileSync(zip)));
  const all = Object.values(files)
    .map((f) => strFromU8(f))
    .join('\n');
  expect(Object.keys(files)).toContain('integrity.json');
  expect(all).not.toContain(store.token);
  expect(all).not.toContain(cf.credentials.apiKey);

  // The host goes away: every screen says so instead of failing silently.
  const host = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .find((l) => l.includes('src/main/host/serve.ts') && l.includes(c.workspaceDir));
  expect(host).toBeTruthy();
  process.kill(Number(host!.trim().split(/\s+/)[0]), 'SIGTERM');
  await expect(page.getByTestId('offline-banner')).toHaveAttribute('data-kind', 'host', { timeout: 15_000 });
  await c.shot('offline-banner');
  await scan(page, 'offline-banner');
  expect(existsSync(zip)).toBe(true);
  expect(axeFailures, axeFailures.join('\n')).toEqual([]);
});

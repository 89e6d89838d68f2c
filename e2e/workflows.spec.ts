// Runs in: Playwright. Owns: the console's main workflows with real data flowing from the BigCommerce
// simulator: connect a store to files through the wizard, run the first sync, see it on the dashboard and in
// the event log, open a record's timeline, check dead letters, and export to CSV.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../src/sandbox/launch.js';
import { expect, test } from './fixtures';
import { addSandboxStore, choose, sandboxStore, wizardNext } from './helpers';

let sandbox: Sandbox;
let outDir: string;

test.beforeAll(async () => {
  sandbox = await startSandbox({ bigcommerceOnly: true, customers: 25, orders: 40, products: 10 });
  outDir = mkdtempSync(join(tmpdir(), 'storebridge-e2e-out-'));
});
test.afterAll(async () => {
  await sandbox.close();
  rmSync(outDir, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

test('connect a store to files, sync, watch it on the dashboard and in the log, export', async ({
  console: c,
}) => {
  test.setTimeout(120_000);
  const { page } = c;
  await addSandboxStore(page, 'Demo Outdoor', sandboxStore(sandbox.description));

  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('dashboard-no-connections')).toBeVisible();
  await c.shot('dashboard-no-connections');

  // The wizard, step by step; Next refuses until each step is complete.
  await page.getByTestId('nav-connections').click();
  await expect(page.getByTestId('connections-none')).toBeVisible();
  await c.shot('connections-empty');
  await page.getByTestId('add-connection').click();
  await wizardNext(page);
  await expect(page.getByTestId('wizard-error')).toContainText('Choose the store');
  await choose(page, 'wizard-store', 'Demo Outdoor');
  await c.shot('wizard-store');
  await wizardNext(page);
  await page.getByTestId('wizard-platform-file').click();
  await c.shot('wizard-platform');
  await wizardNext(page);
  await page.getByTestId('wizard-account-name').fill('Local files');
  await c.shot('wizard-account-file');
  await wizardNext(page);
  // Verify: the store's token and scopes, item by item.
  await expect(page.getByTestId('verify-item').first()).toBeVisible();
  await wizardNext(page);
  // Settings come from the platform's JSON Schema: the folder is required, the format has its default.
  await expect(page.getByTestId('wizard-continuous')).not.toBeChecked();
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('wizard-error')).toBeVisible();
  const wizardDir = join(outDir, 'wizard');
  await page.getByTestId('setting-directory').fill(wizardDir);
  await c.shot('wizard-settings-file');
  await wizardNext(page);
  await expect(page.getByTestId('wizard-historical')).toBeChecked();
  // Before a historical sync: what it will read and how long the rate limits make it take.
  await expect(page.getByTestId('estimate')).toBeVisible();
  await c.shot('wizard-first-sync');
  await wizardNext(page);
  const summary = page.getByTestId('sync-summary');
  await expect(summary).toBeVisible({ timeout: 60_000 });
  await expect(summary).toHaveAttribute('data-state', 'drained');
  const read = Number(await page.getByTestId('summary-read').textContent());
  const delivered = Number(await page.getByTestId('summary-delivered').textContent());
  expect(read).toBeGreaterThanOrEqual(25 + 40 + 10);
  expect(delivered).toBeGreaterThan(0);
  await c.shot('wizard-sync-summary');
  await page.getByTestId('wizard-done').click();
  // The sync wrote real files.
  expect(filesUnder(wizardDir).length).toBeGreaterThan(0);

  await expect(page.getByTestId('connection-row')).toHaveCount(1);
  await expect(page.getByTestId('connection-health')).toHaveText('live');
  await c.shot('connections-list');

  // Dashboard: the store x platform cell is live with an empty queue and no dead letters.
  await page.getByTestId('nav-dashboard').click();
  const cell = page.getByTestId('health-cell');
  await expect(cell).toHaveAttribute('data-health', 'live');
  await expect(cell.getByTestId('health-queue')).toContainText('queue 0 · dead 0');
  await c.shot('dashboard');
  await page.getByTestId('dashboard-search').fill('no such store');
  await expect(page.getByTestId('dashboard-no-match')).toBeVisible();
  await page.getByTestId('dashboard-search').fill('demo');
  await page.getByTestId('bulk-sync').click();
  await expect(cell).toHaveAttribute('data-health', 'live', { timeout: 30_000 });

  // Event log: the sync's events are there, filterable, with a payload viewer and a timeline per record.
  await page.getByTestId('nav-events').click();
  const list = page.getByTestId('events-list');
  await expect(list.getByTestId('event-row').first()).toBeVisible();
  await c.shot('events-log');
  await choose(page, 'events-type', 'sync.finished');
  await expect(list.getByTestId('event-row').first()).toHaveAttribute('data-type', 'sync.finished');
  // A file export has no per-record events (only failures are logged per record): the batch carries the counts.
  await choose(page, 'events-type', 'delivery.batch');
  const batch = list.getByTestId('event-row').first();
  await expect(batch).toHaveAttribute('data-type', 'delivery.batch');
  await batch.click();
  await expect(page.getByTestId('event-payload')).toContainText('"counts"');
  await expect(page.getByTestId('open-timeline')).toBeDisabled();
  await c.shot('events-payload');
  // Full-text search within the type filter, and its empty state.
  await page.getByTestId('events-search').fill('90');
  await expect(list.getByTestId('event-row')).toHaveCount(1);
  await expect(list.getByTestId('event-row').first()).toContainText('90 of 90');
  await page.getByTestId('events-search').fill('nosuchwordanywhere');
  await expect(page.getByTestId('events-empty')).toBeVisible();

  await page.getByTestId('tab-dead').click();
  await expect(page.getByTestId('dead-letters-empty')).toBeVisible();
  await c.shot('events-dead-letters');

  // Export: a CSV copy of the store in another folder, with a summary.
  await page.getByTestId('nav-export').click();
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-error')).toContainText('folder');
  const exportDir = join(outDir, 'export');
  await page.getByTestId('export-directory').fill(exportDir);
  await page.getByText('CSV (spreadsheets)').click();
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('sync-summary')).toBeVisible({ timeout: 60_000 });
  await c.shot('export-summary');
  const csv = filesUnder(exportDir).filter((f) => f.endsWith('.csv'));
  expect(csv.length).toBeGreaterThan(0);
  expect(readFileSync(csv[0]!, 'utf8').split('\n').length).toBeGreaterThan(1);
});

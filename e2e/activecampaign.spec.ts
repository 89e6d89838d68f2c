// Runs in: Playwright. Owns: the connection wizard against the ActiveCampaign simulator: a credential mistake
// named by main, the platform's settings form, a first sync where one contact is refused (a dead letter with
// the platform's reason), its timeline, and replaying it.
import { SimControl } from '../src/sandbox/kit/control.js';
import { startSandbox, type Sandbox } from '../src/sandbox/launch.js';
import { expect, test } from './fixtures';
import { addSandboxStore, choose, sandboxStore, wizardNext } from './helpers';

let sandbox: Sandbox;

test.beforeAll(async () => {
  sandbox = await startSandbox({ customers: 15, orders: 20, products: 5 });
});
test.afterAll(async () => {
  await sandbox.close();
});

test('wizard to ActiveCampaign: credentials help, settings, first sync with a dead letter, timeline, replay', async ({
  console: c,
}) => {
  test.setTimeout(240_000);
  const { page } = c;
  const ac = sandbox.description.activecampaign as {
    url: string;
    credentials: { apiUrl: string; apiKey: string };
  };
  await addSandboxStore(page, 'Demo Garden', sandboxStore(sandbox.description));

  await page.getByTestId('nav-connections').click();
  await page.getByTestId('add-connection').click();
  await choose(page, 'wizard-store', 'Demo Garden');
  await wizardNext(page);
  await page.getByTestId('wizard-platform-activecampaign').click();
  await wizardNext(page);

  // Each credential says where to find it; a wrong value is named by main and nothing is saved.
  await expect(page.getByText('Settings (gear, bottom left) → Developer → API Access → URL')).toBeVisible();
  await page.getByTestId('wizard-account-name').fill('Garden AC');
  await page.getByTestId('cred-apiUrl').fill('youraccount.activehosted');
  await page.getByTestId('cred-apiKey').fill(ac.credentials.apiKey);
  await wizardNext(page);
  await expect(page.getByTestId('wizard-error')).toBeVisible();
  await expect(page.getByText('Paste the API URL from Settings → Developer').first()).toBeVisible();
  await c.shot('wizard-ac-credentials-error');
  await page.getByTestId('cred-apiUrl').fill(ac.credentials.apiUrl);
  await wizardNext(page);
  await expect(page.getByTestId('wizard-verify')).toBeVisible();
  await wizardNext(page);

  // Settings: the required storefront first, defaults filled in under "More settings".
  await page.getByTestId('setting-storeUrl').fill('https://garden.example.com');
  // Manual mode keeps the scheduler out of this run, so the first sync below is the only one.
  await page.getByTestId('wizard-continuous').click();
  await expect(page.getByTestId('wizard-continuous')).not.toBeChecked();
  await page.getByTestId('setting-more').click();
  await expect(page.getByTestId('setting-tag')).toHaveValue('bigcommerce-customer');
  await c.shot('wizard-ac-settings');
  await wizardNext(page);
  // Field mapping (saved on Next), then the consent preview.
  await expect(page.getByTestId('mapping-grid')).toBeVisible();
  await wizardNext(page);
  await expect(page.getByTestId('consent-impact')).toBeVisible();
  await wizardNext(page);

  // The platform refuses one contact: it becomes a dead letter with the platform's reason; the rest goes on.
  await new SimControl(ac.url).fault({
    kind: 'status',
    status: 422,
    pathIncludes: 'contact/sync',
    method: 'POST',
    count: 1,
  });
  await wizardNext(page);
  await expect(page.getByTestId('sync-summary')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('summary-dead')).toHaveText('1');
  expect(Number(await page.getByTestId('summary-delivered').textContent())).toBeGreaterThan(0);
  await c.shot('wizard-ac-summary');
  await page.getByTestId('wizard-done').click();

  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('health-queue')).toContainText('dead 1');
  await c.shot('dashboard-dead-letter');

  // The refusal is in the log with the record, and its timeline shows it.
  await page.getByTestId('nav-events').click();
  await choose(page, 'events-level', 'error');
  const row = page.getByTestId('event-row').first();
  await expect(row).toHaveAttribute('data-type', 'delivery.dead');
  await row.click();
  await page.getByTestId('open-timeline').click();
  // Oldest first: the order's story ends with the platform's refusal.
  await expect(page.getByTestId('timeline-item').last()).toContainText('delivery.dead');
  // Wait for the drawer's slide-in to end before the screenshot.
  await expect(page.getByTestId('timeline')).toBeInViewport({ ratio: 1 });
  await c.shot('events-timeline-dead');
  await page.keyboard.press('Escape');

  await page.getByTestId('tab-dead').click();
  await expect(page.getByTestId('dead-letter-row')).toHaveCount(1);
  await c.shot('dead-letters');
  await page.getByTestId('replay-one').click();
  await expect(page.getByTestId('dead-letters-empty')).toBeVisible();
});

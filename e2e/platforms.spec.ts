// Runs in: Playwright. Owns: the connection wizard for dotdigital, SALESmanago, Connectif and Bloomreach, one
// table row each, against the sandbox's simulators: help text, a malformed credential named by main with nothing
// saved, verify, settings, mapping, consent, a historical first sync, and the contacts at each simulator.
import type { Page } from '@playwright/test';
import { SimControl } from '../src/sandbox/kit/control.js';
import { startSandbox, type Sandbox } from '../src/sandbox/launch.js';
import { expect, test } from './fixtures';
import { addSandboxStore, choose, sandboxStore, wizardNext } from './helpers';

type Sim = { url: string; credentials: Record<string, unknown> };

interface PlatformCase {
  platform: string;
  /** One field's "where to find it" text the credentials step must show. */
  help: string;
  /** Credentials as the wizard's fields take them (test id suffix -> value). */
  credentials(sim: Sim): Record<string, string>;
  /** A wrong value main must refuse, naming what to fix, before anything is saved. */
  wrong?: { field: string; value: string; named: string };
  /** Fills the platform's required settings (anything the platform needs set up first is made here). */
  settings(page: Page, sim: Sim): Promise<void>;
  /** Edits the mapping grid the way the platform needs before the first sync. */
  mapping?(page: Page): Promise<void>;
  /** Contacts the simulator holds, read from its /__sim/ routes. */
  contacts(sim: Sim): Promise<number>;
}

const state = <T>(sim: Sim) => new SimControl(sim.url).state<T>();

const cases: PlatformCase[] = [
  {
    platform: 'dotdigital',
    help: 'In dotdigital: Settings > Access > API users; create one there if the list is empty.',
    credentials: (sim) => {
      const a = (sim.credentials as unknown as Array<{ username: string; password: string }>)[0]!;
      return { apiUser: a.username, password: a.password, endpoint: sim.url };
    },
    wrong: {
      field: 'apiUser',
      value: 'apiuser-storebridge',
      named: 'The API user is an email address (apiuser-…@apiconnector.com)',
    },
    async settings(page, sim) {
      // The subscribers book is an id in the account: made there first, as a merchant would.
      const a = (sim.credentials as unknown as Array<{ username: string; password: string }>)[0]!;
      const res = await fetch(`${sim.url}/v2/address-books`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${a.username}:${a.password}`).toString('base64')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ name: 'Store subscribers' }),
      });
      expect(res.status).toBeLessThan(300);
      const book = (await res.json()) as { id: number };
      await page.getByTestId('setting-subscribersAddressBookId').fill(String(book.id));
    },
    contacts: async (sim) => {
      const res = await fetch(`${sim.url}/__sim/contacts`);
      return ((await res.json()) as unknown[]).length;
    },
  },
  {
    platform: 'salesmanago',
    help: 'Client ID: in SALESmanago go to Settings (gear) > Integration > API; it is the first value.',
    credentials: (sim) => {
      const c = sim.credentials as { clientId: string; apiSecret: string; owner: string; endpoint: string };
      return { clientId: c.clientId, apiSecret: c.apiSecret, owner: c.owner, endpoint: c.endpoint };
    },
    async settings(page) {
      await page.getByTestId('setting-location').fill('demo-garden');
    },
    contacts: async (sim) =>
      (await state<{ accounts: Array<{ contacts: number }> }>(sim)).accounts[0]!.contacts,
  },
  {
    platform: 'connectif',
    help: 'copy it as KeyId:KeySecret.',
    credentials: (sim) => ({ apiKey: String(sim.credentials.apiKey), apiUrl: sim.url }),
    wrong: {
      field: 'apiKey',
      value: 'only-the-key-id',
      named: 'Paste the whole API key as Connectif copies it: KeyId:KeySecret (with the colon)',
    },
    async settings(page, sim) {
      // Connectif refuses products whose links are not on its Authorized Domains: the merchant adds the
      // storefront and the image host there (Store Settings → Web).
      const res = await fetch(`${sim.url}/__sim/authorized-domains`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(['https://demo-garden.mybigcommerce.com', 'https://cdn.example.com']),
      });
      expect(res.status).toBe(200);
      await page.getByTestId('setting-storeUrl').fill('https://demo-garden.mybigcommerce.com');
    },
    // Connectif takes mobile phones only in international format: the grid's transform makes them so.
    async mapping(page) {
      const row = page.locator('[data-testid="mapping-row"][data-source="bc.customer.phone"]');
      await row.getByTestId('mapping-transform').click();
      await page.getByRole('option', { name: 'Phone to international (E.164)' }).click();
    },
    contacts: async (sim) => (await state<{ stores: Array<{ contacts: number }> }>(sim)).stores[0]!.contacts,
  },
  {
    platform: 'bloomreach',
    help: 'Project token: Project settings → Access management → API, "Project token" (a UUID).',
    credentials: (sim) => {
      const c = sim.credentials as {
        baseUrl: string;
        projectToken: string;
        privateKey: { keyId: string; secret: string };
      };
      return {
        projectToken: c.projectToken,
        apiKeyId: c.privateKey.keyId,
        apiSecret: c.privateKey.secret,
        baseUrl: c.baseUrl,
      };
    },
    async settings(page) {
      await page.getByTestId('setting-storeUrl').fill('https://garden.example.com');
    },
    contacts: async (sim) => (await state<{ customers: number }>(sim)).customers,
  },
];

let sandbox: Sandbox;

test.beforeAll(async () => {
  // A small seed keeps the four first syncs within the spec's two minutes. The four wizards read one store:
  // on the Standard plan's 150 calls per 30 s, a later wizard's store check can wait out the window the
  // earlier ones spent (the client keeps to its share, as it should), so the store has the Plus plan's 450.
  sandbox = await startSandbox({ customers: 5, orders: 6, products: 3, quota: 450 });
});
test.afterAll(async () => {
  await sandbox.close();
});

for (const p of cases) {
  test(`wizard to ${p.platform}: credentials, verify, settings, mapping, consent, first sync`, async ({
    console: c,
  }) => {
    test.setTimeout(90_000);
    const { page } = c;
    const sim = sandbox.description[p.platform] as Sim;
    await addSandboxStore(page, 'Demo Garden', sandboxStore(sandbox.description));

    await page.getByTestId('nav-connections').click();
    await page.getByTestId('add-connection').click();
    await choose(page, 'wizard-store', 'Demo Garden');
    await wizardNext(page);
    await page.getByTestId(`wizard-platform-${p.platform}`).click();
    await wizardNext(page);

    await expect(page.getByText(p.help)).toBeVisible();
    await page.getByTestId('wizard-account-name').fill(`Garden ${p.platform}`);
    await page.getByTestId('cred-more').click();
    const creds = p.credentials(sim);
    for (const [field, value] of Object.entries(creds)) await page.getByTestId(`cred-${field}`).fill(value);
    if (p.wrong) {
      await page.getByTestId(`cred-${p.wrong.field}`).fill(p.wrong.value);
      await wizardNext(page);
      await expect(page.getByTestId('wizard-error')).toBeVisible();
      await expect(page.getByText(p.wrong.named).first()).toBeVisible();
      await c.shot(`wizard-${p.platform}-credentials-error`);
      // Nothing saved: the step still offers no existing account to reuse.
      await expect(page.getByTestId('wizard-account-mode')).toHaveCount(0);
      await page.getByTestId(`cred-${p.wrong.field}`).fill(creds[p.wrong.field]!);
    }
    await wizardNext(page);

    // Verify: every item passes, the platform account included.
    await expect(page.getByTestId('wizard-verify')).toBeVisible();
    await expect(page.getByTestId('verify-item').filter({ hasText: `Garden ${p.platform}` })).toHaveAttribute(
      'data-ok',
      'true',
      { timeout: 20_000 },
    );
    await expect(page.locator('[data-testid="verify-item"][data-ok="false"]')).toHaveCount(0);
    await wizardNext(page);

    // Settings: manual mode keeps the scheduler out, so the first sync below is the only one.
    await p.settings(page, sim);
    await page.getByTestId('wizard-continuous').click();
    await expect(page.getByTestId('wizard-continuous')).not.toBeChecked();
    await c.shot(`wizard-${p.platform}-settings`);
    await wizardNext(page);

    await expect(page.getByTestId('mapping-grid')).toBeVisible({ timeout: 30_000 });
    await p.mapping?.(page);
    await wizardNext(page);
    await expect(page.getByTestId('consent-impact')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('creates-contacts')).toBeVisible();
    await wizardNext(page);

    // First sync: historical, to the end.
    await expect(page.getByTestId('estimate')).toBeVisible({ timeout: 20_000 });
    await wizardNext(page);
    await expect(page.getByTestId('sync-summary')).toHaveAttribute('data-state', 'drained', {
      timeout: 60_000,
    });
    await expect(page.getByTestId('summary-dead')).toHaveText('0');
    // dotdigital's imports too: the first sync waits for them to be confirmed, and counts them delivered.
    expect(Number(await page.getByTestId('summary-delivered').textContent())).toBeGreaterThan(0);
    await expect(page.getByTestId('summary-awaiting')).toHaveText('0');
    // The "verify the setup" checklist runs against the platform after the sync.
    const checklist = page.getByTestId('setup-checklist');
    await expect(checklist).toHaveAttribute('data-done', 'true', { timeout: 20_000 });
    await expect(checklist).toHaveAttribute('data-ok', 'true');
    await c.shot(`wizard-${p.platform}-summary`);
    await page.getByTestId('wizard-done').click();
    const row = page.locator(`[data-testid="connection-row"][data-platform="${p.platform}"]`);
    await expect(row).toBeVisible();
    // The platform holds the store's people.
    await expect.poll(() => p.contacts(sim), { timeout: 20_000 }).toBeGreaterThan(0);
  });
}

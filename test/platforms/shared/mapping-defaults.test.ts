// Runs in: vitest (under scripts/with-keychain.sh). Owns: 'mapping:defaults' through the contract for every
// platform: the connector's default rows, fitted to a real store, come back non-empty and validate against the
// platform's live field catalogue read from its simulator.
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../../src/main/app/workspace.js';
import { dotdigitalConnector } from '../../../src/main/platforms/dotdigital/index.js';
import { startActiveCampaignSim } from '../../../src/sandbox/activecampaign/index.js';
import { startBloomreachSim } from '../../../src/sandbox/bloomreach/index.js';
import { startConnectifSim } from '../../../src/sandbox/connectif/index.js';
import { startDotdigitalSim } from '../../../src/sandbox/dotdigital/index.js';
import { startSalesmanagoSim } from '../../../src/sandbox/salesmanago/index.js';
import { closeAfterTest, storeWorkspace } from '../../support/store-workspace.js';
import { simCredentials } from '../dotdigital/credentials.js';

type Entity = 'customer' | 'order';
interface Fit {
  mapping: { entity: Entity; rows: Array<{ source?: string; target: string }> };
  notFitted: Array<{ row: { target: string }; code: string; reason: string }>;
  missingRequired: string[];
}

async function workspaceWithStore(): Promise<{ ws: Workspace; storeId: string }> {
  const { ws, store } = await storeWorkspace({
    hash: 'defaults1',
    name: 'Defaults',
    token: 'tok_defaults_0123456789',
    seed: { customers: 6, orders: 6, products: 3, seed: 'defaults' },
  });
  return { ws, storeId: store.id };
}

async function connect(
  platform: string,
  credentials: unknown,
  settings: unknown,
): Promise<{ ws: Workspace; connectionId: string }> {
  const { ws, storeId } = await workspaceWithStore();
  const account = await ws.accounts.add({ platform, name: platform, credentials });
  const connectionId = ws.connections.add({ storeId, accountId: account.id, settings }).id;
  return { ws, connectionId };
}

async function defaults(ws: Workspace, connectionId: string, entity: Entity): Promise<Fit> {
  const r = await ws.call('mapping:defaults', { connectionId, entity });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as Fit;
}

/** The fitted mapping, validated by the same channel the grid uses, against the live catalogue. */
async function expectValid(ws: Workspace, connectionId: string, fit: Fit): Promise<void> {
  expect(fit.mapping.rows.length).toBeGreaterThan(0);
  const v = await ws.call('mapping:validate', { connectionId, mapping: fit.mapping });
  if (!v.ok) throw new Error(v.error.message);
  expect(v.value).toEqual([]);
  expect(fit.missingRequired).toEqual([]);
}

const targets = (fit: Fit) => fit.mapping.rows.map((r) => r.target);

describe('mapping:defaults for each platform, against its simulator', () => {
  it('ActiveCampaign: email, names and phone for customers and guest orders', async () => {
    const sim = await startActiveCampaignSim({ rateLimit: 1000 });
    closeAfterTest(() => sim.close());
    const { ws, connectionId } = await connect(
      'activecampaign',
      { apiUrl: sim.credentials.apiUrl, apiKey: sim.credentials.apiKey },
      { storeUrl: 'https://shop.example.com', requestsPerSecond: 400, timeoutMs: 2000 },
    );
    for (const entity of ['customer', 'order'] as const) {
      const fit = await defaults(ws, connectionId, entity);
      await expectValid(ws, connectionId, fit);
      expect(targets(fit)).toEqual(['email', 'firstName', 'lastName', 'phone']);
      expect(fit.notFitted).toEqual([]);
    }
  });

  it('dotdigital: a fresh account fits the built-in fields; once the data fields exist, every default fits', async () => {
    const sim = await startDotdigitalSim();
    closeAfterTest(() => sim.close());
    const credentials = simCredentials(sim);
    const { ws, connectionId } = await connect('dotdigital', credentials, {
      customersAddressBookId: 2,
      subscribersAddressBookId: 3,
    });
    const fresh = await defaults(ws, connectionId, 'customer');
    await expectValid(ws, connectionId, fresh);
    expect(targets(fresh)).toEqual(['FIRSTNAME', 'LASTNAME']);
    // The rest are named, not dropped: the account lacks those data fields yet.
    expect(fresh.notFitted.map((n) => n.code)).toEqual(fresh.notFitted.map(() => 'target_missing'));
    expect(fresh.notFitted.map((n) => n.row.target)).toContain('COMPANY');

    const settings = dotdigitalConnector.settingsSchema.parse({
      customersAddressBookId: 2,
      subscribersAddressBookId: 3,
    });
    await dotdigitalConnector.setup.ensureDataFields({
      credentials,
      settings,
      signal: new AbortController().signal,
    });
    const ready = await defaults(ws, connectionId, 'customer');
    await expectValid(ws, connectionId, ready);
    expect(ready.notFitted).toEqual([]);
    expect(targets(ready)).toEqual(
      expect.arrayContaining(['BC_CUSTOMER_ID', 'CUSTOMER_CREATED', 'BILLING_CITY']),
    );
    const order = await defaults(ws, connectionId, 'order');
    await expectValid(ws, connectionId, order);
    expect(targets(order)).toEqual(expect.arrayContaining(['FIRSTNAME', 'BILLING_POSTCODE']));
  });

  it('SALESmanago: the standard contact fields, the email required', async () => {
    const sim = await startSalesmanagoSim();
    closeAfterTest(() => sim.close());
    const c = sim.credentials;
    const { ws, connectionId } = await connect(
      'salesmanago',
      {
        clientId: c.clientId,
        apiKey: 'storebridge-test',
        apiSecret: c.apiSecret,
        owner: c.owner,
        endpoint: c.endpoint,
      },
      { location: 'bc-1', shopDomain: 'shop.example.com' },
    );
    for (const entity of ['customer', 'order'] as const) {
      const fit = await defaults(ws, connectionId, entity);
      await expectValid(ws, connectionId, fit);
      expect(fit.notFitted).toEqual([]);
      expect(targets(fit)).toEqual(expect.arrayContaining(['email', 'phone', 'address.city', 'province']));
    }
  });

  it('Connectif: name, surname and mobile phone', async () => {
    const sim = await startConnectifSim({
      rateLimit: { limit: 100_000, windowMs: 60_000 },
      jobs: { mode: 'auto', startAfterMs: 5, runForMs: 10 },
    });
    closeAfterTest(() => sim.close());
    const { ws, connectionId } = await connect(
      'connectif',
      { apiUrl: sim.url, apiKey: sim.credentials.apiKey },
      { storeUrl: 'https://shop.example.com', requestsPerMinute: 100_000, timeoutMs: 2000 },
    );
    for (const entity of ['customer', 'order'] as const) {
      const fit = await defaults(ws, connectionId, entity);
      await expectValid(ws, connectionId, fit);
      expect(fit.notFitted).toEqual([]);
      expect(targets(fit)).toEqual(['_name', '_surname', '_mobilePhone']);
    }
  }, 20_000);

  it('Bloomreach: the personal-information properties of a project that holds customers', async () => {
    const sim = await startBloomreachSim({ rateLimit: { limit: 100_000, windowMs: 60_000 } });
    closeAfterTest(() => sim.close());
    const { ws, connectionId } = await connect(
      'bloomreach',
      {
        baseUrl: sim.url,
        projectToken: sim.credentials.projectToken,
        apiKeyId: sim.credentials.privateKey.keyId,
        apiSecret: sim.credentials.privateKey.secret,
      },
      { storeUrl: 'https://shop.example.com', requestsPerMinute: 60_000, timeoutMs: 2000 },
    );
    // Bloomreach properties are schemaless: the catalogue lists what the project holds, so sync the store first.
    const sync = await ws.call('sync:start', { connectionId, historical: true });
    if (!sync.ok) throw new Error(sync.error.message);
    for (const entity of ['customer', 'order'] as const) {
      const fit = await defaults(ws, connectionId, entity);
      await expectValid(ws, connectionId, fit);
      expect(targets(fit)).toEqual(expect.arrayContaining(['email', 'first_name', 'last_name']));
    }
  }, 30_000);
});

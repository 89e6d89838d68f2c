// Runs in: vitest. Owns: verify() item by item against the simulator: good credentials, a bad key, another
// account's URL, the login address instead of the API URL, an unreachable address; the field catalogue.
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyCheck } from '../../../src/main/engine/connector.js';
import { systemClock } from '../../../src/main/core/clock.js';
import { silentLogger } from '../../../src/main/core/logger.js';
import {
  acSettingsSchema,
  activeCampaign,
  type AcCredentials,
} from '../../../src/main/platforms/activecampaign/index.js';
import { customerRecord } from './fixtures.js';
import { harness } from './harness.js';
import { startActiveCampaignSim, type ActiveCampaignSim } from '../../../src/sandbox/activecampaign/index.js';

let sim: ActiveCampaignSim;
beforeAll(async () => {
  sim = await startActiveCampaignSim({
    rateLimit: 1000,
    accounts: [
      { name: 'first', apiKeys: ['key-first-1', 'key-first-2'] },
      { name: 'second', apiKeys: ['key-second-1'] },
    ],
  });
});
afterAll(() => sim.close());

const settings = acSettingsSchema.parse({
  storeUrl: 'https://shop.example.com',
  requestsPerSecond: 400,
  timeoutMs: 500,
});
const ctx = (credentials: AcCredentials, s = settings) => ({
  credentials,
  settings: s,
  account: { id: 'a', name: 'AC' },
  clock: systemClock,
  logger: silentLogger,
  signal: new AbortController().signal,
});
/** A port nothing listens on: bound, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}
const byId = (checks: VerifyCheck[]) => Object.fromEntries(checks.map((c) => [c.id, c]));

describe('ActiveCampaign verify', () => {
  it('passes every item with good credentials, and reports the shared rate limit', async () => {
    const checks = await activeCampaign.verify(
      ctx({ apiUrl: sim.credentials.apiUrl, apiKey: 'key-first-2' }),
    );
    expect(checks.map((c) => [c.id, c.ok])).toEqual([
      ['api-url', true],
      ['api-key', true],
      ['deep-data', true],
      ['list', true],
      ['rate-limit', true],
    ]);
    expect(byId(checks)['list']).toMatchObject({ detail: 'missing: it will be created on the first sync' });
    expect(byId(checks)['rate-limit']).toMatchObject({
      detail: expect.stringContaining('1000 requests per second per account'),
    });
  });

  it('says where to find the key when it is refused (403)', async () => {
    const checks = byId(
      await activeCampaign.verify(ctx({ apiUrl: sim.credentials.apiUrl, apiKey: 'wrong' })),
    );
    expect(checks['api-key']).toMatchObject({ ok: false, detail: 'ActiveCampaign answered 403 Forbidden' });
    expect(checks['api-key']?.fix).toContain('Settings (gear, bottom left) → Developer');
  });

  it('fails a key used with another account’s URL, with the fix', async () => {
    const second = sim.credentials.accounts.find((a) => a.name === 'second')!.apiUrl;
    const checks = byId(await activeCampaign.verify(ctx({ apiUrl: second, apiKey: 'key-first-1' })));
    expect(checks['api-key']).toMatchObject({ ok: false });
    expect(checks['api-key']?.fix).toContain('same page');
    const ok = byId(await activeCampaign.verify(ctx({ apiUrl: second, apiKey: 'key-second-1' })));
    expect(ok['api-key']).toMatchObject({ ok: true });
  });

  it('refuses the login address and reports an unreachable one', async () => {
    const login = await activeCampaign.verify(
      ctx({ apiUrl: 'https://first.activehosted.com', apiKey: 'key-first-1' }),
    );
    expect(login).toEqual([
      expect.objectContaining({ id: 'api-url', ok: false, fix: expect.stringContaining('.api-us1.com') }),
    ]);
    const port = await closedPort();
    const down = byId(
      await activeCampaign.verify(ctx({ apiUrl: `http://127.0.0.1:${port}/api/3`, apiKey: 'key-first-1' })),
    );
    expect(down['api-url']).toMatchObject({
      ok: false,
      label: 'API URL reachable',
      detail: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('fails the list item when the list is missing and may not be created', async () => {
    const s = acSettingsSchema.parse({ ...settings, listName: 'Nope', createListIfMissing: false });
    const checks = byId(
      await activeCampaign.verify(ctx({ apiUrl: sim.credentials.apiUrl, apiKey: 'key-first-1' }, s)),
    );
    expect(checks['list']).toMatchObject({ ok: false, fix: expect.stringContaining('Contacts → Lists') });
  });

  it('lists standard and custom fields with types, and creates a field on demand', async () => {
    const c = ctx({ apiUrl: sim.credentials.apiUrl, apiKey: 'key-first-1' });
    const created = await activeCampaign.createField(c, 'Birthday', 'date');
    expect(created).toMatchObject({ label: 'Birthday', type: 'date', custom: true });
    const fields = await activeCampaign.fieldCatalogue(c);
    expect(fields.map((f) => [f.key, f.type, f.custom])).toEqual([
      ['email', 'text', false],
      ['firstName', 'text', false],
      ['lastName', 'text', false],
      ['phone', 'text', false],
      [created.key, 'date', true],
    ]);
  });

  it('writes mapped custom fields on the contact, in the format of the field type', async () => {
    const c = ctx({ apiUrl: sim.credentials.apiUrl, apiKey: 'key-first-1' });
    const since = await activeCampaign.createField(c, 'Customer since', 'date');
    const colour = await activeCampaign.createField(c, 'Colour', 'text');
    const h = await harness({
      sharedSim: sim,
      settings: {
        fieldMappings: [
          { source: 'customer.date_created', field: since.key, type: 'date' },
          { source: 'form_field:Favourite colour', field: colour.key, type: 'text' },
        ],
      },
    });
    try {
      h.enqueue([customerRecord(1, 'mapped@example.com', 'M', 'F')], true);
      expect(await h.drainAll()).toMatchObject({ delivered: 1, dead: 0 });
      const contact = sim.state('first').contacts.find((x) => x.email === 'mapped@example.com')!;
      expect(contact.fieldValues).toEqual({ [since.key]: '2024-01-02', [colour.key]: 'Teal' });
    } finally {
      await h.close();
    }
  });
});

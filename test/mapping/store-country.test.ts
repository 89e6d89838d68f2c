// Runs in: vitest (under scripts/with-keychain.sh). Owns: phones written without a country code, through a real
// first sync on the connector's default mapping: a UK store's local numbers become British E.164 numbers, a
// shopper's own address country wins, and the grid's default rows show the store's country.
import { afterEach, expect, it } from 'vitest';
import { openWorkspace } from '../../src/main/app/workspace.js';
import { startBigCommerceSim } from '../../src/sandbox/bigcommerce/index.js';
import { defaultAuthorizedDomains, startConnectifSim } from '../../src/sandbox/connectif/index.js';
import { tempDir, uniqueService } from '../support/temp.js';

const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

const HASH = 'gbstore1';
const TOKEN = 'tok-gb';
const UK = { email: 'uk.local@example.com', first_name: 'Ada', last_name: 'Byron', phone: '020 7946 0958' };
const ES = {
  email: 'es.local@example.com',
  first_name: 'Lucía',
  last_name: 'Pérez',
  phone: '612 34 56 78',
  addresses: [
    {
      first_name: 'Lucía',
      last_name: 'Pérez',
      address1: 'Calle Mayor 1',
      city: 'Madrid',
      country_code: 'ES',
    },
  ],
};

async function world() {
  const bc = await startBigCommerceSim({
    stores: [
      {
        hash: HASH,
        countryCode: 'GB',
        seed: { customers: 2, orders: 2, products: 2, seed: 'gb' },
        quota: 10_000,
        windowMs: 1000,
        tokens: [{ token: TOKEN }],
      },
    ],
  });
  closers.push(() => bc.close());
  const created = await fetch(`${bc.url}/stores/${HASH}/v3/customers`, {
    method: 'POST',
    headers: { 'x-auth-token': TOKEN, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify([UK, ES]),
  });
  expect(created.status).toBe(200);
  const cf = await startConnectifSim({
    stores: [{ authorizedDomains: [...defaultAuthorizedDomains, `https://${HASH}.example-store.com`] }],
    rateLimit: { limit: 100_000, windowMs: 60_000 },
  });
  closers.push(() => cf.close());
  const ws = openWorkspace({ dir: tempDir(), host: 'test', keychainService: uniqueService('gb-phones') });
  closers.push(() => ws.close());
  const store = await ws.stores.add({
    name: 'UK shop',
    storeHash: HASH,
    accessToken: TOKEN,
    apiBaseUrl: bc.url,
  });
  const account = await ws.accounts.add({
    platform: 'connectif',
    name: 'Connectif UK',
    credentials: { apiKey: cf.credentials.apiKey, apiUrl: cf.url },
  });
  const conn = ws.connections.add({
    storeId: store.id,
    accountId: account.id,
    mode: 'off',
    settings: { storeUrl: `https://${HASH}.example-store.com` },
  });
  return { bc, cf, ws, conn, store };
}

it("a UK store's first sync on the default mapping sends British numbers; an address country wins", async () => {
  const { cf, ws, conn } = await world();
  // The wizard's mapping step: the connector's defaults fitted to this store, saved by "Next" unchanged.
  const defaults = await ws.call('mapping:defaults', { connectionId: conn.id, entity: 'customer' });
  expect(defaults.ok, JSON.stringify(defaults)).toBe(true);
  const fitted = (defaults.ok ? defaults.value : {}) as { mapping: { rows: unknown[] } };
  const saved = await ws.call('mapping:save', {
    connectionId: conn.id,
    mapping: { entity: 'customer', rows: fitted.mapping.rows as never },
  });
  expect(saved.ok, JSON.stringify(saved)).toBe(true);
  const until = Date.now() + 20_000;
  for (let historical = true; ; historical = false) {
    const r = await ws.call('sync:start', { connectionId: conn.id, historical, resources: ['customers'] });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const q = ws.queue.stats(conn.id);
    if (q.queued + q.leased + q.submitted === 0) break;
    if (Date.now() > until) throw new Error(`not settled: ${JSON.stringify(q)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const contacts = (await (await fetch(`${cf.url}/__sim/contacts`)).json()) as Array<{
    _email: string;
    _mobilePhone?: string | null;
  }>;
  const phoneOf = (email: string) => contacts.find((c) => c._email === email)?._mobilePhone;
  const issues = await ws.call('events:query', { connectionId: conn.id, type: 'mapping.record_issue' });
  expect(phoneOf(UK.email), JSON.stringify(issues)).toBe('+442079460958');
  expect(phoneOf(ES.email)).toBe('+34612345678');
}, 40_000);

it("the grid's default rows carry the store's country, read from BigCommerce the first time", async () => {
  const { bc, ws, conn, store } = await world();
  const rowsOf = async () => {
    const r = await ws.call('mapping:defaults', { connectionId: conn.id, entity: 'customer' });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const report = (r.ok ? r.value : {}) as {
      mapping: { rows: Array<{ target: string; transforms: Array<Record<string, unknown>> }> };
    };
    return report.mapping.rows.find((x) => x.target === '_mobilePhone')?.transforms;
  };
  expect(await rowsOf()).toEqual([{ kind: 'phone', defaultCountry: 'GB' }]);
  // Kept with the store: a change in BigCommerce is seen by the next store check or historical sync, not by
  // every grid load.
  const moveStore = async (country_code: string) => {
    const moved = await fetch(`${bc.url}/__sim/stores/${HASH}/store-profile`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ country_code }),
    });
    expect(moved.status).toBe(200);
  };
  await moveStore('ES');
  expect(await rowsOf()).toEqual([{ kind: 'phone', defaultCountry: 'GB' }]);
  const checked = await ws.call('stores:verify', { id: store.id });
  expect(checked.ok, JSON.stringify(checked)).toBe(true);
  expect(await rowsOf()).toEqual([{ kind: 'phone', defaultCountry: 'ES' }]);
  await moveStore('FR');
  const r = await ws.call('sync:start', {
    connectionId: conn.id,
    historical: true,
    resources: ['customers'],
  });
  expect(r.ok, JSON.stringify(r)).toBe(true);
  expect(await rowsOf()).toEqual([{ kind: 'phone', defaultCountry: 'FR' }]);
}, 40_000);

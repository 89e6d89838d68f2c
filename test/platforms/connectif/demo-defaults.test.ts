// Runs in: vitest (under scripts/with-keychain.sh). Owns: the demo workspace on defaults: the sandbox store
// synced to the sandbox Connectif with the wizard's default mapping and only the storefront address typed in
// arrives whole: no dead letters, E.164 mobile phones, and a phone no rule can fix left out with an issue.
import { afterEach, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/main/app/workspace.js';
import { attachDemo, type DemoWorld } from '../../../src/main/host/demo.js';
import { startSandbox } from '../../../src/sandbox/launch.js';
import { tempDir, uniqueService } from '../../support/temp.js';

const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

type Description = DemoWorld['description'] & { connectif: { url: string; credentials: { apiKey: string } } };

/** A shopper whose phone carries an extension (E.164 cannot hold it), and one typed without a country code. */
const UNFIXABLE = { email: 'ext.phone@example.com', phone: '+1 555 010 2030 ext. 7' };
const NATIONAL = { email: 'national.phone@example.com', phone: '(415) 555-0101' };

it('a first sync of the demo store to Connectif on defaults leaves no dead letter and sends E.164 phones', async () => {
  const sandbox = await startSandbox({ customers: 5, orders: 4, products: 3, quota: 10_000 });
  closers.push(() => sandbox.close());
  const world = sandbox.description as Description;
  const bc = world.bigcommerce.stores[0]!;
  const created = await fetch(`${world.bigcommerce.url}/stores/${bc.hash}/v3/customers`, {
    method: 'POST',
    headers: { 'x-auth-token': bc.token, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify([
      { ...UNFIXABLE, first_name: 'Ext', last_name: 'Ension' },
      { ...NATIONAL, first_name: 'Nat', last_name: 'Ional' },
    ]),
  });
  expect(created.status).toBe(200);

  const ws = openWorkspace({ dir: tempDir(), host: 'test', keychainService: uniqueService('cf-demo') });
  closers.push(() => ws.close());
  await attachDemo(ws, { description: world, close: () => {} });
  const store = ws.stores.list()[0]!;
  // The one setting the wizard asks for: the storefront address, as the store's own facts give it.
  const facts = await ws.call('stores:verify', { id: store.id });
  expect(facts.ok && facts.value.store?.domain, JSON.stringify(facts)).toBeTruthy();
  const domain = facts.ok ? facts.value.store!.domain! : '';
  const account = await ws.accounts.add({
    platform: 'connectif',
    name: 'Connectif demo',
    credentials: { apiKey: world.connectif.credentials.apiKey, apiUrl: world.connectif.url },
  });
  const conn = ws.connections.add({
    storeId: store.id,
    accountId: account.id,
    mode: 'off',
    settings: { storeUrl: `https://${domain}` },
  });
  // The wizard's mapping step: the connector's defaults fitted to this store, saved by "Next" unchanged.
  const defaults = await ws.call('mapping:defaults', { connectionId: conn.id, entity: 'customer' });
  expect(defaults.ok, JSON.stringify(defaults)).toBe(true);
  const fitted = (defaults.ok ? defaults.value : {}) as { mapping: { rows: unknown[] } };
  const saved = await ws.call('mapping:save', {
    connectionId: conn.id,
    mapping: { entity: 'customer', rows: fitted.mapping.rows as never },
  });
  expect(saved.ok, JSON.stringify(saved)).toBe(true);

  let historical = true;
  const until = Date.now() + 20_000;
  for (;;) {
    const r = await ws.call('sync:start', { connectionId: conn.id, historical });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    historical = false;
    const q = ws.queue.stats(conn.id);
    if (q.queued + q.leased + q.submitted === 0) break;
    if (Date.now() > until) throw new Error(`not settled: ${JSON.stringify(q)}`);
    await new Promise((r) => setTimeout(r, 20));
  }

  const dead = ws.queue.deadLetters(conn.id);
  expect(
    dead.map((d) => d.reason),
    'dead letters',
  ).toEqual([]);
  const contacts = (await (await fetch(`${world.connectif.url}/__sim/contacts`)).json()) as Array<{
    _email: string;
    _mobilePhone?: string | null;
  }>;
  expect(contacts.length).toBeGreaterThanOrEqual(7);
  const phones = contacts.flatMap((c) => (c._mobilePhone ? [c._mobilePhone] : []));
  expect(phones.length, 'seeded customers have phones').toBeGreaterThan(2);
  for (const p of phones) expect(p).toMatch(/^\+[1-9]\d{6,14}$/);
  // The grid's default country (US) completes a number typed without its country code.
  expect(contacts.find((c) => c._email === NATIONAL.email)?._mobilePhone).toBe('+14155550101');
  const products = (await (await fetch(`${world.connectif.url}/__sim/products`)).json()) as unknown[];
  expect(products.length).toBeGreaterThan(0);

  // The phone no rule can fix is left out of that field; the contact itself arrives, and the issue is logged.
  const ext = contacts.find((c) => c._email === UNFIXABLE.email);
  expect(ext, 'the contact with the unfixable phone').toBeDefined();
  expect(ext!._mobilePhone ?? null).toBeNull();
  const issues = await ws.call('events:query', { connectionId: conn.id, type: 'mapping.record_issue' });
  const phoneIssues = (issues.ok ? issues.value : []).filter(
    (e) => /_mobilePhone left out/.test(e.message) && /extension/.test(JSON.stringify(e.payload)),
  );
  expect(phoneIssues, JSON.stringify(issues)).toHaveLength(1);
}, 40_000);

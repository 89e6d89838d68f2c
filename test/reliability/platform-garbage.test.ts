// Runs in: vitest (under scripts/with-keychain.sh). Owns: a platform that answers garbage: malformed JSON on
// every contact write, 20 MiB bodies, well-formed JSON with the wrong types. The sync never crashes; records
// that cannot be confirmed become dead letters whose reason says what the platform answered; once the platform
// behaves, a replay delivers them exactly once. (Transient malformed JSON: test/engine/faults.test.ts.)
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../src/main/app/workspace.js';
import { startActiveCampaignSim } from '../../src/sandbox/activecampaign/index.js';
import { startBigCommerceSim } from '../../src/sandbox/bigcommerce/index.js';
import { ScaledClock } from '../support/scaled-clock.js';
import { tempDir, uniqueService } from '../support/temp.js';
import { startGarbageProxy } from './garbage-proxy.js';

const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

async function setup(replace?: (method: string, path: string) => string | undefined) {
  const bc = await startBigCommerceSim({
    stores: [
      {
        hash: 'garbage',
        seed: { customers: 8, orders: 6, products: 2, seed: 'garbage' },
        quota: 100_000,
        windowMs: 1000,
        tokens: [{ token: 'tok_garbage_0123456789' }],
      },
    ],
  });
  closers.push(() => bc.close());
  const ac = await startActiveCampaignSim({ rateLimit: 100_000 });
  closers.push(() => ac.close());
  let apiUrl = ac.credentials.apiUrl;
  let proxy: Awaited<ReturnType<typeof startGarbageProxy>> | undefined;
  if (replace) {
    proxy = await startGarbageProxy(ac.url, replace);
    closers.push(() => proxy!.close());
    apiUrl = apiUrl.replace(ac.url, proxy.url);
  }
  // Hours of backoff pass in a fraction of a second.
  const clock = new ScaledClock(20_000);
  const ws: Workspace = openWorkspace({
    dir: tempDir(),
    host: 'test',
    keychainService: uniqueService('garbage'),
    clock,
  });
  closers.push(() => ws.close());
  const store = await ws.stores.add({
    name: 'Garbage',
    storeHash: 'garbage',
    accessToken: 'tok_garbage_0123456789',
    apiBaseUrl: bc.url,
  });
  const account = await ws.accounts.add({
    platform: 'activecampaign',
    name: 'AC',
    credentials: { apiUrl, apiKey: ac.credentials.apiKey },
  });
  const conn = ws.connections.add({
    storeId: store.id,
    accountId: account.id,
    mode: 'off',
    settings: { storeUrl: 'https://shop.example.com', requestsPerSecond: 1000, timeoutMs: 2_000 },
  });
  const settle = async (historical: boolean) => {
    const until = Date.now() + 40_000;
    const states: string[] = [];
    for (;;) {
      const r = await ws.call('sync:start', { connectionId: conn.id, historical });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (r.ok) states.push(r.value.state);
      historical = false;
      const q = ws.queue.stats(conn.id);
      if (q.queued + q.leased + q.submitted === 0) return states;
      if (Date.now() > until) throw new Error(`not settled: ${JSON.stringify(q)} ${states.join(',')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { bc, ac, ws, conn, store, settle, proxy };
}

/** After the platform behaves again: replaying the dead letters delivers every record, each contact once. */
async function expectReplayDeliversOnce(s: Awaited<ReturnType<typeof setup>>): Promise<void> {
  const replayed = await s.ws.call('queue:replay', { connectionId: s.conn.id });
  expect(replayed.ok && replayed.value.replayed).toBeGreaterThan(0);
  await s.settle(false);
  expect(s.ws.queue.deadLetters(s.conn.id)).toEqual([]);
  const st = s.ac.state();
  const customers = st.customers.map((c) => c.externalid).filter((x) => !x.startsWith('guest:'));
  expect(customers.length, 'no customer twice').toBe(new Set(customers).size);
  expect(customers.length).toBe(8);
  const emails = st.contacts.map((c) => c.email.toLowerCase());
  expect(emails.length, 'no contact twice').toBe(new Set(emails).size);
  const orders = st.orders.map((o) => o.externalid).filter((x) => x !== null);
  expect(orders.length, 'no order twice').toBe(new Set(orders).size);
}

describe('a platform answering garbage', () => {
  it('malformed JSON on every contact write: dead letters saying so; replayed once it is fixed', async () => {
    const s = await setup();
    s.ac.server.faults.add({ kind: 'malformed', pathIncludes: '/contact/sync' });
    const states = await s.settle(true);
    expect(
      states.every((x) => x !== 'offline'),
      'a platform that answers is not offline',
    ).toBe(true);
    const dead = s.ws.queue.deadLetters(s.conn.id);
    expect(dead.length).toBeGreaterThanOrEqual(8);
    for (const d of dead) expect(d.reason).toMatch(/contact\/sync answered 200 with a body that is not JSON/);
    expect(s.ac.server.faults.list()).toHaveLength(1);

    s.ac.server.faults.clear();
    await expectReplayDeliversOnce(s);
  }, 60_000);

  it('20 MiB bodies: the read survives them and the records go through', async () => {
    const s = await setup();
    s.ac.server.faults.add({ kind: 'huge', pathIncludes: '/contact/sync', count: 3 });
    await s.settle(true);
    expect(s.ac.server.faults.list(), 'every huge answer was sent').toEqual([]);
    const dead = s.ws.queue.deadLetters(s.conn.id);
    for (const d of dead) expect(d.reason.length).toBeGreaterThan(20);
    if (dead.length) await expectReplayDeliversOnce(s);
    else expect(s.ac.state().customers.filter((c) => !c.externalid.startsWith('guest:'))).toHaveLength(8);
  }, 60_000);

  it('well-formed JSON with the wrong types: dead letters naming the answer, nothing written twice', async () => {
    let broken = true;
    const s = await setup((method, path) =>
      broken && method === 'POST' && path.includes('/contact/sync')
        ? JSON.stringify({ contact: { id: { surprise: true }, email: 42 } })
        : undefined,
    );
    await s.settle(true);
    expect(s.proxy!.replaced).toBeGreaterThan(0);
    const dead = s.ws.queue.deadLetters(s.conn.id);
    expect(dead.length).toBeGreaterThanOrEqual(8);
    // The connector checks the id's type itself: the reason names the answer, not a follow-up refusal.
    for (const d of dead)
      expect(d.reason).toMatch(
        /^(customer|subscriber|order) \d+: ActiveCampaign answered POST \/contact\/sync with a contact id of the wrong type \(\{"surprise":true\}/,
      );
    // No follow-up call was made with the garbage id.
    expect(s.ac.server.requests.filter((r) => r.path.includes('/contactTags'))).toEqual([]);

    broken = false;
    await expectReplayDeliversOnce(s);
  }, 60_000);
});

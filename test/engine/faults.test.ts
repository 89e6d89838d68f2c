// Runs in: vitest (under scripts/with-keychain.sh). Owns: the fault test: a historical sync from a simulated
// store to the ActiveCampaign simulator through 429s, 5xx, timeouts, resets, malformed JSON and a
// "2-minute" outage (engine clock 100x real time) ends with zero loss and nothing twice; a permanent error
// is dead-lettered with a reason naming the record; fixing the cause and replaying delivers it.
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../src/main/app/workspace.js';
import { startActiveCampaignSim } from '../../src/sandbox/activecampaign/index.js';
import { startBigCommerceSim } from '../../src/sandbox/bigcommerce/index.js';
import { expectedEntities } from '../support/expected-entities.js';
import { ScaledClock } from '../support/scaled-clock.js';
import { tempDir, uniqueService } from '../support/temp.js';

const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

const HASH = 'faultstore';
const TOKEN = 'tok_faults_0123456789';

async function setup() {
  const bc = await startBigCommerceSim({
    stores: [
      {
        hash: HASH,
        seed: { customers: 60, orders: 120, products: 5, seed: 'faults' },
        quota: 100_000,
        windowMs: 1000,
        tokens: [{ token: TOKEN }],
      },
    ],
  });
  closers.push(() => bc.close());
  const ac = await startActiveCampaignSim({ rateLimit: 100_000 });
  closers.push(() => ac.close());
  const clock = new ScaledClock(100);
  const ws: Workspace = openWorkspace({
    dir: tempDir(),
    host: 'test',
    keychainService: uniqueService('faults'),
    clock,
  });
  closers.push(() => ws.close());
  const store = await ws.stores.add({
    name: 'Faults',
    storeHash: HASH,
    accessToken: TOKEN,
    apiBaseUrl: bc.url,
  });
  const account = await ws.accounts.add({
    platform: 'activecampaign',
    name: 'AC',
    credentials: { apiUrl: ac.credentials.apiUrl, apiKey: ac.credentials.apiKey },
  });
  const conn = ws.connections.add({
    storeId: store.id,
    accountId: account.id,
    settings: { storeUrl: 'https://shop.example.com', requestsPerSecond: 1000, timeoutMs: 300 },
  });
  const editCustomer = async (id: number, patch: Record<string, unknown>) => {
    const res = await fetch(`${bc.url}/__sim/stores/${HASH}/customers/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(patch),
    });
    expect(res.status, await res.text()).toBeLessThan(300);
  };
  /** Syncs again (as the scheduler would) until nothing waits, noting each run's delivery state. */
  const syncUntilSettled = async (historical: boolean, realMs = 25_000) => {
    const states: string[] = [];
    const until = Date.now() + realMs;
    for (;;) {
      const s = await ws.engine.sync(conn.id, { historical });
      states.push(s.delivery.state);
      const q = ws.queue.stats(conn.id);
      if (q.queued + q.leased + q.submitted === 0) return states;
      if (Date.now() > until) throw new Error(`not settled: ${JSON.stringify(q)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { bc, ac, clock, ws, store, conn, editCustomer, syncUntilSettled };
}

describe('sync under faults', () => {
  it('429s, 5xx, timeouts, resets, malformed JSON and a 2-minute outage: zero loss, nothing twice', async () => {
    const { ac, clock, ws, store, conn, editCustomer, syncUntilSettled } = await setup();
    await editCustomer(7, { email: 'not-an-email' });
    for (const fault of [
      { kind: 'status', status: 429, after: 5, count: 3 },
      { kind: 'status', status: 503, after: 20, count: 4 },
      { kind: 'timeout', delayMs: 500, after: 40, count: 2 },
      { kind: 'reset', after: 60, count: 3 },
      { kind: 'malformed', after: 80, count: 3 },
    ] as const)
      await ac.control.fault(fault);

    // The outage starts once delivery is under way: the destination closes its port for 1.2 s real time,
    // two minutes on the engine's clock.
    let outage: { from: number; to?: number } | undefined;
    const off = ws.bus.on('events:appended', ({ events }) => {
      if (outage || !events.some((e) => e.type === 'delivery.batch')) return;
      outage = { from: clock.now() };
      void fetch(`${ac.url}/__sim/down`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ms: 1_200 }),
      });
    });
    const states = await syncUntilSettled(true);
    off();

    expect(ac.server.faults.list(), 'every fault struck').toEqual([]);
    expect(states).toContain('offline');
    const unreachable = ws.events.query({ connectionId: conn.id, type: 'connection.unreachable' });
    expect(unreachable.length).toBeGreaterThan(0);
    const lastOffline = Math.max(...unreachable.map((e) => e.at));
    // The destination stayed away for minutes of engine time, and the backlog waited it out. Probes back off,
    // so the last refused one lands anywhere in the outage's second half; on a loaded machine fewer fit.
    expect(lastOffline - outage!.from).toBeGreaterThan(30_000);

    const expected = expectedEntities(ws, store.id, conn.id, 'activecampaign');
    const st = ac.state();
    const customers = st.customers.map((c) => c.externalid).filter((x) => !x.startsWith('guest:'));
    expect(customers.length).toBe(new Set(customers).size);
    expect(new Set([...customers, '7'])).toEqual(expected.get('customer'));
    const orders = st.orders.map((o) => o.externalid).filter((x): x is string => x !== null);
    expect(orders.length, 'no order twice').toBe(new Set(orders).size);
    expect(new Set(orders)).toEqual(expected.get('order'));
    const emails = st.contacts.map((c) => c.email.toLowerCase());
    expect(emails.length).toBe(new Set(emails).size);

    // The one bad record is a dead letter whose reason a person can act on.
    const dead = ws.queue.deadLetters(conn.id);
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ entityType: 'customer', entityId: '7' });
    expect(dead[0]!.reason).toMatch(/email/i);
    const [deadEvent] = ws.events.query({ connectionId: conn.id, type: 'delivery.dead' });
    expect(deadEvent?.message).toMatch(/customer 7\b.*email/i);

    // Fixed in the store: the next sync sends the corrected record, which replaces its dead letter.
    await editCustomer(7, { email: 'fixed.seven@example.com' });
    await syncUntilSettled(false);
    expect(ws.queue.deadLetters(conn.id)).toEqual([]);
    expect(ac.state().contacts.some((c) => c.email === 'fixed.seven@example.com')).toBe(true);
    expect(ac.state().customers.filter((c) => c.externalid === '7')).toHaveLength(1);
  }, 60_000);

  it('a record the platform refused is replayed once the platform accepts it again', async () => {
    const { ac, ws, conn, editCustomer, syncUntilSettled } = await setup();
    await syncUntilSettled(true);
    // ActiveCampaign refuses the next contact write (a validation rule set up on the account, say).
    await ac.control.fault({ kind: 'status', status: 422, pathIncludes: '/contact/sync', count: 1 });
    await editCustomer(3, { first_name: 'Replayed' });
    await syncUntilSettled(false);
    const dead = ws.queue.deadLetters(conn.id);
    expect(dead).toMatchObject([{ entityType: 'customer', entityId: '3' }]);
    expect(dead[0]!.reason).toMatch(/customer 3|3/);

    // The cause is gone on the platform: replaying the dead letter delivers it, once.
    expect(ws.queue.replay({ connectionId: conn.id }, Date.now())).toBe(1);
    await syncUntilSettled(false);
    expect(ws.queue.deadLetters(conn.id)).toEqual([]);
    const st = ac.state();
    expect(st.contacts.filter((c) => c.firstName === 'Replayed')).toHaveLength(1);
  }, 60_000);
});

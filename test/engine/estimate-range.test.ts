// Runs in: vitest (under scripts/with-keychain.sh). Owns: `sync:estimate` honours the resources and the created
// date range the user chose: its counts match the simulator's records in that range and what a historical sync
// with the same inputs then really reads, and it costs one BigCommerce call per resource.
import { describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../src/main/app/workspace.js';
import { closeAfterTest, storeWorkspace } from '../support/store-workspace.js';
import { tempDir, uniqueService } from '../support/temp.js';

const HASH = 'estrange';

interface Dated {
  date_created: number;
}
interface SimTable<T> {
  ids(): Iterable<number>;
  get(id: number): T | undefined;
}

function createdTimes(t: SimTable<Dated>): number[] {
  return [...t.ids()].map((id) => t.get(id)!.date_created).sort((a, b) => a - b);
}

describe('sync:estimate with resources and a date range', () => {
  it('counts only the chosen resources created in the range, as the historical sync then reads them', async () => {
    const {
      bc: sim,
      ws,
      store,
    } = await storeWorkspace({
      hash: HASH,
      name: 'Range',
      token: 'tok_estrange_0123456',
      seed: { customers: 700, orders: 600, products: 40, seed: 'estrange' },
      quota: 100_000,
    });
    const account = await ws.accounts.add({ platform: 'file', name: 'Files', credentials: {} });
    const conn = ws.connections.add({
      storeId: store.id,
      accountId: account.id,
      settings: { directory: tempDir(), format: 'ndjson' },
      mode: 'off',
    });

    // A range inside the seeded history (whole seconds, as BigCommerce filters take them), from the simulator's
    // own records, so the expected counts do not come from the code under test.
    const state = sim.control[HASH]!.state;
    const orders = createdTimes(state.orders as unknown as SimTable<Dated>);
    const customers = createdTimes(state.customers as unknown as SimTable<Dated>);
    const sec = (ms: number) => Math.floor(ms / 1000) * 1000;
    const fromMs = sec(orders[Math.floor(orders.length * 0.3)]!);
    const toMs = sec(orders[Math.floor(orders.length * 0.7)]!);
    const inRange = (times: number[]) => times.filter((t) => t >= fromMs && t <= toMs).length;
    const expected = { customers: inRange(customers), orders: inRange(orders) };
    expect(expected.orders).toBeGreaterThan(100);
    expect(expected.orders).toBeLessThan(orders.length - 100);
    expect(expected.customers).toBeLessThan(customers.length);

    const choice = {
      connectionId: conn.id,
      resources: ['customers', 'orders'] as Array<'customers' | 'orders'>,
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
    };
    const storeCalls = () => sim.server.requests.filter((r) => r.path.startsWith(`/stores/${HASH}/`)).length;

    const everything = await ws.call('sync:estimate', { connectionId: conn.id });
    if (!everything.ok) throw new Error(everything.error.message);
    expect(everything.value.records).toMatchObject({ customers: 700, orders: 600, products: 40 });

    const before = storeCalls();
    const est = await ws.call('sync:estimate', choice);
    if (!est.ok) throw new Error(est.error.message);
    // Cheap: one count call per chosen resource, nothing paged.
    expect(storeCalls() - before).toBe(2);
    expect(est.value.records).toEqual(expected);
    expect(est.value.bigcommerceCalls).toBe(
      Math.ceil(expected.customers / 250) + Math.ceil(expected.orders / 250),
    );
    expect(est.value.bigcommerceCalls).toBeLessThan(everything.value.bigcommerceCalls);
    expect(est.value.basis).toMatch(/chosen date range/);

    // The historical sync given the same inputs reads exactly what was estimated, resource by resource.
    const run = await ws.call('sync:start', { ...choice, historical: true });
    if (!run.ok) throw new Error(run.error.message);
    expect(run.value.extracted).toBe(expected.customers + expected.orders);
    const staged = ws.db
      .prepare(
        'SELECT resource, count(DISTINCT record_id) AS n FROM staging WHERE store_id = ? GROUP BY resource',
      )
      .all(store.id) as Array<{ resource: string; n: number }>;
    expect(Object.fromEntries(staged.map((s) => [s.resource, s.n]))).toEqual(est.value.records);

    // Only a resource subset, no range: just those, everything of them.
    const subset = await ws.call('sync:estimate', {
      connectionId: conn.id,
      resources: ['products', 'carts'],
    });
    if (!subset.ok) throw new Error(subset.error.message);
    expect(subset.value.records).toEqual({ products: 40 });
  }, 30_000);

  it('says what to fix when a date is not a date', async () => {
    const ws: Workspace = openWorkspace({
      dir: tempDir(),
      host: 'test',
      keychainService: uniqueService('estbad'),
    });
    closeAfterTest(() => ws.close());
    const r = await ws.call('sync:estimate', { connectionId: 'x', from: 'last tuesday' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('invalid_input');
  });
});

// Before a historical sync the user sees records, calls and an ETA; a running sync can be cancelled and resumed.
import { afterEach, describe, expect, it } from 'vitest';
import { startBigCommerceSim } from '../../src/sandbox/bigcommerce/index.js';
import { openWorkspace, type Workspace } from '../../src/main/app/workspace.js';
import { tempDir, uniqueService } from '../support/temp.js';

const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

async function setup(quota: number) {
  const sim = await startBigCommerceSim({
    stores: [
      {
        hash: 'est1',
        seed: { customers: 600, orders: 900, products: 30, seed: 'est' },
        quota,
        windowMs: 30_000,
        tokens: [{ token: 'tok_estimate_123456' }],
      },
    ],
  });
  closers.push(() => sim.close());
  const ws: Workspace = openWorkspace({
    dir: tempDir(),
    host: 'test',
    keychainService: uniqueService('estimate'),
  });
  closers.push(() => ws.close());
  const store = await ws.stores.add({
    name: 'E',
    storeHash: 'est1',
    accessToken: 'tok_estimate_123456',
    apiBaseUrl: sim.url,
  });
  const account = await ws.accounts.add({ platform: 'file', name: 'Files', credentials: {} });
  const conn = ws.connections.add({
    storeId: store.id,
    accountId: account.id,
    settings: { directory: tempDir(), format: 'ndjson' },
    mode: 'off',
  });
  return { ws, conn };
}

describe('sync:estimate and sync:cancel', () => {
  it('counts records and derives calls and the ETA from the store quota', async () => {
    const { ws, conn } = await setup(150);
    const r = await ws.call('sync:estimate', { connectionId: conn.id });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.records).toMatchObject({ customers: 600, orders: 900, products: 30 });
    // ceil(600/250) + ceil(900/250) + 1 + subscribers' pages
    expect(r.value.bigcommerceCalls).toBeGreaterThanOrEqual(3 + 4 + 1 + 1);
    // 150 calls per 30 s at an 80% share = 4 calls/s: BigCommerce binds for files.
    expect(r.value.binding).toBe('bigcommerce');
    expect(r.value.etaSeconds).toBeCloseTo(r.value.bigcommerceCalls / 4, 0);
    expect(r.value.basis).toMatch(/150 calls per 30 s/);
  });

  it('cancels a running sync, keeps what it read, and the next sync finishes the job', async () => {
    const { ws, conn } = await setup(10_000);
    const running = ws.call('sync:start', { connectionId: conn.id, historical: true });
    await expect.poll(() => ws.engine.isRunning(conn.id)).toBe(true);
    expect((await ws.call('sync:cancel', { connectionId: conn.id })).ok).toBe(true);
    const first = await running;
    // Cancelled while reading the store: a 'cancelled' answer; while delivering: a summary in state 'cancelled'.
    if (first.ok) expect(first.value.state).toBe('cancelled');
    else expect(first.error.code).toBe('cancelled');
    const again = await ws.call('sync:start', { connectionId: conn.id, historical: true });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.state).toBe('drained');
    const status = await ws.call('connections:status', { id: conn.id });
    expect(status.ok && status.value.queue.queued).toBe(0);
    expect(
      ws.events.query({ connectionId: conn.id, type: 'sync.finished' }).length +
        ws.events.query({ connectionId: conn.id, type: 'sync.cancelled' }).length,
    ).toBe(2);
  });
});

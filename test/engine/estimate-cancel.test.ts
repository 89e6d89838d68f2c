// Before a historical sync the user sees records, calls and an ETA; a running sync can be cancelled and resumed.
import { describe, expect, it } from 'vitest';
import { storeWorkspace } from '../support/store-workspace.js';
import { tempDir } from '../support/temp.js';

async function setup(quota: number) {
  const { ws, store } = await storeWorkspace({
    hash: 'est1',
    name: 'E',
    token: 'tok_estimate_123456',
    seed: { customers: 600, orders: 900, products: 30, seed: 'est' },
    quota,
    windowMs: 30_000,
    label: 'estimate',
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

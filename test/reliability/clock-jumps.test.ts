// Runs in: vitest (under scripts/with-keychain.sh). Owns: the wall clock jumping during a sync: forward (the
// machine slept, NTP caught up) and back (retries then wait their own delay, not the jump). Nothing is lost, sent
// twice or dead-lettered. Jump detection and the staggered catch-up after a sleep: test/desktop/catch-up.test.ts,
// src/main/engine/scheduler.test.ts; the queue's rebase in detail: src/main/engine/queue/clock-back.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../src/main/app/workspace.js';
import type { Clock } from '../../src/main/core/clock.js';
import { startActiveCampaignSim } from '../../src/sandbox/activecampaign/index.js';
import { startBigCommerceSim } from '../../src/sandbox/bigcommerce/index.js';
import { expectedEntities } from '../support/expected-entities.js';
import { tempDir, uniqueService } from '../support/temp.js';

const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

const HOUR = 3_600_000;

/** Real time plus an offset a test moves, as a person or NTP setting the clock would. */
class JumpClock implements Clock {
  offset = 0;
  now(): number {
    return Date.now() + this.offset;
  }
}

async function setup() {
  const bc = await startBigCommerceSim({
    stores: [
      {
        hash: 'jumpstore',
        seed: { customers: 30, orders: 30, products: 3, seed: 'jump' },
        quota: 100_000,
        windowMs: 1000,
        tokens: [{ token: 'tok_jump_0123456789' }],
      },
    ],
  });
  closers.push(() => bc.close());
  const ac = await startActiveCampaignSim({ rateLimit: 100_000 });
  closers.push(() => ac.close());
  const clock = new JumpClock();
  const ws: Workspace = openWorkspace({
    dir: tempDir(),
    host: 'test',
    keychainService: uniqueService('jump'),
    clock,
  });
  closers.push(() => ws.close());
  const store = await ws.stores.add({
    name: 'Jump',
    storeHash: 'jumpstore',
    accessToken: 'tok_jump_0123456789',
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
    mode: 'off',
    settings: { storeUrl: 'https://shop.example.com', requestsPerSecond: 1000, timeoutMs: 500 },
  });
  /** Syncs until nothing waits; returns how many runs it took. */
  const settle = async (historical: boolean, realMs = 40_000) => {
    const until = Date.now() + realMs;
    for (let runs = 1; ; runs++) {
      const r = await ws.call('sync:start', { connectionId: conn.id, historical });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      historical = false;
      const q = ws.queue.stats(conn.id);
      if (q.queued + q.leased + q.submitted === 0) return runs;
      if (Date.now() > until) throw new Error(`not settled after ${runs} runs: ${JSON.stringify(q)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const expectAllOnce = () => {
    const expected = expectedEntities(ws, store.id, conn.id, 'activecampaign');
    const st = ac.state();
    const customers = st.customers.map((c) => c.externalid).filter((x) => !x.startsWith('guest:'));
    expect(customers.length, 'no customer twice').toBe(new Set(customers).size);
    expect(new Set(customers)).toEqual(expected.get('customer'));
    const orders = st.orders.map((o) => o.externalid).filter((x): x is string => x !== null);
    expect(orders.length, 'no order twice').toBe(new Set(orders).size);
    expect(new Set(orders)).toEqual(expected.get('order'));
    expect(ws.queue.deadLetters(conn.id)).toEqual([]);
  };
  return { ac, clock, ws, conn, settle, expectAllOnce };
}

describe('the clock jumps during a sync', () => {
  it('forward three hours mid-delivery (a sleep): leases lapse, nothing is sent twice or lost', async () => {
    const s = await setup();
    await s.ac.control.fault({ kind: 'status', status: 503, after: 10, count: 4 });
    const off = s.ws.bus.on('events:appended', ({ events }) => {
      if (events.some((e) => e.type === 'delivery.batch')) {
        off();
        s.clock.offset += 3 * HOUR;
      }
    });
    await s.settle(true);
    off();
    expect(s.clock.offset).toBe(3 * HOUR);
    s.expectAllOnce();
  }, 60_000);

  it('back one hour with retries waiting: they wait their own delay, not the hour; all delivered once', async () => {
    const s = await setup();
    // Every contact write fails, so retries are scheduled on the clock as it was.
    await s.ac.control.fault({ kind: 'status', status: 503, pathIncludes: '/contact/sync' });
    await s.ws.call('sync:start', { connectionId: s.conn.id, historical: true });
    const waiting = s.ws.queue.stats(s.conn.id);
    expect(waiting.queued, 'retries are waiting').toBeGreaterThan(0);
    s.clock.offset -= HOUR;
    s.ac.server.faults.clear();
    // The clock never comes forward again: the backlog drains within seconds of real time, because the
    // queue shifts waiting run-afters back by the jump (the old code waited the whole hour).
    await s.settle(false, 30_000);
    expect(s.clock.offset).toBe(-HOUR);
    s.expectAllOnce();
  }, 60_000);
});

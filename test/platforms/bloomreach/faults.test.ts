// Runs in: vitest. Owns: every fault switch of the simulator kit ends with zero loss and no duplicate event
// once the queue is drained again (short connector timeout), plus a crash that left events in doubt.
import { afterEach, describe, expect, it } from 'vitest';
import type { Fault } from '../../../src/sandbox/kit/index.js';
import { orderRecord, seedStore } from './fixtures.js';
import { harness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function expectCompleteAndUnique(x: Harness): void {
  expect(
    x.sim
      .customers()
      .map((c) => (c['ids'] as Record<string, unknown>)['email_id'])
      .sort(),
  ).toEqual([
    'bob@example.com',
    'carol@example.com',
    'dave@example.com',
    'guest@example.com',
    'long@example.com',
    'zoe@example.com',
  ]);
  const count = (t: string) => x.sim.events(t).length;
  expect([count('purchase'), count('purchase_item'), count('consent')]).toEqual([2, 4, 1]);
  const catalog = [...x.sim.ctx.catalogs.catalogs.values()];
  expect(catalog).toHaveLength(1);
  expect([...catalog[0]!.items.keys()].sort()).toEqual(['771', '772', '781', '782']);
  expect(x.queue.stats('conn-a')).toMatchObject({ queued: 0, leased: 0, dead: 0 });
}

const API = '/v2/projects/';
const cases: Array<[string, Fault]> = [
  ['5xx on the first requests', { kind: 'status', status: 500, pathIncludes: API, count: 3 }],
  ['503 on the tracking batch', { kind: 'status', status: 503, pathIncludes: '/batch', count: 2 }],
  ['a timeout (socket held, then dropped)', { kind: 'timeout', delayMs: 600, pathIncludes: API, count: 2 }],
  ['connection resets', { kind: 'reset', pathIncludes: API, count: 3 }],
  ['a reset mid-run', { kind: 'reset', pathIncludes: API, after: 3, count: 2 }],
  ['malformed JSON', { kind: 'malformed', pathIncludes: API, count: 3 }],
  ['malformed JSON on the events batch', { kind: 'malformed', pathIncludes: '/batch', after: 1, count: 1 }],
  ['dropped connections ("down" switch)', { kind: 'down', pathIncludes: API, count: 2 }],
  ['slowness within the timeout', { kind: 'slow', delayMs: 100, pathIncludes: API, count: 5 }],
];

describe('Bloomreach under faults', () => {
  it.each(cases)('%s: zero loss after draining again', async (_name, fault) => {
    h = await harness();
    h.sim.server.faults.add(fault);
    h.enqueue(seedStore(), true);
    const out = await h.drainAll();
    expect(out.dead).toBe(0);
    expectCompleteAndUnique(h);
    expect(h.sim.server.faults.list()).toEqual([]); // the fault did strike
  });

  it('events answered too late (slower than the timeout) are not stored twice', async () => {
    h = await harness({ settings: { timeoutMs: 300 } });
    // The second batch holds the events (people go first).
    h.sim.server.faults.add({ kind: 'slow', delayMs: 500, pathIncludes: '/batch', after: 1, count: 1 });
    h.enqueue(seedStore(), true);
    await h.drainAll();
    // The late write has landed once the slow request is in the simulator's log.
    const landed = async () =>
      (await h!.simGet<Array<{ path: string }>>('/__sim/requests')).filter((r) => r.path.endsWith('/batch'))
        .length >= 2;
    while (!(await landed())) await new Promise((r) => setTimeout(r, 20));
    expectCompleteAndUnique(h);
    expect(h.events.some((e) => e.type === 'delivery.retry' && e.message.includes('answer was lost'))).toBe(
      true,
    );
  });

  it('a destination that is down keeps the backlog without spending attempts, then flushes it', async () => {
    h = await harness();
    h.enqueue(seedStore(), true);
    await h.sim.server.down(300);
    const out = await h.drainAll();
    expect(out.dead).toBe(0);
    expect(h.events.some((e) => e.type === 'connection.unreachable' && /ECONNREFUSED/.test(e.message))).toBe(
      true,
    );
    expectCompleteAndUnique(h);
  });

  it('events that arrived before a crash are recognised and not sent again', async () => {
    h = await harness();
    h.enqueue(seedStore(), true);
    // The crashed process: it finished people and products, then sent the events and died before recording
    // their results (a 1 ms lease, so they are in doubt at once).
    for (;;) {
      const { jobs } = h.queue.claim('conn-a', 'crashed', 100, 1, Date.now());
      if (jobs.length === 0) break;
      const results = await h.connector.deliver(jobs, h.ctx);
      expect(results.every((r) => r.outcome === 'ok')).toBe(true);
      if (jobs.some((j) => j.entityType === 'purchase')) break;
      h.queue.complete(results, Date.now());
    }
    expect(h.sim.events('purchase')).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 5));
    await h.drainAll();
    expectCompleteAndUnique(h);
    expect(h.events.some((e) => e.type === 'delivery.recovered')).toBe(true);
  });

  it('an order spanning two requests, the second failing, is completed without repeating the first', async () => {
    h = await harness();
    const lines = Array.from({ length: 60 }, (_, i) => ({
      productId: 500 + i,
      variantId: 5000 + i,
      sku: `SKU-${i}`,
      name: `Item ${i}`,
      price: '1.0000',
      qty: 1,
    }));
    h.enqueue([orderRecord({ id: 3000, customerId: 0, email: 'big@example.com', lines })], false);
    // Request 1 is the guest profile; request 2 the purchase and 49 items; request 3 the last 11 items.
    h.sim.server.faults.add({ kind: 'status', status: 503, pathIncludes: '/batch', after: 2, count: 1 });
    expect((await h.drainAll()).dead).toBe(0);
    expect(h.sim.server.faults.list()).toEqual([]);
    expect(h.sim.events('purchase')).toHaveLength(1);
    const skus = h.sim.events('purchase_item').map((e) => e.properties['sku']);
    expect(skus).toHaveLength(60);
    expect(new Set(skus).size).toBe(60);
  });
});

// Runs in: vitest. Owns: every fault switch of the simulator kit ends with zero loss and no duplicate purchase
// once the queue is drained again (short connector timeout), plus a crash that left a batch in doubt.
import { afterEach, describe, expect, it } from 'vitest';
import type { Fault } from '../../../src/sandbox/kit/index.js';
import { seedStore } from './fixtures.js';
import { harness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function expectCompleteAndUnique(x: Harness): void {
  expect([...x.sim.contacts.keys()].sort()).toEqual([
    'bob@example.com',
    'carol@example.com',
    'dave@example.com',
    'guest@example.com',
    'long@example.com',
    'zoe@example.com',
  ]);
  expect([...x.sim.products.keys()].sort()).toEqual(['77', '78']);
  expect(x.sim.purchases.map((p) => p.purchaseId).sort()).toEqual(['1001', '1002']);
  expect(x.queue.stats('conn-a')).toMatchObject({ queued: 0, leased: 0, dead: 0 });
}

const cases: Array<[string, Fault]> = [
  ['5xx on the first requests', { kind: 'status', status: 500, count: 3 }],
  ['503 on purchases', { kind: 'status', status: 503, pathIncludes: '/purchases', method: 'POST', count: 2 }],
  ['a timeout (socket held, then dropped)', { kind: 'timeout', delayMs: 600, count: 2 }],
  [
    'a timeout while registering a purchase',
    { kind: 'timeout', delayMs: 600, pathIncludes: '/purchases', method: 'POST', count: 1 },
  ],
  ['connection resets', { kind: 'reset', count: 3 }],
  ['a reset mid-run', { kind: 'reset', after: 6, count: 2 }],
  ['malformed JSON', { kind: 'malformed', count: 3 }],
  [
    'malformed JSON on a purchase',
    { kind: 'malformed', pathIncludes: '/purchases', method: 'POST', count: 1 },
  ],
  ['dropped connections ("down" switch)', { kind: 'down', count: 2 }],
  ['slowness within the timeout', { kind: 'slow', delayMs: 100, count: 5 }],
];

describe('Connectif under faults', () => {
  it.each(cases)('%s: zero loss after draining again', async (_name, fault) => {
    h = await harness();
    await fetch(`${h.sim.url}/__sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fault),
    });
    h.enqueue(seedStore(), true);
    const out = await h.drainAll();
    expect(out.dead).toBe(0);
    expectCompleteAndUnique(h);
    expect(h.sim.server.faults.list()).toEqual([]); // the fault did strike
  });

  it('a purchase answered too late (slower than the timeout) is not registered twice', async () => {
    h = await harness({ settings: { timeoutMs: 300 } });
    h.sim.server.faults.add({
      kind: 'slow',
      delayMs: 500,
      pathIncludes: '/purchases',
      method: 'POST',
      count: 1,
    });
    h.enqueue(seedStore(), true);
    await h.drainAll();
    // The late write lands after the client gave up; the retry looks the purchase up before sending again.
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

  it('purchases that arrived before a crash are recognised and not sent again', async () => {
    h = await harness();
    h.enqueue(seedStore(), true);
    // The crashed process: it finished contacts and products, then sent the purchases and died before
    // recording their results (a 1 ms lease, so they are in doubt at once).
    for (;;) {
      const { jobs } = h.queue.claim('conn-a', 'crashed', 100, 1, Date.now());
      if (jobs.length === 0) break;
      const results = await h.connector.deliver(jobs, h.ctx);
      expect(results.every((r) => r.outcome === 'ok')).toBe(true);
      if (jobs.some((j) => j.entityType === 'purchase')) break;
      h.queue.complete(results, Date.now());
    }
    expect(h.sim.purchases).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 5));
    await h.drainAll();
    expectCompleteAndUnique(h);
    expect(h.events.some((e) => e.type === 'delivery.recovered')).toBe(true);
  });
});

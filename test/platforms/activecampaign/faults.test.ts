// Runs in: vitest. Owns: every fault switch of the simulator kit ends with zero loss and no duplicate once
// the queue is drained again (short connector timeout, scaled windows).
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
  const st = x.sim.state();
  expect(st.contacts).toHaveLength(6);
  expect(st.customers.map((c) => c.externalid).sort()).toEqual(['1', '2', '3', 'guest:guest@example.com']);
  expect(
    st.orders
      .filter((o) => o.externalid !== null)
      .map((o) => o.externalid)
      .sort(),
  ).toEqual(['1001', '1002']);
  expect(st.orders.filter((o) => o.externalcheckoutid === 'cart-aaa')).toHaveLength(1);
  expect(st.connections).toHaveLength(1);
  expect(x.queue.stats('conn-a')).toMatchObject({ queued: 0, leased: 0, dead: 0 });
}

const cases: Array<[string, Fault]> = [
  ['5xx on the first requests', { kind: 'status', status: 500, count: 3 }],
  [
    '503 on order creates',
    { kind: 'status', status: 503, pathIncludes: '/ecomOrders', method: 'POST', count: 2 },
  ],
  ['5xx mid-run', { kind: 'status', status: 502, after: 15, count: 4 }],
  ['a timeout (socket held, then dropped)', { kind: 'timeout', delayMs: 600, count: 2 }],
  ['connection resets', { kind: 'reset', count: 3 }],
  [
    'a reset while creating an order',
    { kind: 'reset', pathIncludes: '/ecomOrders', method: 'POST', count: 1 },
  ],
  ['malformed JSON', { kind: 'malformed', count: 3 }],
  ['malformed JSON mid-run', { kind: 'malformed', after: 20, count: 2 }],
  ['dropped connections ("down" switch)', { kind: 'down', count: 2 }],
  ['slowness within the timeout', { kind: 'slow', delayMs: 100, count: 5 }],
];

describe('ActiveCampaign under faults', () => {
  it.each(cases)('%s: zero loss after draining again', async (_name, fault) => {
    h = await harness();
    await h.sim.control.fault(fault);
    h.enqueue(seedStore(), true);
    const out = await h.drainAll();
    expect(out.dead).toBe(0);
    expectCompleteAndUnique(h);
    expect(h.sim.server.faults.list()).toEqual([]); // the fault did strike
  });

  it('an order create answered too late (slower than the timeout) is not created twice', async () => {
    h = await harness({ settings: { timeoutMs: 300 } });
    await h.sim.control.fault({
      kind: 'slow',
      delayMs: 500,
      pathIncludes: '/ecomOrders',
      method: 'POST',
      count: 1,
    });
    // Count the creates that left, so the test can wait for the late one to land before judging.
    const realFetch = globalThis.fetch;
    let sent = 0;
    globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      const req = input instanceof Request ? input : new Request(input, init);
      if (req.method === 'POST' && req.url.endsWith('/ecomOrders')) sent++;
      return realFetch(input, init);
    }) as typeof fetch;
    try {
      h.enqueue(seedStore(), true);
      await h.drainAll();
    } finally {
      globalThis.fetch = realFetch;
    }
    const landed = () =>
      h!.sim.server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/ecomOrders')).length;
    await expect.poll(landed, { timeout: 3000, interval: 20 }).toBe(sent);
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
});

// Runs in: vitest. Owns: every kit fault switch (5xx, timeout, reset, malformed, down, slow) struck mid-run on a
// mixed batch (contacts, events, a cart, products) ending with zero loss and no duplicate event after draining
// again; a closed port (breaker, no attempt spent); the simulator's scaled rate limit (429 + Retry-After).
import { describe, expect, it } from 'vitest';
import { drainConnection } from '../../../src/main/engine/deliver/drain.js';
import type { Fault } from '../../../src/sandbox/kit/index.js';
import { cart, customer, order, product, staged } from './fixtures.js';
import { startHarness } from './harness.js';

const live = () => [
  ...Array.from({ length: 5 }, (_, i) =>
    staged('customers', 100 + i, customer(100 + i, `c${100 + i}@example.com`), { historical: false }),
  ),
  ...[0, 1, 2].map((i) =>
    staged('orders', 500 + i, order(500 + i, 100 + i, `c${100 + i}@example.com`), { historical: false }),
  ),
  staged('carts', 'cart-9', cart('cart-9', 'c104@example.com'), { historical: false }),
  staged('products', 77, product(77, true), { historical: false }),
  staged('products', 78, product(78, true), { historical: false }),
];

const faults: Array<[string, Fault]> = [
  ['status 503', { kind: 'status', status: 503, count: 2, after: 1 }],
  ['status 500 on events', { kind: 'status', status: 500, count: 1, pathIncludes: 'integration/upsert' }],
  ['status 500 on the CART event', { kind: 'status', status: 500, count: 1, pathIncludes: 'ExtEvent' }],
  ['timeout', { kind: 'timeout', delayMs: 400, count: 1, after: 2 }],
  ['reset', { kind: 'reset', count: 1, after: 1 }],
  ['malformed', { kind: 'malformed', count: 2, after: 1 }],
  ['down', { kind: 'down', count: 1, after: 3 }],
  ['slow', { kind: 'slow', delayMs: 150, count: 3 }],
  ['reset on the first call', { kind: 'reset', count: 1 }],
  ['v3 products answer 502', { kind: 'status', status: 502, count: 1, pathIncludes: '/v3/product/upsert' }],
];

describe('SALESmanago under faults', () => {
  for (const [name, fault] of faults)
    it(`${name}: every record arrives once, none is lost or dead`, async () => {
      const h = await startHarness({ timeoutMs: 250 });
      h.enqueue(live());
      await h.ctl.fault(fault);
      await h.settle();
      expect(h.stats()).toMatchObject({ queued: 0, dead: 0 });
      expect(h.sim.contacts()).toHaveLength(5);
      const events = h.sim.events();
      expect(
        events
          .filter((e) => e.contactExtEventType === 'PURCHASE')
          .map((e) => e.externalId)
          .sort(),
      ).toEqual(['500', '501', '502']);
      expect(events.filter((e) => e.contactExtEventType === 'CART')).toHaveLength(1);
      expect(
        h.sim
          .products()
          .map((p) => p.productId)
          .sort(),
      ).toEqual(['77', '78']);
      // The fault really struck: a fault with a count leaves the board once it has fired that often.
      expect(h.sim.server.faults.list()).toEqual([]);
      if (fault.kind !== 'slow')
        expect(h.events.some((e) => e.type === 'delivery.retry' || e.type === 'connection.unreachable')).toBe(
          true,
        );
    });

  it('a closed port opens the breaker without spending attempts, then the backlog flows', async () => {
    const h = await startHarness({ timeoutMs: 250, maxAttempts: 2 });
    h.enqueue(live().slice(0, 5));
    await h.sim.server.down();
    const out = await drainConnection(h.rt, h.deps, new AbortController().signal);
    expect(out.state).toBe('offline');
    expect(h.stats()).toMatchObject({ queued: 5, dead: 0 });
    for (let i = 0; i < 3; i++) {
      h.clock.advance(10_000);
      await drainConnection(h.rt, h.deps, new AbortController().signal);
    }
    expect(h.stats()).toMatchObject({ queued: 5, dead: 0 });
    await h.sim.server.up();
    await h.settle();
    expect(h.sim.contacts()).toHaveLength(5);
  });

  it('refused credentials keep every record queued (no dead letters) and say what to fix', async () => {
    const h = await startHarness({ maxAttempts: 2 });
    h.enqueue(live().slice(0, 3));
    await h.simPost('/__sim/account', { active: false });
    for (let i = 0; i < 3; i++) {
      await drainConnection(h.rt, h.deps, new AbortController().signal);
      h.clock.advance(10_000);
    }
    expect(h.stats()).toMatchObject({ queued: 3, dead: 0 });
    expect(
      h.events.some((e) => e.type === 'connection.unreachable' && e.message.includes('Not authenticated')),
    ).toBe(true);
    await h.simPost('/__sim/account', { active: true });
    await h.settle();
    expect(h.sim.contacts()).toHaveLength(3);
  });

  it("429 with the simulator's scaled limit: waits Retry-After, then everything arrives", async () => {
    const h = await startHarness({
      sim: { rateLimit: { limit: 2, windowMs: 2_000 } },
      catalog: false,
      batchSize: 3,
    });
    h.clock.advance(5_000); // a fresh window after setup
    h.enqueue(
      Array.from({ length: 12 }, (_, i) =>
        staged('customers', 200 + i, customer(200 + i, `r${200 + i}@example.com`), { historical: false }),
      ),
    );
    const first = await drainConnection(h.rt, h.deps, new AbortController().signal);
    expect(first.retried).toBeGreaterThan(0);
    expect(h.events.some((e) => e.type === 'delivery.retry' && e.message.includes('rate limit'))).toBe(true);
    expect(h.apiCalls().some((c) => c.status === 429)).toBe(true);
    await h.settle();
    expect(h.stats()).toMatchObject({ queued: 0, dead: 0 });
    expect(h.sim.contacts()).toHaveLength(12);
  });
});

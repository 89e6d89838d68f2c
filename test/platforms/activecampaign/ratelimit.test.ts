// Runs in: vitest. Owns: pacing to the account's shared limit and 429 handling (Retry-After honoured, no
// loss), against the simulator's scaled sliding window.
import { afterEach, describe, expect, it } from 'vitest';
import { seedStore } from './fixtures.js';
import { harness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const count429 = (x: Harness) => x.sim.server.requests.filter((r) => r.status === 429).length;

describe('ActiveCampaign rate limit', () => {
  it('paced to the limit, a sync never meets a 429', async () => {
    // 20 requests per 250 ms = 80/s on the simulator; the connector spends 70/s.
    h = await harness({ sim: { rateLimit: 20, rateWindowMs: 250 }, settings: { requestsPerSecond: 70 } });
    h.enqueue(seedStore(), true);
    expect(await h.drainAll()).toMatchObject({ dead: 0, delivered: 8 });
    expect(count429(h)).toBe(0);
  });

  it('over the limit (another app spends the budget too), 429s are waited out and nothing is lost', async () => {
    h = await harness({ sim: { rateLimit: 20, rateWindowMs: 250 }, settings: { requestsPerSecond: 1000 } });
    h.sim.actions.consume(15);
    h.enqueue(seedStore(), true);
    const started = Date.now();
    expect(await h.drainAll()).toMatchObject({ dead: 0, delivered: 8 });
    expect(count429(h)).toBeGreaterThan(0);
    // Retry-After is whole seconds (at least 1): the connector waited it out rather than hammering.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(count429(h)).toBeLessThan(6);
    expect(h.events.some((e) => e.type === 'delivery.retry' && e.message.includes('(429)'))).toBe(true);
    const st = h.sim.state();
    expect(st.orders.filter((o) => o.externalid !== null)).toHaveLength(2);
    expect(st.contacts).toHaveLength(6);
  });
});

// Runs in: vitest. Owns: Bloomreach's per-IP limit (scaled down): 429 answers become rate-limited results with
// Retry-After, nothing is lost or doubled, and a pace inside the limit meets no 429.
import { afterEach, describe, expect, it } from 'vitest';
import { seedStore } from './fixtures.js';
import { harness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const counts = (x: Harness) => ['purchase', 'purchase_item', 'consent'].map((t) => x.sim.events(t).length);

describe('Bloomreach rate limit', () => {
  it('a 429 makes every job of the batch rate-limited for the Retry-After wait', async () => {
    h = await harness({ sim: { rateLimit: { limit: 1_000, windowMs: 60_000 } } });
    h.enqueue(seedStore(), true);
    h.sim.ctx.forceRateLimited = true;
    const { jobs } = h.queue.claim('conn-a', 'test', 50, 60_000, Date.now());
    const results = await h.connector.deliver(jobs, h.ctx);
    expect(results).toHaveLength(jobs.length);
    for (const r of results) {
      expect(r.outcome).toBe('rateLimited');
      if (r.outcome !== 'rateLimited') continue;
      expect(r.reason).toMatch(/429/);
      expect(r.retryAfterMs).toBeGreaterThan(50_000);
      expect(r.retryAfterMs).toBeLessThanOrEqual(60_000);
    }
    expect(h.sim.customers()).toHaveLength(0);
  });

  it('bursting past a scaled limit ends complete and without duplicates', async () => {
    h = await harness({ sim: { rateLimit: { limit: 2, windowMs: 300 } }, settings: { timeoutMs: 2_000 } });
    h.enqueue(seedStore(), true);
    const out = await h.drainAll(20_000);
    expect(out.dead).toBe(0);
    expect(h.sim.ctx.rejectedByRateLimit).toBeGreaterThan(0);
    expect(h.events.some((e) => /429/.test(e.message))).toBe(true);
    expect(h.sim.customers()).toHaveLength(6);
    expect(counts(h)).toEqual([2, 4, 1]);
  });

  it('a pace inside the limit meets no 429', async () => {
    // 5 requests per 500 ms is 600/min; the connector paces at 480/min.
    h = await harness({
      sim: { rateLimit: { limit: 5, windowMs: 500 } },
      settings: { requestsPerMinute: 480 },
    });
    h.enqueue(seedStore(), true);
    await h.drainAll();
    expect(h.sim.ctx.rejectedByRateLimit).toBe(0);
    expect(counts(h)).toEqual([2, 4, 1]);
  });
});

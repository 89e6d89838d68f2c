// Runs in: Node (vitest). Owns: tests of the per-IP rate limit (exact count, 429 with discarded data, recovery).
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, startHarness, type Harness } from './test-helpers.js';

let h: Harness;
afterEach(async () => h.sim.close());

const update = (n: number, headers: Record<string, string> = {}) =>
  h.call(
    'POST',
    h.track('/customers'),
    { customer_ids: { email_id: `c${n}@x.io` }, properties: { n } },
    h.basic,
    headers,
  );

describe('Bloomreach rate limit', () => {
  it('allows exactly the limit per window, then 429 with Retry-After and the data discarded, then recovers', async () => {
    const clock = manualClock();
    h = await startHarness({ now: clock.now, rateLimit: { limit: 5, windowMs: 60_000 } });
    for (let i = 0; i < 5; i++) expect((await update(i)).status).toBe(200);
    clock.advance(20_000);
    const over = await update(99);
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ success: false });
    expect(over.headers.get('retry-after')).toBe('40');
    expect(h.sim.findCustomer({ email_id: 'c99@x.io' })).toBeUndefined();
    expect(h.sim.customers()).toHaveLength(5);
    clock.advance(40_000);
    expect((await update(99)).status).toBe(200);
    expect(h.sim.findCustomer({ email_id: 'c99@x.io' })).toBeDefined();
  });

  it('counts failed requests too, and keys the limit by client IP', async () => {
    const clock = manualClock();
    h = await startHarness({ now: clock.now, rateLimit: { limit: 2, windowMs: 1_000 } });
    expect((await h.call('POST', h.track('/customers'), {}, null)).status).toBe(401);
    expect((await update(1)).status).toBe(200);
    expect((await update(2)).status).toBe(429);
    expect((await update(3, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(200);
  });

  it('has a deterministic switch under /__sim/rate-limit', async () => {
    h = await startHarness();
    await h.simPost('/__sim/rate-limit', { limited: true });
    expect((await update(1)).status).toBe(429);
    const state = await h.simPost('/__sim/rate-limit', { limited: false });
    expect(state.body).toEqual({ limited: false, rejected: 1 });
    expect((await update(1)).status).toBe(200);
  });
});

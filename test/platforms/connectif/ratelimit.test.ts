// Runs in: vitest. Owns: Connectif's per-key request window (scaled down in the simulator): the connector
// follows X-RateLimit-* so a sync loses nothing, and at the configured pace it meets no 429 at all.
import { afterEach, describe, expect, it } from 'vitest';
import { seedStore } from './fixtures.js';
import { harness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const apiCalls = (x: Harness) => x.sim.server.requests.filter((r) => !r.path.startsWith('/__sim'));
const tooMany = (x: Harness) => apiCalls(x).filter((r) => r.status === 429).length;

describe('Connectif rate limit', () => {
  it('waits for the window the headers announce when it is spent, and loses nothing', async () => {
    h = await harness({ sim: { rateLimit: { limit: 6, windowMs: 400 } } });
    h.enqueue(seedStore(), true);
    const out = await h.drainAll(20_000);
    expect(out.dead).toBe(0);
    expect(h.sim.purchases.map((p) => p.purchaseId).sort()).toEqual(['1001', '1002']);
    expect(h.sim.contacts.size).toBe(6);
    // Remaining: 0 stops the key before Connectif has to refuse it.
    expect(tooMany(h)).toBe(0);
    expect(apiCalls(h).length).toBeGreaterThan(6);
  });

  it('a 429 caused by another app on the same key is retried after the reset, not dead-lettered', async () => {
    h = await harness({ sim: { rateLimit: { limit: 8, windowMs: 500 } } });
    // Another app spends the window behind our back; our first call meets a 429.
    await fetch(`${h.sim.url}/__sim/rate-limit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ keyId: h.sim.credentials.keyId, consume: 8 }),
    });
    h.enqueue(seedStore(), true);
    const out = await h.drainAll(20_000);
    expect(out.dead).toBe(0);
    expect(tooMany(h)).toBeGreaterThanOrEqual(1);
    expect(
      h.events.some((e) => e.type === 'delivery.retry' && /rate limit reached \(429\)/.test(e.message)),
    ).toBe(true);
    expect(h.sim.purchases.map((p) => p.purchaseId).sort()).toEqual(['1001', '1002']);
  });

  it('at the configured pace meets no 429', async () => {
    h = await harness({
      sim: { rateLimit: { limit: 10, windowMs: 250, headers: false } },
      settings: { requestsPerMinute: 2000 },
    });
    h.enqueue(seedStore(), true);
    await h.drainAll(20_000);
    expect(tooMany(h)).toBe(0);
    expect(h.sim.contacts.size).toBe(6);
  });
});

// Runs in: vitest (Node). Owns: unit tests of the rate budget with a manual clock (no real waiting).
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.js';
import { RateBudget, type RateHeaders } from './rate-budget.js';

/** A fake store quota that the budget talks to, with time moved by the budget's own sleeps. */
function harness(quota: number, windowMs: number, share = 0.8) {
  const clock = new ManualClock(0);
  let windowStart = 0;
  let used = 0;
  let others = 0;
  const sleeps: number[] = [];
  const budget = new RateBudget({
    share,
    maxConcurrency: 1,
    resetSlackMs: 5,
    clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.advance(ms);
    },
  });
  const roll = () => {
    while (clock.now() >= windowStart + windowMs) {
      windowStart += windowMs;
      used = 0;
    }
  };
  const serve = (): { status: number; h: RateHeaders } => {
    roll();
    used += others;
    others = 0;
    const status = used < quota ? 200 : 429;
    if (status === 200) used++;
    return {
      status,
      h: { quota, left: Math.max(0, quota - used), windowMs, resetMs: windowStart + windowMs - clock.now() },
    };
  };
  return {
    clock,
    budget,
    sleeps,
    consumeByOthers: (n: number) => (others += n),
    usedNow: () => (roll(), used),
    async call(): Promise<{ status: number; usedAfter: number }> {
      const release = await budget.acquire();
      clock.advance(3); // latency
      const { status, h } = serve();
      const usedAfter = used;
      budget.observe(h);
      release();
      if (status === 429) await budget.onRateLimited(h, 1);
      return { status, usedAfter };
    },
  };
}

describe('RateBudget', () => {
  it('never uses more than its share of a window and never meets a 429 when alone', async () => {
    const h = harness(150, 30_000, 0.8);
    let max = 0;
    for (let i = 0; i < 1000; i++) {
      const r = await h.call();
      expect(r.status).toBe(200);
      max = Math.max(max, r.usedAfter);
    }
    expect(max).toBe(120);
    // 1000 calls at 120 per window need at least 8 windows.
    expect(h.clock.now()).toBeGreaterThanOrEqual(8 * 30_000);
    expect(h.clock.now()).toBeLessThan(9 * 30_000 + 1000);
  });

  it('yields to other apps: when others consume, it stops earlier in the window', async () => {
    const h = harness(150, 30_000, 0.8);
    await h.call(); // learn the window
    h.consumeByOthers(60);
    let ours = 1;
    while (h.clock.now() < 30_000 && ours < 500) {
      const before = h.clock.now();
      await h.call();
      if (h.clock.now() - before > 1000) break; // it waited for the next window
      ours++;
    }
    // With 60 taken by others it keeps 30 (= 20% of 150) free: 150 - 30 - 60 = 60 of ours at most.
    expect(ours).toBeLessThanOrEqual(61);
    expect(ours).toBeGreaterThan(50);
  });

  it('waits X-Rate-Limit-Time-Reset-Ms after a 429', async () => {
    const clock = new ManualClock(0);
    const sleeps: number[] = [];
    const b = new RateBudget({
      clock,
      resetSlackMs: 0,
      sleep: async (ms) => void (sleeps.push(ms), clock.advance(ms)),
    });
    const release = await b.acquire();
    release();
    const wait = b.onRateLimited({ quota: 150, left: 0, windowMs: 30_000, resetMs: 12_345 }, 1);
    expect(wait).toBe(12_345);
    const r2 = await b.acquire();
    r2();
    expect(clock.now()).toBeGreaterThanOrEqual(12_345);
  });

  it('backs off exponentially on 429s without headers (load shedding)', () => {
    const b = new RateBudget({ clock: new ManualClock(0), sleep: async () => undefined });
    expect(b.onRateLimited(undefined, 1)).toBe(1000);
    expect(b.onRateLimited(undefined, 3)).toBe(4000);
  });

  it('lets one probe through before it knows the quota, then runs concurrently', async () => {
    const clock = new ManualClock(0);
    const b = new RateBudget({ clock, maxConcurrency: 3, sleep: async (ms) => clock.advance(ms) });
    const r1 = await b.acquire();
    let second = false;
    const p2 = b.acquire().then((r) => ((second = true), r));
    await Promise.resolve();
    expect(second).toBe(false);
    b.observe({ quota: 150, left: 149, windowMs: 30_000, resetMs: 29_000 });
    r1();
    const r2 = await p2;
    const r3 = await b.acquire();
    const r4 = await b.acquire();
    expect(b.snapshot().inFlight).toBe(3);
    [r2, r3, r4].forEach((r) => r());
  });

  it('honours cancellation while waiting', async () => {
    const clock = new ManualClock(0);
    const b = new RateBudget({ clock, maxConcurrency: 1, sleep: async (ms) => clock.advance(ms) });
    const r1 = await b.acquire();
    const ac = new AbortController();
    const p = b.acquire(ac.signal);
    ac.abort();
    await expect(p).rejects.toMatchObject({ code: 'cancelled' });
    r1();
  });
});

// Runs in: Node (vitest). Owns: the wake-up plan (quota windows, concurrency, lag order, platform pace) and
// the clock-jump detector.
import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from '../../src/sandbox/kit/index.js';
import { planCatchUp, type CatchUpConnection, type PlannedRun } from '../../src/main/desktop/catch-up.js';
import { ClockJumpDetector, detectClockJump } from '../../src/main/desktop/clock-jump.js';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 2, 10, 9, 0, 0);
const platforms = ['activecampaign', 'dotdigital', 'salesmanago'] as const;
const rates: Record<string, number> = { activecampaign: 5, dotdigital: 10, salesmanago: 2 };

/** 50 stores, each feeding the three platforms (one account per platform, shared by all stores). */
function fleet(sleptMs: number): CatchUpConnection[] {
  const out: CatchUpConnection[] = [];
  for (let s = 0; s < 50; s++) {
    platforms.forEach((p, i) => {
      const intervalMs = [5, 15, 60][i]! * 60_000;
      out.push({
        id: `conn-${s}-${p}`,
        storeId: `store-${s}`,
        scopeKey: `${p}:account:main`,
        intervalMs,
        // Each last ran at a different moment before the lid closed.
        lastRunAt: NOW - sleptMs - ((s * 37_000 + i * 11_000) % intervalMs),
        paused: false,
        storeCalls: 8 + (s % 5) * 4,
        platformCalls: 10 + (s % 3) * 10,
      });
    });
  }
  return out;
}

/** Replays every planned call through the simulator kit's own sliding-window limiter. */
function assertWithinQuota(runs: PlannedRun[], budget: number, windowMs: number) {
  const byStore = new Map<string, PlannedRun[]>();
  for (const r of runs) byStore.set(r.storeId, [...(byStore.get(r.storeId) ?? []), r]);
  for (const [storeId, list] of byStore) {
    let t = 0;
    const limiter = new SlidingWindowLimiter(budget, windowMs, () => t);
    for (const r of [...list].sort((a, b) => a.at - b.at)) {
      t = r.at;
      for (let i = 0; i < r.storeCalls; i++) {
        const wait = limiter.take();
        if (wait !== 0) throw new Error(`${storeId} over budget at ${r.at - NOW} ms (${r.connectionId})`);
      }
    }
  }
}

describe('planCatchUp', () => {
  it('resumes a 9-hour sleep across 50 stores x 3 connections within every store share', () => {
    const conns = fleet(9 * HOUR);
    const plan = planCatchUp(conns, {
      now: NOW,
      quota: { limit: 150, windowMs: 30_000, share: 0.4 },
      platformRate: (k) => rates[k.split(':')[0]!],
      maxConcurrentPerStore: 1,
      runMs: 20_000,
    });
    expect(plan.budgets.get('store-0')).toEqual({ calls: 60, windowMs: 30_000 });
    // Every connection exactly once, none in the past.
    expect(plan.runs.map((r) => r.connectionId).sort()).toEqual(conns.map((c) => c.id).sort());
    expect(plan.runs.every((r) => r.at >= NOW)).toBe(true);
    assertWithinQuota(plan.runs, 60, 30_000);

    // Concurrency: a store's runs never hold more than one extraction slot at once.
    for (let s = 0; s < 50; s++) {
      const mine = plan.runs.filter((r) => r.storeId === `store-${s}`).sort((a, b) => a.at - b.at);
      for (let i = 1; i < mine.length; i++)
        expect(mine[i]!.at - mine[i - 1]!.at).toBeGreaterThanOrEqual(20_000);
    }
    // Platform pace: planned calls on one scope never start faster than its sustained rate allows.
    for (const p of platforms) {
      const mine = plan.runs.filter((r) => r.scopeKey.startsWith(p)).sort((a, b) => a.at - b.at);
      for (let i = 1; i < mine.length; i++) {
        const prev = mine[i - 1]!;
        expect(mine[i]!.at - prev.at).toBeGreaterThanOrEqual(
          Math.ceil((prev.platformCalls / rates[p]!) * 1000),
        );
      }
    }
    // Staggered: no two starts in the same quarter second.
    const starts = plan.runs.map((r) => r.at);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(250);
    // And it finishes: the slowest scope (SALESmanago, 2/s, 50 runs) bounds the catch-up.
    const last = Math.max(...starts) - NOW;
    expect(last).toBeLessThan(15 * 60_000);
  });

  it('claims slots in lag order: the most overdue of a store and scope starts first', () => {
    const conns: CatchUpConnection[] = [20, 90, 45, 5].map((lateMin, i) => ({
      id: `c${i}`,
      storeId: 's',
      scopeKey: 'ac:account:1',
      intervalMs: 60_000,
      lastRunAt: NOW - 60_000 - lateMin * 60_000,
      paused: false,
    }));
    const plan = planCatchUp(conns, {
      now: NOW,
      quota: { limit: 150, windowMs: 30_000, share: 0.5 },
      platformRate: () => 5,
    });
    expect(plan.runs.map((r) => r.connectionId)).toEqual(['c1', 'c2', 'c0', 'c3']);
    expect(plan.runs[0]!.at).toBe(NOW);
    expect(plan.runs[0]!.lagMs).toBe(90 * 60_000);
  });

  it('a naive "run everything now" would break the quota the planner keeps (the check can fail)', () => {
    const naive = fleet(9 * HOUR).map((c) => ({
      connectionId: c.id,
      storeId: c.storeId,
      scopeKey: c.scopeKey,
      at: NOW,
      lagMs: 0,
      storeCalls: c.storeCalls!,
      platformCalls: c.platformCalls!,
    }));
    expect(() => assertWithinQuota(naive, 20, 30_000)).toThrow(/over budget/);
  });

  it('skips paused connections, leaves not-yet-due ones at their due time and orders never-run first', () => {
    const conns: CatchUpConnection[] = [
      {
        id: 'due-later',
        storeId: 's',
        scopeKey: 'x',
        intervalMs: HOUR,
        lastRunAt: NOW - 10 * 60_000,
        paused: false,
      },
      { id: 'paused', storeId: 's', scopeKey: 'x', intervalMs: 60_000, lastRunAt: NOW - HOUR, paused: true },
      { id: 'late', storeId: 's', scopeKey: 'x', intervalMs: 60_000, lastRunAt: NOW - HOUR, paused: false },
      { id: 'never', storeId: 's', scopeKey: 'x', intervalMs: 60_000, paused: false },
    ];
    const plan = planCatchUp(conns, {
      now: NOW,
      quota: { limit: 150, windowMs: 30_000, share: 0.5 },
      platformRate: () => undefined,
      runMs: 1_000,
    });
    expect(plan.paused).toEqual(['paused']);
    expect(plan.runs.map((r) => r.connectionId)).toEqual(['never', 'late', 'due-later']);
    expect(plan.runs[0]!.lagMs).toBe(Infinity);
    expect(plan.runs[2]!.at).toBe(NOW + 50 * 60_000);
  });

  it('spreads runs whose calls fill the window into later windows, and notes an oversize run', () => {
    const conns: CatchUpConnection[] = ['a', 'b', 'c'].map((id) => ({
      id,
      storeId: 's',
      scopeKey: 'x',
      intervalMs: 60_000,
      lastRunAt: NOW - HOUR,
      paused: false,
      storeCalls: 40,
    }));
    conns.push({ ...conns[0]!, id: 'huge', storeCalls: 500, lastRunAt: NOW - 2 * 60_000 });
    const plan = planCatchUp(conns, {
      now: NOW,
      quota: { limit: 100, windowMs: 10_000, share: 0.5 },
      platformRate: () => undefined,
      maxConcurrentPerStore: 3,
      runMs: 1,
      minGapMs: 0,
    });
    expect(plan.runs.map((r) => r.at - NOW)).toEqual([0, 10_000, 20_000, 30_000]);
    expect(plan.notes.join()).toMatch(/huge: 500 store calls exceed one window's budget \(50\)/);
    assertWithinQuota(plan.runs, 50, 10_000);
  });

  it('lets several runs of a store share a window when the budget and concurrency allow', () => {
    const conns: CatchUpConnection[] = ['a', 'b', 'c'].map((id) => ({
      id,
      storeId: 's',
      scopeKey: 'x',
      intervalMs: 60_000,
      lastRunAt: NOW - HOUR,
      paused: false,
      storeCalls: 10,
    }));
    const plan = planCatchUp(conns, {
      now: NOW,
      quota: { limit: 150, windowMs: 30_000, share: 1 },
      platformRate: () => undefined,
      maxConcurrentPerStore: 2,
      runMs: 5_000,
      minGapMs: 100,
    });
    expect(plan.runs.map((r) => r.at - NOW)).toEqual([0, 100, 5_000]);
  });

  it('refuses a share outside (0, 1]', () => {
    const c: CatchUpConnection = { id: 'a', storeId: 's', scopeKey: 'x', intervalMs: 1, paused: false };
    expect(() =>
      planCatchUp([c], {
        now: NOW,
        quota: { limit: 150, windowMs: 30_000, share: 0 },
        platformRate: () => 1,
      }),
    ).toThrow(/share/);
  });
});

describe('clock jumps', () => {
  it('tells a sleep (wall ran ahead) and a clock set back from jitter', () => {
    const a = { wall: NOW, mono: 1_000 };
    expect(detectClockJump(a, { wall: NOW + 60_200, mono: 61_000 }, 5_000)).toEqual({ kind: 'none' });
    expect(detectClockJump(a, { wall: NOW + 9 * HOUR, mono: 61_000 }, 5_000)).toMatchObject({
      kind: 'forward',
      skewMs: 9 * HOUR - 60_000,
    });
    expect(detectClockJump(a, { wall: NOW - HOUR, mono: 61_000 }, 5_000)).toMatchObject({ kind: 'backward' });
  });

  it('an event-loop stall moves both clocks alike and is not a jump', () => {
    const samples = [
      { wall: NOW, mono: 0 },
      { wall: NOW + 30_000, mono: 30_000 },
      { wall: NOW + 30_000 + 8 * HOUR, mono: 31_000 },
      { wall: NOW + 31_000 + 8 * HOUR, mono: 32_000 },
    ];
    let i = 0;
    const d = new ClockJumpDetector(() => samples[i++]!, 5_000);
    expect(d.check().kind).toBe('none');
    expect(d.check().kind).toBe('forward');
    expect(d.check().kind).toBe('none');
  });
});

// The live rate and ETA of a historical sync's delivery (ProgressMeter), on a clock the test moves.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.js';
import { ProgressMeter } from './estimate.js';

describe('ProgressMeter', () => {
  it('reports nothing more often than every minIntervalMs, then counts, rate and ETA', () => {
    const clock = new ManualClock();
    const m = new ProgressMeter(10_000, clock, { halfLifeMs: 5_000, minIntervalMs: 250 });
    expect(m.figures(0)).toEqual({ done: 0, remaining: 10_000, rate: 0 });
    clock.advance(100);
    expect(m.sample(100)).toBeUndefined();
    clock.advance(900);
    // 1,000 records in the first second: 1,000/s, 9,000 left, 9 s.
    expect(m.sample(1_000)).toEqual({ done: 1_000, remaining: 9_000, rate: 1_000, etaSeconds: 9 });
  });

  it('smooths a burst instead of following it, and converges on a new steady rate', () => {
    const clock = new ManualClock();
    const m = new ProgressMeter(100_000, clock, { halfLifeMs: 1_000, minIntervalMs: 0 });
    let done = 0;
    const step = (perSecond: number) => {
      clock.advance(1_000);
      done += perSecond;
      return m.sample(done)!;
    };
    expect(step(1_000).rate).toBe(1_000);
    // One second at 3,000/s moves a 1 s half-life average halfway: 2,000/s, not 3,000/s.
    const burst = step(3_000);
    expect(burst.rate).toBe(2_000);
    expect(burst.etaSeconds).toBeCloseTo((100_000 - 4_000) / 2_000, 1);
    // Back at 1,000/s for ten half-lives: within a few records/s of it.
    let last = burst;
    for (let i = 0; i < 10; i++) last = step(1_000);
    expect(last.rate).toBeGreaterThan(1_000);
    expect(last.rate).toBeLessThan(1_002);
  });

  it('weights by elapsed time, not by how many samples arrived', () => {
    const fine = new ManualClock();
    const coarse = new ManualClock();
    const a = new ProgressMeter(1_000_000, fine, { halfLifeMs: 2_000, minIntervalMs: 0 });
    const b = new ProgressMeter(1_000_000, coarse, { halfLifeMs: 2_000, minIntervalMs: 0 });
    fine.advance(1_000);
    coarse.advance(1_000);
    a.sample(500);
    b.sample(500);
    // The same two seconds at 2,000/s, sampled 20 times or once: the same smoothed rate.
    let done = 500;
    for (let i = 0; i < 20; i++) {
      fine.advance(100);
      done += 200;
      a.sample(done);
    }
    coarse.advance(2_000);
    // No time passed: nothing to report (and no division by zero).
    expect(a.sample(done)).toBeUndefined();
    expect(b.sample(done)!.rate).toBe(a.figures(done).rate);
  });

  it('has no ETA while nothing moved, and none left once done', () => {
    const clock = new ManualClock();
    const m = new ProgressMeter(50, clock, { halfLifeMs: 5_000, minIntervalMs: 250 });
    clock.advance(1_000);
    expect(m.sample(0)).toEqual({ done: 0, remaining: 50, rate: 0 });
    clock.advance(1_000);
    expect(m.sample(50)).toMatchObject({ remaining: 0, etaSeconds: 0 });
    // More settled than counted at the start (jobs planned meanwhile): never a negative remainder.
    clock.advance(1_000);
    expect(m.sample(60)!.remaining).toBe(0);
  });
});

// Runs in: vitest (pure). Owns: the sliding-window rate and ETA of a running sync.
import { describe, expect, it } from 'vitest';
import { addSample, pace } from './rate';

describe('pace', () => {
  it('measures records per second over the window and the time left at that pace', () => {
    const s = [
      { at: 0, done: 0 },
      { at: 2000, done: 100 },
      { at: 4000, done: 200 },
    ];
    expect(pace(s, 1000)).toEqual({ perSecond: 50, etaSeconds: 16 });
  });

  it('has no rate from one sample, and no ETA without a total or while nothing moves', () => {
    expect(pace([{ at: 5, done: 3 }], 10)).toEqual({ perSecond: null, etaSeconds: null });
    expect(
      pace(
        [
          { at: 0, done: 3 },
          { at: 1000, done: 3 },
        ],
        10,
      ),
    ).toEqual({ perSecond: 0, etaSeconds: null });
    expect(
      pace(
        [
          { at: 0, done: 0 },
          { at: 1000, done: 10 },
        ],
        null,
      ),
    ).toEqual({ perSecond: 10, etaSeconds: null });
  });

  it('forgets samples older than the window but keeps one before it', () => {
    let s = [{ at: 0, done: 0 }];
    for (let t = 1000; t <= 30_000; t += 1000) s = addSample(s, { at: t, done: t < 20_000 ? t / 10 : t / 5 });
    expect(s[0]!.at).toBe(19_000);
    // The recent pace (200/s), not the average since the start.
    expect(pace(s, null).perSecond).toBeGreaterThan(150);
  });
});

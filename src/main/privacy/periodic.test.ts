// Runs in: vitest. Owns: PeriodicJobs under a manual clock and manual timers: a first run at start, the next one
// an interval after the last ended (a slow run never overlaps), "run now" joining a run, errors, dispose.
import { describe, expect, it } from 'vitest';
import { ManualTimers } from '../../../test/support/manual-timers.js';
import { ManualClock } from '../core/clock.js';
import { PeriodicJobs } from './periodic.js';

const MIN = 60_000;

function setup(runMs: number, fail = false) {
  const clock = new ManualClock(1_000_000);
  const timers = new ManualTimers(clock);
  const starts: number[] = [];
  let active = 0;
  let maxActive = 0;
  const errors: string[] = [];
  const jobs = new PeriodicJobs({
    clock,
    timers,
    onError: (name, err) => errors.push(`${name}: ${(err as Error).message}`),
    jobs: [
      {
        name: 'pull',
        intervalMs: 15 * MIN,
        run: (signal) => {
          starts.push(clock.now());
          maxActive = Math.max(maxActive, ++active);
          // The run takes `runMs` of manual time: it ends when the test moves the clock past it.
          return new Promise<void>((resolve, reject) => {
            const end = () => {
              active--;
              if (fail) reject(new Error('platform down'));
              else resolve();
            };
            const t = timers.setTimeout(end, runMs);
            signal.addEventListener('abort', () => (timers.clearTimeout(t), end()), { once: true });
          });
        },
      },
    ],
  });
  return { clock, timers, jobs, starts, errors, max: () => maxActive };
}

describe('periodic jobs', () => {
  it('runs at start, then an interval after each run ended, never two at once', async () => {
    const s = setup(20 * MIN); // each run is longer than the interval
    s.jobs.start();
    await s.timers.advance(0);
    expect(s.starts).toEqual([1_000_000]);
    expect(s.jobs.status()[0]).toMatchObject({ running: true, nextRunAt: null });
    await s.timers.advance(20 * MIN);
    expect(s.jobs.status()[0]).toMatchObject({
      running: false,
      lastRunFinished: 1_000_000 + 20 * MIN,
      nextRunAt: 1_000_000 + 35 * MIN,
    });
    await s.timers.advance(60 * MIN);
    expect(s.starts).toEqual([1_000_000, 1_000_000 + 35 * MIN, 1_000_000 + 70 * MIN]);
    expect(s.max()).toBe(1);
    await s.jobs.dispose();
  });

  it('"run now" joins the run in progress and re-plans the next from its end', async () => {
    const s = setup(5 * MIN);
    s.jobs.start();
    await s.timers.advance(MIN);
    const joined = s.jobs.runNow('pull');
    await s.timers.advance(4 * MIN);
    await joined;
    expect(s.starts).toHaveLength(1);
    const now = s.jobs.runNow('pull');
    await s.timers.advance(5 * MIN);
    await now;
    expect(s.starts).toEqual([1_000_000, 1_000_000 + 5 * MIN]);
    expect(s.jobs.status()[0]!.nextRunAt).toBe(1_000_000 + 25 * MIN);
    expect(() => s.jobs.runNow('nope')).toThrow(/No background job "nope"/);
    await s.jobs.dispose();
  });

  it('reports a failed run and keeps the schedule; dispose cancels the run and every timer', async () => {
    const s = setup(MIN, true);
    s.jobs.start();
    await s.timers.advance(MIN);
    expect(s.errors).toEqual(['pull: platform down']);
    expect(s.jobs.status()[0]!.nextRunAt).toBe(1_000_000 + 16 * MIN);
    await s.timers.advance(15 * MIN);
    expect(s.starts).toHaveLength(2);
    await s.jobs.dispose();
    expect(s.timers.size).toBe(0);
    await s.timers.advance(60 * MIN);
    expect(s.starts).toHaveLength(2);
  });
});

// Runs in: vitest. Owns: the scheduler under a manual clock and manual timers: intervals counted from the
// end of the last run, Sync now, pause and resume, no overlap, recorded lag and depth, catch-up, dispose.
import { afterEach, describe, expect, it } from 'vitest';
import { engineDb } from '../../../test/support/engine-db.js';
import { ManualTimers } from '../../../test/support/manual-timers.js';
import { ManualClock } from '../core/clock.js';
import type { Db } from '../storage/db.js';
import { Scheduler, type ScheduledConnection } from './scheduler.js';
import type { SyncSummary } from './sync-engine.js';

let db: Db | undefined;
let scheduler: Scheduler | undefined;
afterEach(async () => {
  await scheduler?.dispose();
  db?.close();
  scheduler = db = undefined;
});

const MIN = 60_000;

function setup(conns: Array<Partial<ScheduledConnection> & { id: string }>, runMs = 1_000) {
  db = engineDb(conns.map((c) => c.id));
  const clock = new ManualClock(1_000_000);
  const timers = new ManualTimers(clock);
  const list: ScheduledConnection[] = conns.map((c) => ({
    storeId: 'store-1',
    accountId: 'acct-1',
    platform: 'file',
    mode: 'continuous',
    intervalMs: MIN,
    paused: false,
    ...c,
  }));
  const calls: Array<{ id: string; at: number; signal?: AbortSignal }> = [];
  const errors: Array<{ id: string; message: string }> = [];
  const failing = new Map<string, string>();
  const failNext = (id: string, message: string) => failing.set(id, message);
  /** Each run takes `runMs` of manual time: it ends when a timer the test advances past fires. */
  const engine = {
    sync(id: string, o: { signal?: AbortSignal } = {}): Promise<SyncSummary> {
      const started = clock.now();
      const failure = failing.get(id);
      if (failure !== undefined) {
        failing.delete(id);
        calls.push({ id, at: started });
        return Promise.reject(new Error(failure));
      }
      calls.push({ id, at: started, ...(o.signal ? { signal: o.signal } : {}) });
      db!
        .prepare(
          `INSERT INTO connection_progress (connection_id, last_run_started) VALUES (?, ?)
         ON CONFLICT (connection_id) DO UPDATE SET last_run_started = excluded.last_run_started`,
        )
        .run(id, started);
      return new Promise((resolve) => {
        const done = () => {
          o.signal?.removeEventListener('abort', cancel);
          db!
            .prepare('UPDATE connection_progress SET last_run_finished = ? WHERE connection_id = ?')
            .run(clock.now(), id);
          resolve({ connectionId: id } as SyncSummary);
        };
        const h = timers.setTimeout(done, runMs);
        const cancel = () => (timers.clearTimeout(h), done());
        o.signal?.addEventListener('abort', cancel, { once: true });
      });
    },
  };
  const find = (id: string) => list.find((c) => c.id === id)!;
  scheduler = new Scheduler({
    db,
    clock,
    timers,
    engine,
    connections: {
      list: () => list.map((c) => ({ ...c })),
      get: (id) => ({ ...find(id) }),
      setPaused: (id, paused) => (find(id).paused = paused),
    },
    onError: (id, err) => errors.push({ id, message: (err as Error).message }),
  });
  const runsOf = (id: string) => calls.filter((c) => c.id === id).map((c) => c.at - 1_000_000);
  return { clock, timers, calls, scheduler, runsOf, list, errors, failNext };
}

describe('Scheduler', () => {
  it('runs a never-run connection at once, then one interval after each run finished', async () => {
    const { timers, scheduler, runsOf } = setup([
      { id: 'a' },
      { id: 'b', intervalMs: 5 * MIN },
      { id: 'off', mode: 'off' },
      { id: 'held', paused: true },
    ]);
    scheduler.start();
    await timers.advance(12 * MIN);
    // a: 0, then (0 + 1 s run) + 1 min, ... b: every 5 min after a 1 s run.
    expect(runsOf('a').slice(0, 3)).toEqual([0, 61_000, 122_000]);
    expect(runsOf('a')).toHaveLength(12);
    expect(runsOf('b')).toEqual([0, 301_000, 602_000]);
    expect(runsOf('off')).toEqual([]);
    expect(runsOf('held')).toEqual([]);
  });

  it('a connection that ran before is due one interval after its last run finished', async () => {
    const { timers, scheduler, runsOf, clock } = setup([{ id: 'a', intervalMs: 10 * MIN }]);
    db!
      .prepare('INSERT INTO connection_progress (connection_id, last_run_finished) VALUES (?, ?)')
      .run('a', clock.now() - 4 * MIN);
    scheduler.start();
    await timers.advance(6 * MIN - 1);
    expect(runsOf('a')).toEqual([]);
    await timers.advance(1);
    expect(runsOf('a')).toEqual([6 * MIN]);
  });

  it('never overlaps a run: Sync now and a due timer join the running one', async () => {
    const { timers, scheduler, runsOf } = setup([{ id: 'a', intervalMs: 2_000 }], 10_000);
    scheduler.start();
    await timers.advance(1);
    expect(runsOf('a')).toEqual([0]);
    const joined = scheduler.syncNow('a');
    await timers.advance(5_000);
    expect(runsOf('a')).toEqual([0]);
    expect(scheduler.status('a').running).toBe(true);
    await timers.advance(5_000);
    await expect(joined).resolves.toMatchObject({ connectionId: 'a' });
    // The interval counts from the end of the run (10 s), not from its start.
    await timers.advance(2_000);
    expect(runsOf('a')).toEqual([0, 12_000]);
  });

  it('Sync now runs at once and restarts the interval from its end', async () => {
    const { timers, scheduler, runsOf } = setup([{ id: 'a' }]);
    scheduler.start();
    await timers.advance(30_000);
    void scheduler.syncNow('a');
    await timers.advance(0);
    expect(runsOf('a')).toEqual([0, 30_000]);
    await timers.advance(MIN);
    expect(runsOf('a')).toEqual([0, 30_000]);
    await timers.advance(1_000);
    expect(runsOf('a')).toEqual([0, 30_000, 91_000]);
  });

  it('pause stops the schedule, resume picks it up where it is due', async () => {
    const { timers, scheduler, runsOf, list } = setup([{ id: 'a' }]);
    scheduler.start();
    await timers.advance(2_000);
    scheduler.pause('a');
    expect(list[0]!.paused).toBe(true);
    expect(scheduler.status('a').nextRunAt).toBeNull();
    await timers.advance(10 * MIN);
    expect(runsOf('a')).toEqual([0]);
    scheduler.resume('a');
    expect(list[0]!.paused).toBe(false);
    await timers.advance(0);
    // Long overdue: it runs at once on resume.
    expect(runsOf('a')).toEqual([0, 602_000]);
  });

  it('records last run, lag (oldest waiting record) and queue depth after each run', async () => {
    const { timers, scheduler, clock } = setup([{ id: 'a' }]);
    const insert = db!.prepare(
      `INSERT INTO jobs (connection_id, entity_type, entity_id, version, kind, priority, payload, payload_hash,
         status, run_after, created_at, updated_at)
       VALUES ('a', 'customers', ?, 'v1', 'upsert', 0, '{}', 'h', ?, 0, ?, 0)`,
    );
    insert.run('1', 'queued', clock.now() - 5_000);
    insert.run('2', 'submitted', clock.now() - 2_000);
    insert.run('3', 'dead', clock.now() - 90_000);
    scheduler.start();
    await timers.advance(1_000);
    expect(scheduler.status('a')).toMatchObject({
      lastRunStarted: 1_000_000,
      lastRunFinished: 1_001_000,
      queueDepth: 2,
      lagMs: 6_000,
      nextRunAt: 1_061_000,
      running: false,
    });
  });

  it('after a sleep, staggers the overdue connections of one store instead of firing them together', async () => {
    const { timers, scheduler, calls } = setup([{ id: 'a' }, { id: 'b' }, { id: 'c' }], 100);
    scheduler.start();
    await timers.advance(1_000);
    expect(calls).toHaveLength(3);
    timers.sleep(3 * 60 * MIN);
    const wokeAt = 1_000_000 + 1_000 + 3 * 60 * MIN;
    await timers.advance(0);
    const after = calls.slice(3);
    // One runs at wake-up; the other two wait for their place in the plan, each at a different moment.
    expect(after.length).toBeGreaterThanOrEqual(1);
    await timers.advance(10 * MIN);
    const woken = calls.slice(3, 6);
    expect(woken.map((c) => c.id).sort()).toEqual(['a', 'b', 'c']);
    const starts = woken.map((c) => c.at);
    expect(new Set(starts).size).toBe(3);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(wokeAt);
    expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThan(0);
  });

  it('a failed run is reported, rejects Sync now, and the schedule goes on', async () => {
    const { timers, scheduler, runsOf, errors, failNext } = setup([{ id: 'a' }]);
    scheduler.start();
    await timers.advance(1_000);
    failNext('a', 'BigCommerce refused the token');
    await timers.advance(MIN);
    expect(errors).toEqual([{ id: 'a', message: 'BigCommerce refused the token' }]);
    failNext('a', 'still refused');
    await expect(scheduler.syncNow('a')).rejects.toThrow('still refused');
    await timers.advance(MIN);
    expect(runsOf('a')).toEqual([0, 61_000, 61_000, 121_000]);
  });

  it('refresh re-plans an edited interval and drops a connection turned off', async () => {
    const { timers, scheduler, runsOf, list } = setup([{ id: 'a' }, { id: 'b' }]);
    scheduler.start();
    await timers.advance(1_000);
    list[0]!.intervalMs = 5 * MIN;
    list[1]!.mode = 'off';
    scheduler.refresh();
    expect(scheduler.status('b').nextRunAt).toBeNull();
    await timers.advance(10 * MIN + 1_000);
    expect(runsOf('a')).toEqual([0, 301_000, 602_000]);
    expect(runsOf('b')).toEqual([0]);
  });

  it('dispose cancels runs in progress and leaves no timer behind', async () => {
    const { timers, scheduler, calls } = setup([{ id: 'a' }, { id: 'b', intervalMs: 10_000 }], 30_000);
    scheduler.start();
    await timers.advance(1);
    expect(calls).toHaveLength(2);
    await scheduler.dispose();
    expect(calls.every((c) => c.signal?.aborted)).toBe(true);
    expect(timers.size).toBe(0);
    await timers.advance(10 * MIN);
    expect(calls).toHaveLength(2);
  });
});

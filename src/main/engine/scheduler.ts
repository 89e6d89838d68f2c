// Runs in: main (Electron-free). Owns: when each connection syncs: every `interval_ms` after its last run
// finished (continuous, not paused), "Sync now", pause and resume, never two runs of one connection at once,
// and a staggered catch-up after the machine slept or the clock jumped. Records last run, lag and queue depth.
import type { Clock } from '../core/clock.js';
import { planCatchUp, type CatchUpOptions } from '../desktop/catch-up.js';
import type { Db } from '../storage/db.js';
import type { SyncSummary } from './sync-engine.js';

/** The part of a connection the scheduler reads. */
export interface ScheduledConnection {
  id: string;
  storeId: string;
  accountId: string;
  platform: string;
  mode: 'continuous' | 'off';
  intervalMs: number;
  paused: boolean;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SchedulerDeps {
  db: Db;
  clock: Clock;
  timers: Timers;
  engine: { sync(connectionId: string, o?: { signal?: AbortSignal }): Promise<SyncSummary> };
  connections: {
    list(): ScheduledConnection[];
    get(id: string): ScheduledConnection;
    setPaused(id: string, paused: boolean): unknown;
  };
  /** The platform rate-limit scope a connection delivers through, to stagger catch-up per scope. */
  scopeKey?: (c: ScheduledConnection) => string;
  /** Store quota and platform rates for `planCatchUp`; its defaults fit a Standard BigCommerce plan. */
  catchUp?: Partial<Omit<CatchUpOptions, 'now'>>;
  /** A timer that fires this much later than asked means the machine slept or the clock jumped. */
  jumpThresholdMs?: number;
  onError?: (connectionId: string, err: unknown) => void;
  /** Other background work (the consent pull, anonymisation policies) started and stopped with the syncs. */
  alongside?: ReadonlyArray<{ start(): void; dispose(): Promise<void> }>;
}

export interface ScheduleStatus {
  connectionId: string;
  running: boolean;
  nextRunAt: number | null;
  lastRunStarted: number | null;
  lastRunFinished: number | null;
  lagMs: number | null;
  queueDepth: number | null;
}

interface Slot {
  handle: unknown;
  at: number;
  /** The interval the slot was planned with, so an edited interval re-plans it. */
  intervalMs?: number;
}

export class Scheduler {
  private readonly slots = new Map<string, Slot>();
  private readonly running = new Map<string, Promise<SyncSummary>>();
  private readonly abort = new AbortController();
  private started = false;

  constructor(private readonly d: SchedulerDeps) {}

  /** Plans every active connection: due one interval after its last run finished, at once if it never ran. */
  start(): void {
    if (this.started || this.abort.signal.aborted) return;
    this.started = true;
    this.refresh();
    for (const a of this.d.alongside ?? []) a.start();
  }

  /** Re-reads the connections (after one was added, edited or removed) and (re)plans them. */
  refresh(): void {
    if (!this.started || this.abort.signal.aborted) return;
    const active = new Set<string>();
    for (const c of this.d.connections.list()) {
      if (!isActive(c)) continue;
      active.add(c.id);
      if (this.running.has(c.id)) continue;
      const slot = this.slots.get(c.id);
      if (!slot || slot.intervalMs !== c.intervalMs) this.schedule(c.id, this.dueAt(c), c.intervalMs);
    }
    for (const id of [...this.slots.keys()]) if (!active.has(id)) this.unschedule(id);
  }

  /** Runs at once (joining a run in progress), whatever the schedule; the next run counts from its end. */
  syncNow(connectionId: string): Promise<SyncSummary> {
    this.unschedule(connectionId);
    return this.run(connectionId);
  }

  pause(connectionId: string): void {
    this.d.connections.setPaused(connectionId, true);
    this.unschedule(connectionId);
  }

  resume(connectionId: string): void {
    this.d.connections.setPaused(connectionId, false);
    const c = this.d.connections.get(connectionId);
    if (this.started && isActive(c) && !this.running.has(c.id))
      this.schedule(c.id, this.dueAt(c), c.intervalMs);
  }

  /**
   * After a resume from sleep or a clock jump every connection is overdue at once: spread the runs so no
   * store's shared BigCommerce quota nor a platform scope is hit by all of them in the same moment.
   */
  catchUp(): void {
    if (!this.started || this.abort.signal.aborted) return;
    const now = this.d.clock.now();
    const conns = this.d.connections.list().filter((c) => isActive(c) && !this.running.has(c.id));
    const plan = planCatchUp(
      conns.map((c) => {
        const last = this.progress(c.id).last_run_started;
        return {
          id: c.id,
          storeId: c.storeId,
          scopeKey: this.scopeKey(c),
          intervalMs: c.intervalMs,
          paused: c.paused,
          ...(last !== null ? { lastRunAt: last } : {}),
        };
      }),
      {
        quota: { limit: 150, windowMs: 30_000, share: 0.5 },
        platformRate: () => undefined,
        ...this.d.catchUp,
        now,
      },
    );
    const interval = new Map(conns.map((c) => [c.id, c.intervalMs]));
    for (const r of plan.runs) this.schedule(r.connectionId, r.at, interval.get(r.connectionId));
  }

  status(connectionId: string): ScheduleStatus {
    const p = this.progress(connectionId);
    return {
      connectionId,
      running: this.running.has(connectionId),
      nextRunAt: this.slots.get(connectionId)?.at ?? null,
      lastRunStarted: p.last_run_started,
      lastRunFinished: p.last_run_finished,
      lagMs: p.lag_ms,
      queueDepth: p.queue_depth,
    };
  }

  /** Clears every timer and cancels runs in progress; resolves when they have stopped. */
  async dispose(): Promise<void> {
    this.abort.abort();
    for (const id of [...this.slots.keys()]) this.unschedule(id);
    await Promise.allSettled([...this.running.values(), ...(this.d.alongside ?? []).map((a) => a.dispose())]);
  }

  /** One run; scheduled runs report failures through `onError`, "Sync now" callers also get the rejection. */
  private run(connectionId: string): Promise<SyncSummary> {
    const existing = this.running.get(connectionId);
    if (existing) return existing;
    const run = this.d.engine.sync(connectionId, { signal: this.abort.signal }).finally(() => {
      this.running.delete(connectionId);
      this.record(connectionId);
      if (this.abort.signal.aborted || !this.started) return;
      const c = this.tryGet(connectionId);
      if (c && isActive(c)) this.schedule(c.id, this.d.clock.now() + c.intervalMs, c.intervalMs);
    });
    run.catch((err: unknown) => this.d.onError?.(connectionId, err));
    this.running.set(connectionId, run);
    return run;
  }

  private schedule(connectionId: string, at: number, intervalMs?: number): void {
    this.unschedule(connectionId);
    const asked = this.d.clock.now();
    const delay = Math.max(0, at - asked);
    const handle = this.d.timers.setTimeout(() => {
      this.slots.delete(connectionId);
      const late = this.d.clock.now() - (asked + delay);
      if (late > (this.d.jumpThresholdMs ?? 60_000)) {
        // The whole machine was away, not just this timer: every connection is due, stagger them.
        this.catchUp();
        return;
      }
      this.run(connectionId).catch(() => undefined); // reported through onError
    }, delay);
    this.slots.set(connectionId, { handle, at: asked + delay, ...(intervalMs ? { intervalMs } : {}) });
  }

  private unschedule(connectionId: string): void {
    const slot = this.slots.get(connectionId);
    if (!slot) return;
    this.d.timers.clearTimeout(slot.handle);
    this.slots.delete(connectionId);
  }

  private dueAt(c: ScheduledConnection): number {
    const finished = this.progress(c.id).last_run_finished;
    return finished === null ? this.d.clock.now() : finished + c.intervalMs;
  }

  /** Lag: how long the oldest record still waiting for this destination has waited. */
  private record(connectionId: string): void {
    const q = this.d.db
      .prepare(
        `SELECT count(*) AS n, min(created_at) AS oldest FROM jobs
         WHERE connection_id = ? AND status IN ('queued', 'leased', 'submitted')`,
      )
      .get(connectionId) as { n: number; oldest: number | null };
    const lag = q.oldest === null ? 0 : Math.max(0, this.d.clock.now() - q.oldest);
    this.d.db
      .prepare(
        `INSERT INTO connection_progress (connection_id, lag_ms, queue_depth) VALUES (?, ?, ?)
         ON CONFLICT (connection_id) DO UPDATE SET lag_ms = excluded.lag_ms, queue_depth = excluded.queue_depth`,
      )
      .run(connectionId, lag, q.n);
  }

  private progress(connectionId: string): {
    last_run_started: number | null;
    last_run_finished: number | null;
    lag_ms: number | null;
    queue_depth: number | null;
  } {
    return (
      (this.d.db
        .prepare(
          `SELECT last_run_started, last_run_finished, lag_ms, queue_depth FROM connection_progress
           WHERE connection_id = ?`,
        )
        .get(connectionId) as ReturnType<Scheduler['progress']> | undefined) ?? {
        last_run_started: null,
        last_run_finished: null,
        lag_ms: null,
        queue_depth: null,
      }
    );
  }

  private scopeKey(c: ScheduledConnection): string {
    return this.d.scopeKey?.(c) ?? `${c.platform}:${c.accountId}`;
  }

  private tryGet(id: string): ScheduledConnection | undefined {
    try {
      return this.d.connections.get(id);
    } catch {
      return undefined; // removed while it ran
    }
  }
}

function isActive(c: ScheduledConnection): boolean {
  return c.mode === 'continuous' && !c.paused;
}

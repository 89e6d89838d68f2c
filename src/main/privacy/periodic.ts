// Runs in: main (Electron-free). Owns: running background jobs on an interval counted from the end of the last
// run, so a slow run never overlaps the next; "run now" joins a run in progress; dispose cancels and waits.
import type { Clock } from '../core/clock.js';
import type { Timers } from '../engine/scheduler.js';

export interface PeriodicJob {
  name: string;
  intervalMs: number;
  /** Delay of the first run after `start()`; 0 runs at once. */
  firstRunMs?: number;
  run(signal: AbortSignal): Promise<void>;
}

export interface PeriodicStatus {
  name: string;
  running: boolean;
  nextRunAt: number | null;
  lastRunStarted: number | null;
  lastRunFinished: number | null;
}

export class PeriodicJobs {
  private readonly timers = new Map<string, { handle: unknown; at: number }>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly last = new Map<string, { started: number; finished: number | null }>();
  private readonly abort = new AbortController();
  private started = false;

  constructor(
    private readonly d: {
      clock: Clock;
      timers: Timers;
      jobs: readonly PeriodicJob[];
      /** A run that threw: the job itself reports what it can; this catches the rest. */
      onError?: (name: string, err: unknown) => void;
    },
  ) {}

  start(): void {
    if (this.started || this.abort.signal.aborted) return;
    this.started = true;
    for (const j of this.d.jobs) this.schedule(j, j.firstRunMs ?? 0);
  }

  /** Runs the job at once, or joins the run in progress; the next run counts from its end. */
  runNow(name: string): Promise<void> {
    const job = this.d.jobs.find((j) => j.name === name);
    if (!job) throw new Error(`No background job "${name}".`);
    return this.run(job);
  }

  status(): PeriodicStatus[] {
    return this.d.jobs.map((j) => ({
      name: j.name,
      running: this.running.has(j.name),
      nextRunAt: this.timers.get(j.name)?.at ?? null,
      lastRunStarted: this.last.get(j.name)?.started ?? null,
      lastRunFinished: this.last.get(j.name)?.finished ?? null,
    }));
  }

  async dispose(): Promise<void> {
    this.abort.abort();
    for (const t of this.timers.values()) this.d.timers.clearTimeout(t.handle);
    this.timers.clear();
    await Promise.allSettled([...this.running.values()]);
  }

  private run(job: PeriodicJob): Promise<void> {
    const existing = this.running.get(job.name);
    if (existing) return existing;
    this.unschedule(job.name);
    this.last.set(job.name, { started: this.d.clock.now(), finished: null });
    const p = Promise.resolve()
      .then(() => job.run(this.abort.signal))
      .finally(() => {
        this.running.delete(job.name);
        this.last.set(job.name, { started: this.last.get(job.name)!.started, finished: this.d.clock.now() });
        if (this.started && !this.abort.signal.aborted) this.schedule(job, job.intervalMs);
      });
    p.catch((err: unknown) => this.d.onError?.(job.name, err));
    this.running.set(job.name, p);
    return p;
  }

  private schedule(job: PeriodicJob, delay: number): void {
    this.unschedule(job.name);
    const handle = this.d.timers.setTimeout(() => {
      this.timers.delete(job.name);
      this.run(job).catch(() => undefined); // reported through onError
    }, delay);
    this.timers.set(job.name, { handle, at: this.d.clock.now() + delay });
  }

  private unschedule(name: string): void {
    const t = this.timers.get(name);
    if (t) this.d.timers.clearTimeout(t.handle);
    this.timers.delete(name);
  }
}

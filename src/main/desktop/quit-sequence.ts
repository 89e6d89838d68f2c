// Runs in: main (Electron-free). Owns: the order of a clean quit: stop claiming work, wait (bounded) for
// in-flight deliveries to be recorded, abort the rest, dispose listeners and timers, then close databases.
import type { WorkTracker } from './work-tracker.js';

export interface QuitServices {
  /**
   * Scheduler and engine stop claiming new jobs (leases already taken stay with their runs). Called before
   * `work` stops accepting: it may register the runs still finishing with `work` so the drain waits for them.
   */
  stopClaiming(): void | Promise<void>;
  work: WorkTracker;
  /** Tray, power monitor, timers: anything that could start work or touch storage after this point. */
  dispose?: () => void | Promise<void>;
  /** Close the workspace databases; last, once nothing can write any more. */
  closeStorage(): void | Promise<void>;
}

export interface QuitOptions {
  /** How long in-flight deliveries get to finish and be recorded. */
  drainTimeoutMs?: number;
  /** After aborting, how long aborted work gets to unwind. */
  abortGraceMs?: number;
  onStep?: (step: QuitStep) => void;
}

export type QuitStep = 'stop-claiming' | 'drain' | 'abort' | 'dispose' | 'close-storage' | 'done';

export interface QuitReport {
  steps: QuitStep[];
  /** Everything in flight finished within the drain timeout. */
  drained: boolean;
  /** Units of work aborted after the timeout (their jobs stay leased and are retried on the next start). */
  aborted: number;
  /** Work still running when storage closed: it cannot record anything (the database is closed). */
  stuck: string[];
  errors: string[];
}

export class QuitSequence {
  private running?: Promise<QuitReport>;

  constructor(
    private readonly services: QuitServices,
    private readonly options: QuitOptions = {},
  ) {}

  get started(): boolean {
    return this.running !== undefined;
  }

  /** Idempotent: a second quit request (tray and window at once) waits for the first. */
  run(): Promise<QuitReport> {
    this.running ??= this.sequence();
    return this.running;
  }

  private async sequence(): Promise<QuitReport> {
    const { drainTimeoutMs = 10_000, abortGraceMs = 2_000, onStep } = this.options;
    const s = this.services;
    const report: QuitReport = { steps: [], drained: true, aborted: 0, stuck: [], errors: [] };
    const step = (name: QuitStep) => {
      report.steps.push(name);
      onStep?.(name);
    };
    const attempt = async (what: string, fn: () => unknown) => {
      try {
        await fn();
      } catch (err) {
        // A failing step must not keep the databases open: record it and carry on.
        report.errors.push(`${what}: ${err instanceof Error ? err.message : String(err)}`);
      }
    };

    step('stop-claiming');
    // stopClaiming runs first, synchronously, so it can hand what is still running (the scheduler's and the
    // console's syncs finishing their current batch) to `work`; only then does `work` refuse new units.
    const claiming = attempt('stop claiming', () => s.stopClaiming());
    s.work.stopAccepting();
    await claiming;

    step('drain');
    report.drained = await within(s.work.whenIdle(), drainTimeoutMs);
    if (!report.drained) {
      step('abort');
      report.aborted = s.work.abortAll('Storebridge is quitting');
      await within(s.work.whenIdle(), abortGraceMs);
      report.stuck = s.work.labels();
    }

    step('dispose');
    if (s.dispose) await attempt('dispose', () => s.dispose!());
    step('close-storage');
    await attempt('close storage', () => s.closeStorage());
    step('done');
    return report;
  }
}

async function within(p: Promise<void>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([p.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

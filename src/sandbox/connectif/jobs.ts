// Runs in: Node (simulators). Owns: the state machine of imports and exports (queued → inProgress →
// finished | error | cancelled), moved by the clock in `auto` mode or by /__sim/ calls in `manual` mode.

export type JobStatus = 'queued' | 'inProgress' | 'finished' | 'error' | 'cancelled';

export interface Job {
  id: string;
  kind: 'import' | 'export';
  status: JobStatus;
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  cancelledAt?: number;
  /** Does the job's work when it finishes (applies rows, writes the file). */
  complete: () => void;
}

export interface JobSettings {
  mode: 'auto' | 'manual';
  startAfterMs: number;
  runForMs: number;
}

export class JobRunner {
  constructor(
    readonly settings: JobSettings,
    private readonly now: () => number,
  ) {}

  /** Moves auto jobs as far as the clock allows, dating each step when it was due, not when observed. */
  advance(jobs: Job[]): void {
    if (this.settings.mode !== 'auto') return;
    const t = this.now();
    // Oldest first, so an import applies its rows before a later one overrides them.
    for (const job of jobs) {
      if (job.status === 'queued' && t >= job.createdAt + this.settings.startAfterMs)
        this.start(job, job.createdAt + this.settings.startAfterMs);
      if (job.status === 'inProgress' && t >= job.startedAt! + this.settings.runForMs)
        this.finish(job, job.startedAt! + this.settings.runForMs);
    }
  }

  start(job: Job, at = this.now()): boolean {
    if (job.status !== 'queued') return false;
    job.status = 'inProgress';
    job.startedAt = at;
    return true;
  }

  finish(job: Job, at = this.now()): boolean {
    if (job.status === 'queued') this.start(job, at);
    if (job.status !== 'inProgress') return false;
    job.complete();
    job.status = 'finished';
    job.finishedAt = at;
    return true;
  }

  fail(job: Job, at = this.now()): boolean {
    if (job.status !== 'queued' && job.status !== 'inProgress') return false;
    job.status = 'error';
    job.startedAt ??= at;
    job.finishedAt = at;
    return true;
  }

  cancel(job: Job, at = this.now()): boolean {
    if (job.status !== 'queued' && job.status !== 'inProgress') return false;
    job.status = 'cancelled';
    job.cancelledAt = at;
    return true;
  }
}

/** Offset pagination with `links.prev/next`, shared by the import and export lists. */
export function page<T>(
  items: T[],
  query: URLSearchParams,
  selfUrl: string,
): { body: { data: T[]; total: number; links: { prev: string | null; next: string | null } } } | string {
  const limit = Number(query.get('limit') ?? '10');
  const offset = Number(query.get('offset') ?? '0');
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return 'limit must be an integer from 1 to 100';
  if (!Number.isInteger(offset) || offset < 0) return 'offset must be a non-negative integer';
  const link = (o: number): string => `${selfUrl}?limit=${limit}&offset=${o}`;
  return {
    body: {
      data: items.slice(offset, offset + limit),
      total: items.length,
      links: {
        prev: offset > 0 ? link(Math.max(0, offset - limit)) : null,
        next: offset + limit < items.length ? link(offset + limit) : null,
      },
    },
  };
}

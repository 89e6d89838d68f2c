// Runs in: Node (simulators). Owns: Bloomreach's asynchronous side: queued writes (accepted now, applied
// later) and anonymize_bulk jobs (a bulk_id now, the outcome later).
import { internalId } from './errors.js';

interface QueuedWrite {
  dueAt: number;
  apply: () => void;
}

/** Writes are applied lazily, whenever anything reads, so an injected clock controls them without timers. */
export class WriteQueue {
  private pending: QueuedWrite[] = [];

  constructor(
    private readonly delayMs: number,
    private readonly now: () => number,
  ) {}

  enqueue(apply: () => void): void {
    if (this.delayMs <= 0 && this.pending.length === 0) return apply();
    this.pending.push({ dueAt: this.now() + this.delayMs, apply });
  }

  /** Applies due writes in arrival order; `all` ignores due times (POST /__sim/queue/flush). */
  drain(all = false): number {
    const t = this.now();
    let applied = 0;
    while (this.pending.length > 0 && (all || this.pending[0]!.dueAt <= t)) {
      this.pending.shift()!.apply();
      applied++;
    }
    return applied;
  }

  get size(): number {
    return this.pending.length;
  }

  clear(): void {
    this.pending = [];
  }
}

export type JobStatus = 'pending' | 'finished' | 'failed';

export interface BulkJob {
  bulkId: string;
  kind: 'anonymize_bulk';
  status: JobStatus;
  createdAt: number;
  finishedAt?: number;
  error?: string;
  customers: unknown[];
  /** Per-entry outcome once finished: the customer's internal id, or why it was not anonymised. */
  results: Array<{ internalId?: string; error?: string }>;
}

export class Jobs {
  readonly all = new Map<string, BulkJob>();

  constructor(
    private readonly delayMs: number | undefined,
    private readonly now: () => number,
    private readonly run: (job: BulkJob) => void,
  ) {}

  create(customers: unknown[]): BulkJob {
    const job: BulkJob = {
      bulkId: internalId(),
      kind: 'anonymize_bulk',
      status: 'pending',
      createdAt: this.now(),
      customers,
      results: [],
    };
    this.all.set(job.bulkId, job);
    this.tick();
    return job;
  }

  /** Finishes jobs whose delay has passed (only when a delay was configured). */
  tick(): void {
    if (this.delayMs === undefined) return;
    for (const job of this.all.values()) {
      if (job.status === 'pending' && this.now() >= job.createdAt + this.delayMs) this.finish(job.bulkId);
    }
  }

  finish(bulkId: string): BulkJob | undefined {
    const job = this.all.get(bulkId);
    if (!job || job.status !== 'pending') return undefined;
    this.run(job);
    job.status = 'finished';
    job.finishedAt = this.now();
    return job;
  }

  fail(bulkId: string, error: string): BulkJob | undefined {
    const job = this.all.get(bulkId);
    if (!job || job.status !== 'pending') return undefined;
    job.status = 'failed';
    job.error = error;
    job.finishedAt = this.now();
    return job;
  }

  clear(): void {
    this.all.clear();
  }
}

// Runs in: Node (simulators). Owns: v2 `async:true` requests: queued as jobs, applied after a delay or when
// a test finishes them through /__sim/jobs, or dropped when a test fails them.
import type { ResolvedOptions } from './options.js';
import { newId, type AccountStore, type Job } from './store.js';

export class JobRunner {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly opts: ResolvedOptions) {}

  submit(store: AccountStore, method: string, work: () => unknown): Job {
    const job: Job = { requestId: newId(), method, status: 'pending', createdAt: this.opts.now() };
    store.jobs.set(job.requestId, job);
    store.jobWork.set(job.requestId, work);
    const delay = this.opts.asyncDelayMs;
    if (delay !== null) {
      const t = setTimeout(() => {
        this.timers.delete(t);
        this.finish(store, job.requestId);
      }, delay);
      this.timers.add(t);
    }
    return job;
  }

  /** Applies a pending job; an error thrown by its work fails it instead. */
  finish(store: AccountStore, requestId: string): Job | undefined {
    const job = store.jobs.get(requestId);
    const work = store.jobWork.get(requestId);
    if (!job || job.status !== 'pending' || !work) return job;
    store.jobWork.delete(requestId);
    try {
      job.result = work();
      job.status = 'done';
    } catch (err) {
      job.status = 'failed';
      job.error = err instanceof Error ? err.message : String(err);
    }
    job.finishedAt = this.opts.now();
    return job;
  }

  /** The platform gave up on the job: nothing it carried is applied. */
  fail(store: AccountStore, requestId: string, message: string): Job | undefined {
    const job = store.jobs.get(requestId);
    if (!job || job.status !== 'pending') return job;
    store.jobWork.delete(requestId);
    job.status = 'failed';
    job.error = message;
    job.finishedAt = this.opts.now();
    return job;
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

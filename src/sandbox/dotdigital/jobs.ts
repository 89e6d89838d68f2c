// Runs in: Node (simulators). Owns: async jobs (contact and Insight imports, program enrolments):
// they start pending and finish on the first look after `finishAfterMs`, or when /__sim/ says so.
import { randomUUID } from 'node:crypto';
import type { Account } from './account.js';
import type { JobOptions } from './options.js';
import type { Job, JobKind } from './store.js';

export class JobRunner {
  constructor(
    private readonly opts: JobOptions,
    private readonly now: () => number,
  ) {}

  start(
    acct: Account,
    kind: JobKind,
    run: () => unknown,
    meta: Record<string, unknown> = {},
    id: string = randomUUID(),
  ): Job {
    const job: Job = { id, kind, createdAt: this.now(), state: 'pending', run, meta };
    acct.store.jobs.set(id, job);
    return job;
  }

  /** Pending jobs of these kinds, for the documented caps on concurrent imports. */
  active(acct: Account, kinds: JobKind[]): number {
    let n = 0;
    for (const j of acct.store.jobs.values()) if (j.state === 'pending' && kinds.includes(j.kind)) n++;
    return n;
  }

  /** Finishes the jobs whose time has come; called before every API call and state read. */
  tick(acct: Account): void {
    if (this.opts.finishAfterMs === null) return;
    const t = this.now();
    for (const j of acct.store.jobs.values())
      if (j.state === 'pending' && t >= j.createdAt + this.opts.finishAfterMs) this.finish(j);
  }

  finish(job: Job): void {
    if (job.state !== 'pending') return;
    job.report = job.run();
    job.state = 'finished';
  }

  fail(job: Job): void {
    if (job.state !== 'pending') return;
    job.state = 'failed';
  }
}

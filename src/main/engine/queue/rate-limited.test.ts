// Runs in: vitest (unit, real SQLite file). Owns: what the queue does with a `rateLimited` result: the attempt
// the claim counted is given back, the wait is exactly the one asked, nothing is ever dead-lettered for it,
// and the attempts an earlier real failure spent are kept (connectors read them to look lost writes up).
import { afterEach, describe, expect, it } from 'vitest';
import { engineDb } from '../../../../test/support/engine-db.js';
import { ManualClock } from '../../core/clock.js';
import type { Db } from '../../storage/db.js';
import type { PlannedJob } from '../connector.js';
import { TokenBucket } from '../rate-limiter.js';
import { JobQueue } from './job-queue.js';

let db: Db;
afterEach(() => db?.close());

const event = (id: string): PlannedJob => ({
  entityType: 'purchase',
  entityId: id,
  version: 'v1',
  kind: 'event',
  priority: 1,
  payload: { id },
});

describe('JobQueue with rate-limited results', () => {
  it('gives the attempt back, waits exactly what was asked, and never dead-letters for a rate limit', () => {
    db = engineDb();
    const q = new JobQueue(db, { baseMs: 1_000, maxMs: 60_000, maxAttempts: 2 }, () => 1);
    q.enqueue('conn-a', [event('p1')], false, 0);
    let t = 0;
    for (let i = 0; i < 10; i++) {
      const job = q.claim('conn-a', 'w', 1, 60_000, t).jobs[0]!;
      expect(job.attempts).toBe(1);
      q.complete([{ jobId: job.jobId, outcome: 'rateLimited', reason: '429', retryAfterMs: 30_000 }], t);
      expect(q.claim('conn-a', 'w', 1, 60_000, t + 29_999).jobs).toEqual([]);
      t += 30_000;
    }
    expect(q.stats('conn-a')).toMatchObject({ queued: 1, dead: 0, nextRunAt: t });
    // With no wait named the queue still waits (a second), rather than spinning.
    const job = q.claim('conn-a', 'w', 1, 60_000, t).jobs[0]!;
    q.complete([{ jobId: job.jobId, outcome: 'rateLimited', reason: '429' }], t);
    expect(q.stats('conn-a').nextRunAt).toBe(t + 1_000);
  });

  it('keeps the attempts a lost write spent, so the next try still looks the record up first', () => {
    db = engineDb();
    const q = new JobQueue(db, { baseMs: 1_000, maxMs: 60_000, maxAttempts: 5 }, () => 1);
    q.enqueue('conn-a', [event('p1')], false, 0);
    let job = q.claim('conn-a', 'w', 1, 60_000, 0).jobs[0]!;
    q.complete([{ jobId: job.jobId, outcome: 'retryable', reason: 'answer lost', retryAfterMs: 2_000 }], 0);
    job = q.claim('conn-a', 'w', 1, 60_000, 2_000).jobs[0]!;
    expect(job.attempts).toBe(2);
    q.complete([{ jobId: job.jobId, outcome: 'rateLimited', reason: '429', retryAfterMs: 500 }], 2_000);
    job = q.claim('conn-a', 'w', 1, 60_000, 2_500).jobs[0]!;
    expect(job.attempts).toBe(2);
  });

  it('a submitted job answered rate-limited on confirmation keeps its count (it was never claimed again)', () => {
    db = engineDb();
    const q = new JobQueue(db);
    q.enqueue('conn-a', [event('p1')], false, 0);
    const job = q.claim('conn-a', 'w', 1, 60_000, 0).jobs[0]!;
    q.complete([{ jobId: job.jobId, outcome: 'submitted', ref: 'enrol:waiting' }], 0);
    q.complete([{ jobId: job.jobId, outcome: 'rateLimited', reason: '429', retryAfterMs: 100 }], 1);
    expect(q.claim('conn-a', 'w', 1, 60_000, 101).jobs[0]!.attempts).toBe(2);
  });
});

describe('TokenBucket.throttle', () => {
  it("pauses the scope for the platform's wait, or for a full burst's refill when none was named", () => {
    const clock = new ManualClock(0);
    const b = new TokenBucket({ perSecond: 2, burst: 10 }, clock);
    expect(b.throttle(3_000)).toBe(3_000);
    expect(b.reserve()).toBe(3_000);
    clock.advance(10_000);
    expect(b.throttle()).toBe(5_000); // 10 calls at 2/s
    expect(b.reserve()).toBe(5_000);
    const fast = new TokenBucket({ perSecond: 1_000, burst: 1 }, clock);
    expect(fast.throttle()).toBe(1_000); // at least a second
  });
});

// Runs in: vitest (Node). Owns: the wall clock set back while retries wait: a retry waits at most its own
// delay from the moment the queue notices, never the whole jump; a long Retry-After keeps its length; jitter
// under the tolerance changes nothing. Also the circuit breaker's next probe. Real SQLite, injected times.
import { afterEach, describe, expect, it } from 'vitest';
import { engineDb } from '../../../../test/support/engine-db.js';
import type { Db } from '../../storage/db.js';
import { Pacer } from '../../platforms/activecampaign/pacer.js';
import { CircuitBreaker } from '../circuit-breaker.js';
import { TokenBucket } from '../rate-limiter.js';
import type { PlannedJob } from '../connector.js';
import { JobQueue } from './job-queue.js';

let db: Db;
afterEach(() => db?.close());

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 23, 12);
const job = (id: string): PlannedJob => ({
  entityType: 'contact',
  entityId: id,
  version: 'v1',
  kind: 'upsert',
  contactKey: id,
  priority: 0,
  payload: { id },
});
const ids = (q: JobQueue, now: number) => q.claim('conn-a', 'w', 10, 60_000, now).jobs.map((j) => j.entityId);

describe('clock set back with retries waiting', () => {
  it('a retry waits its own delay from now, not the jump', () => {
    db = engineDb();
    const q = new JobQueue(db, { baseMs: 4_000, maxMs: 60_000, maxAttempts: 12 }, () => 1);
    q.enqueue('conn-a', [job('a')], false, T0);
    const [a] = q.claim('conn-a', 'w', 10, 60_000, T0).jobs;
    q.complete([{ jobId: a!.jobId, outcome: 'retryable', reason: '503' }], T0); // due at T0 + 4 s
    const back = T0 - HOUR + 1_000; // a second later, the clock is set back an hour
    expect(ids(q, back), 'not due yet: it still waits its delay').toEqual([]);
    expect(ids(q, back + 3_999)).toEqual([]);
    // Without the rebase it would be due only at T0 + 4 s, an hour from `back`.
    expect(ids(q, back + 4_000)).toEqual(['a']);
  });

  it('a long Retry-After keeps its length; jitter under the tolerance moves nothing', () => {
    db = engineDb();
    const q = new JobQueue(db);
    q.enqueue('conn-a', [job('slow'), job('jit')], false, T0);
    const claimed = q.claim('conn-a', 'w', 10, 60_000, T0).jobs;
    q.complete(
      claimed.map((j) =>
        j.entityId === 'slow'
          ? { jobId: j.jobId, outcome: 'rateLimited' as const, reason: '429', retryAfterMs: 2 * HOUR }
          : { jobId: j.jobId, outcome: 'rateLimited' as const, reason: '429', retryAfterMs: 10_000 },
      ),
      T0,
    );
    // 1.5 s back: jitter. The 10 s wait is still due at T0 + 10 s, not later.
    expect(ids(q, T0 - 1_500)).toEqual([]);
    const due = q.claim('conn-a', 'w', 10, 60_000, T0 + 10_000).jobs;
    expect(due.map((j) => j.entityId)).toEqual(['jit']);
    q.complete([{ jobId: due[0]!.jobId, outcome: 'ok' }], T0 + 10_000);
    // Then an hour back: the 2-hour Retry-After still waits 2 hours from now, not 3.
    const back = T0 + 10_000 - HOUR;
    expect(ids(q, back)).toEqual([]);
    expect(ids(q, back + 2 * HOUR - 1)).toEqual([]);
    expect(ids(q, back + 2 * HOUR)).toEqual(['slow']);
  });

  it('a queue opened after the clock went back (a restart) rebases too', () => {
    db = engineDb();
    const q = new JobQueue(db, { baseMs: 4_000, maxMs: 60_000, maxAttempts: 12 }, () => 1);
    q.enqueue('conn-a', [job('a')], false, T0);
    const [a] = q.claim('conn-a', 'w', 10, 60_000, T0).jobs;
    q.complete([{ jobId: a!.jobId, outcome: 'retryable', reason: '503' }], T0);
    const fresh = new JobQueue(db);
    expect(ids(fresh, T0 - HOUR)).toEqual([]);
    expect(ids(fresh, T0 - HOUR + 4_000)).toEqual(['a']);
  });

  it("the circuit breaker's next probe is never further away than its delay", () => {
    let now = T0;
    const b = new CircuitBreaker(
      { now: () => now },
      { threshold: 1, firstProbeMs: 5_000, maxProbeMs: 60_000 },
    );
    b.unreachable();
    expect(b.allow()).toBe(false);
    now = T0 - HOUR;
    expect(b.blocked()).toBe(true);
    now += 5_000;
    expect(b.allow(), 'probes 5 s after the jump, not an hour later').toBe(true);
  });

  it('a token bucket and the ActiveCampaign pacer do not make calls wait out the jump', async () => {
    let now = T0;
    const clock = { now: () => now };
    const bucket = new TokenBucket({ perSecond: 10, burst: 2 }, clock);
    bucket.throttle(3_000); // a 429 asked for 3 s
    now = T0 - HOUR;
    expect(bucket.reserve(), 'at most the 3 s the platform asked for').toBeLessThanOrEqual(3_000);
    now += 3_000;
    expect(bucket.reserve()).toBeLessThanOrEqual(100);

    now = T0;
    const pacer = new Pacer(1_000, clock);
    const signal = new AbortController().signal;
    await pacer.turn(signal);
    now = T0 - HOUR;
    const started = Date.now();
    await pacer.turn(signal);
    expect(Date.now() - started, 'the next turn is 1 ms away, not an hour').toBeLessThan(1_000);
  });
});

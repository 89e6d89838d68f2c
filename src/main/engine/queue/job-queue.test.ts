import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../storage/db.js';
import { engineDb } from '../../../../test/support/engine-db.js';
import type { PlannedJob } from '../connector.js';
import { JobQueue } from './job-queue.js';

let db: Db;
afterEach(() => db?.close());

const contact = (id: string, version = 'v1', payload: unknown = { id, version }): PlannedJob => ({
  entityType: 'contact',
  entityId: id,
  version,
  kind: 'upsert',
  contactKey: id,
  priority: 0,
  payload,
});
const order = (id: string, contactKey: string, version = 'v1'): PlannedJob => ({
  entityType: 'order',
  entityId: id,
  version,
  kind: 'event',
  contactKey,
  priority: 1,
  payload: { id },
});
const noJitter = () => 1;

describe('JobQueue', () => {
  it('queues each (entity, version) once and skips what the platform already has unchanged', () => {
    db = engineDb();
    const q = new JobQueue(db);
    expect(q.enqueue('conn-a', [contact('c1'), contact('c2')], false, 0)).toEqual({
      queued: 2,
      unchanged: 0,
      duplicate: 0,
    });
    expect(q.enqueue('conn-a', [contact('c1')], false, 0)).toEqual({ queued: 0, unchanged: 0, duplicate: 1 });
    const { jobs } = q.claim('conn-a', 'w', 10, 1000, 0);
    q.complete(
      jobs.map((j) => ({ jobId: j.jobId, outcome: 'ok' as const })),
      1,
    );
    // A new version with the same mapped payload is not sent again; a changed payload is.
    expect(q.enqueue('conn-a', [contact('c1', 'v2', { id: 'c1', version: 'v1' })], false, 2).unchanged).toBe(
      1,
    );
    expect(q.enqueue('conn-a', [contact('c1', 'v3', { id: 'c1', name: 'new' })], false, 2).queued).toBe(1);
  });

  it('never sends an event that the ledger says was delivered', () => {
    db = engineDb();
    const q = new JobQueue(db);
    q.enqueue('conn-a', [order('o1', 'c1')], true, 0);
    const { jobs } = q.claim('conn-a', 'w', 10, 1000, 0);
    q.complete([{ jobId: jobs[0]!.jobId, outcome: 'ok', remoteId: 'R1' }], 1);
    expect(q.enqueue('conn-a', [order('o1', 'c1', 'v2')], true, 2)).toMatchObject({
      queued: 0,
      unchanged: 1,
    });
  });

  it('claims a contact before its orders, and the orders only once the contact is done', () => {
    db = engineDb();
    const q = new JobQueue(db);
    q.enqueue('conn-a', [order('o1', 'c1'), order('o2', 'c1')], false, 0);
    q.enqueue('conn-a', [contact('c1'), contact('c9')], false, 0);
    const first = q.claim('conn-a', 'w', 10, 1000, 0).jobs;
    expect(first.map((j) => `${j.entityType}:${j.entityId}`)).toEqual(['contact:c1', 'contact:c9']);
    expect(q.claim('conn-a', 'w', 10, 1000, 0).jobs).toEqual([]);
    q.complete([{ jobId: first[0]!.jobId, outcome: 'ok' }], 1);
    expect(q.claim('conn-a', 'w', 10, 1000, 1).jobs.map((j) => j.entityId)).toEqual(['o1', 'o2']);
  });

  it('keeps two versions of one record in order and supersedes a queued older upsert', () => {
    db = engineDb();
    const q = new JobQueue(db);
    q.enqueue('conn-a', [contact('c1', 'v1', { n: 1 })], false, 0);
    const inFlight = q.claim('conn-a', 'w', 10, 1000, 0).jobs;
    q.enqueue('conn-a', [contact('c1', 'v2', { n: 2 })], false, 0);
    q.enqueue('conn-a', [contact('c1', 'v3', { n: 3 })], false, 0); // supersedes the queued v2
    expect(q.stats('conn-a')).toMatchObject({ queued: 1, leased: 1 });
    expect(q.claim('conn-a', 'w', 10, 1000, 0).jobs).toEqual([]); // v3 waits for v1 in flight
    q.complete([{ jobId: inFlight[0]!.jobId, outcome: 'ok' }], 1);
    expect(q.claim('conn-a', 'w', 10, 1000, 1).jobs.map((j) => j.version)).toEqual(['v3']);
  });

  it('backs off retryable failures, honours Retry-After, and dead-letters after the last attempt', () => {
    db = engineDb();
    const q = new JobQueue(db, { baseMs: 1000, maxMs: 60_000, maxAttempts: 3 }, noJitter);
    q.enqueue('conn-a', [contact('c1')], false, 0);
    let t = 0;
    let job = q.claim('conn-a', 'w', 1, 1000, t).jobs[0]!;
    q.complete([{ jobId: job.jobId, outcome: 'retryable', reason: '503', retryAfterMs: 30_000 }], t);
    expect(q.claim('conn-a', 'w', 1, 1000, t + 29_999).jobs).toEqual([]);
    t += 30_000;
    job = q.claim('conn-a', 'w', 1, 1000, t).jobs[0]!;
    expect(job.attempts).toBe(2);
    q.complete([{ jobId: job.jobId, outcome: 'retryable', reason: 'reset' }], t);
    t += 2_000; // attempt 2: 2 s with no jitter
    job = q.claim('conn-a', 'w', 1, 1000, t).jobs[0]!;
    q.complete([{ jobId: job.jobId, outcome: 'retryable', reason: 'still 503' }], t);
    expect(q.stats('conn-a')).toMatchObject({ queued: 0, dead: 1 });
    expect(q.deadLetters('conn-a')[0]!.reason).toMatch(/Gave up after 3 attempts. Last error: still 503/);
  });

  it('dead-letters permanent failures with the reason, and replays them with a fresh count', () => {
    db = engineDb();
    const q = new JobQueue(db);
    q.enqueue('conn-a', [contact('c1'), contact('c2')], false, 0);
    const jobs = q.claim('conn-a', 'w', 10, 1000, 0).jobs;
    q.complete(
      [
        { jobId: jobs[0]!.jobId, outcome: 'permanent', reason: 'email is not valid: "x@"' },
        { jobId: jobs[1]!.jobId, outcome: 'ok' },
      ],
      1,
    );
    expect(q.deadLetters('conn-a')).toEqual([
      { jobId: jobs[0]!.jobId, entityType: 'contact', entityId: 'c1', reason: 'email is not valid: "x@"' },
    ]);
    expect(q.replay({ connectionId: 'conn-a' }, 5)).toBe(1);
    const again = q.claim('conn-a', 'w', 10, 1000, 5).jobs;
    expect(again.map((j) => [j.entityId, j.attempts])).toEqual([['c1', 1]]);
  });

  it('reclaims jobs whose lease expired (a crash) and marks them in doubt', () => {
    db = engineDb();
    const q = new JobQueue(db);
    q.enqueue('conn-a', [order('o1', 'k')], false, 0);
    q.claim('conn-a', 'crashed-worker', 10, 1000, 0);
    expect(q.claim('conn-a', 'w2', 10, 1000, 999).jobs).toEqual([]);
    const after = q.claim('conn-a', 'w2', 10, 1000, 1000);
    expect(after.jobs).toHaveLength(1);
    expect(after.inDoubt.map((j) => j.entityId)).toEqual(['o1']);
  });

  it('gives jobs back without spending an attempt when the destination was unreachable', () => {
    db = engineDb();
    const q = new JobQueue(db);
    q.enqueue('conn-a', [contact('c1')], false, 0);
    const job = q.claim('conn-a', 'w', 1, 1000, 0).jobs[0]!;
    q.release([job.jobId], 5000, 0);
    expect(q.claim('conn-a', 'w', 1, 1000, 4999).jobs).toEqual([]);
    expect(q.claim('conn-a', 'w', 1, 1000, 5000).jobs[0]!.attempts).toBe(1);
  });

  it('holds submitted jobs until confirmed, blocking later versions meanwhile', () => {
    db = engineDb();
    const q = new JobQueue(db);
    q.enqueue('conn-a', [contact('c1')], false, 0);
    const job = q.claim('conn-a', 'w', 1, 1000, 0).jobs[0]!;
    q.complete([{ jobId: job.jobId, outcome: 'submitted', ref: 'import-7' }], 1);
    q.enqueue('conn-a', [contact('c1', 'v2', { changed: true })], false, 2);
    expect(q.claim('conn-a', 'w', 10, 1000, 2).jobs).toEqual([]);
    expect(q.submitted('conn-a', 10).map((j) => j.submissionRef)).toEqual(['import-7']);
    q.complete([{ jobId: job.jobId, outcome: 'ok' }], 3);
    expect(q.claim('conn-a', 'w', 10, 1000, 3).jobs.map((j) => j.version)).toEqual(['v2']);
  });

  it('keeps connections apart', () => {
    db = engineDb(['conn-a', 'conn-b']);
    const q = new JobQueue(db);
    q.enqueue('conn-a', [contact('c1')], false, 0);
    q.enqueue('conn-b', [contact('c1')], false, 0);
    expect(q.claim('conn-a', 'w', 10, 1000, 0).jobs).toHaveLength(1);
    expect(q.claim('conn-b', 'w', 10, 1000, 0).jobs).toHaveLength(1);
  });
});

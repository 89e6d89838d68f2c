// Runs in: vitest. Owns: the ledger's remote id and last payload travelling with a delete job.
import { afterEach, describe, expect, it } from 'vitest';
import { engineDb } from '../../../../test/support/engine-db.js';
import type { Db } from '../../storage/db.js';
import type { PlannedJob } from '../connector.js';
import { JobQueue } from './job-queue.js';

let db: Db;
afterEach(() => db?.close());

const job = (id: string, kind: PlannedJob['kind'], version: string, payload: unknown): PlannedJob => ({
  entityType: 'contact',
  entityId: id,
  version,
  kind,
  priority: 0,
  payload,
});

describe('delete jobs carry what the ledger knows', () => {
  it('fills previous from the last acknowledged upsert, and keeps it across a delivered delete', () => {
    db = engineDb();
    const q = new JobQueue(db);
    q.enqueue('conn-a', [job('c1', 'upsert', 'v1', { email: 'a@example.com' })], false, 0);
    const [up] = q.claim('conn-a', 'w', 10, 1000, 0).jobs;
    expect(up?.previous).toBeUndefined();
    q.complete([{ jobId: up!.jobId, outcome: 'ok', remoteId: 'r-42' }], 1);

    q.enqueue('conn-a', [job('c1', 'delete', 'v2', { id: 'c1' })], false, 2);
    const [del] = q.claim('conn-a', 'w', 10, 1000, 2).jobs;
    expect(del).toMatchObject({
      kind: 'delete',
      previous: { remoteId: 'r-42', payload: { email: 'a@example.com' } },
    });
    q.complete([{ jobId: del!.jobId, outcome: 'ok' }], 3);

    // Replaying the delete (say the platform lost it) still knows the record.
    q.enqueue('conn-a', [job('c1', 'delete', 'v3', { id: 'c1', again: true })], false, 4);
    const [again] = q.claim('conn-a', 'w', 10, 1000, 4).jobs;
    expect(again?.previous).toEqual({ remoteId: 'r-42', payload: { email: 'a@example.com' } });
  });

  it('leaves previous out for a delete of a record never delivered here', () => {
    db = engineDb();
    const q = new JobQueue(db);
    q.enqueue('conn-a', [job('c9', 'delete', 'v1', { id: 'c9' })], false, 0);
    const [del] = q.claim('conn-a', 'w', 10, 1000, 0).jobs;
    expect(del?.kind).toBe('delete');
    expect(del?.previous).toBeUndefined();
  });
});

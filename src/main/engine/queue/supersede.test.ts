// Runs in: vitest. Owns: a corrected record replacing its dead letter, while a dead event stays for replay.
import { afterEach, describe, expect, it } from 'vitest';
import { engineDb } from '../../../../test/support/engine-db.js';
import type { Db } from '../../storage/db.js';
import type { PlannedJob } from '../connector.js';
import { JobQueue } from './job-queue.js';

let db: Db;
afterEach(() => db?.close());

const job = (kind: PlannedJob['kind'], version: string, payload: unknown): PlannedJob => ({
  entityType: kind === 'event' ? 'order' : 'contact',
  entityId: '7',
  version,
  kind,
  priority: 0,
  payload,
});

describe('dead letters and newer versions', () => {
  it('a newer upsert replaces the dead one; a dead event is kept', () => {
    db = engineDb();
    const q = new JobQueue(db);
    q.enqueue('conn-a', [job('upsert', 'v1', { email: 'bad' }), job('event', 'e1', { total: 1 })], false, 0);
    const claimed = q.claim('conn-a', 'w', 10, 1000, 0).jobs;
    q.complete(
      claimed.map((j) => ({ jobId: j.jobId, outcome: 'permanent' as const, reason: 'invalid email' })),
      1,
    );
    expect(q.stats('conn-a').dead).toBe(2);

    q.enqueue(
      'conn-a',
      [job('upsert', 'v2', { email: 'good@example.com' }), job('event', 'e2', {})],
      false,
      2,
    );
    expect(q.deadLetters('conn-a').map((d) => d.entityType)).toEqual(['order']);
    const next = q.claim('conn-a', 'w', 10, 1000, 2).jobs;
    expect(next.map((j) => j.version).sort()).toEqual(['e2', 'v2']);
  });
});

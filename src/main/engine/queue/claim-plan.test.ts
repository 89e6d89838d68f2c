// Runs in: vitest (Node). Owns: the guard that a claim walks the partial index jobs_claim in delivery order
// (a dropped status term once made every claim sort the whole queue: ~0.5 s each at 500,000 queued).
import { afterEach, expect, it } from 'vitest';
import type { Db } from '../../storage/db.js';
import { engineDb } from '../../../../test/support/engine-db.js';
import type { PlannedJob } from '../connector.js';
import { CLAIM_SQL, JobQueue } from './job-queue.js';

let db: Db;
afterEach(() => db?.close());

it('uses jobs_claim and needs no sort, and still claims in delivery order', () => {
  db = engineDb();
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${CLAIM_SQL}`).all({ conn: 'c', now: 0, limit: 100 }) as Array<{
    detail: string;
  }>;
  const details = plan.map((p) => p.detail);
  expect(details.find((d) => /^SEARCH j /.test(d))).toMatch(/USING INDEX jobs_claim/);
  expect(details.some((d) => d.includes('TEMP B-TREE FOR ORDER BY'))).toBe(false);

  const q = new JobQueue(db);
  const job = (id: string, priority: 0 | 1): PlannedJob => ({
    entityType: priority ? 'order' : 'contact',
    entityId: id,
    version: 'v1',
    kind: 'upsert',
    priority,
    payload: { id },
  });
  q.enqueue('conn-a', [job('o1', 1), job('a', 0), job('o2', 1), job('b', 0)], false, 0);
  expect(q.claim('conn-a', 'w', 3, 1000, 0).jobs.map((j) => j.entityId)).toEqual(['a', 'b', 'o1']);
});

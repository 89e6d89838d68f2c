// Runs in: main (Electron-free). Owns: queue and delivery figures per connection for the bundle: jobs by
// status, dead letters with their reasons, the age of the oldest queued job, deliveries acknowledged.
import { JobQueue } from '../engine/queue/job-queue.js';
import type { Db } from '../storage/db.js';
import { maskText, type SanitizeOptions } from './scrub.js';
import { tableNames } from './workspace-data.js';

export interface ConnectionQueueStats {
  connectionId: string;
  name: string;
  jobs: { queued: number; leased: number; submitted: number; dead: number };
  oldestQueuedAgeMs: number | null;
  nextRunAt: string | null;
  deliveries: { count: number; lastAt: string | null };
  lastRun: Record<string, unknown> | null;
  deadLetters: Array<{ jobId: number; entityType: string; entityId: string; reason: string }>;
}

export function queueStats(
  db: Db,
  now: number,
  opts: SanitizeOptions,
  deadLimit = 50,
): ConnectionQueueStats[] {
  const tables = new Set(tableNames(db));
  if (!tables.has('connections') || !tables.has('jobs')) return [];
  const queue = new JobQueue(db);
  const conns = db.prepare('SELECT id, name FROM connections ORDER BY rowid').all() as Array<{
    id: string;
    name: string;
  }>;
  return conns.map((c) => {
    const { nextRunAt, ...jobs } = queue.stats(c.id);
    const oldest = db
      .prepare(`SELECT min(created_at) AS t FROM jobs WHERE connection_id = ? AND status = 'queued'`)
      .get(c.id) as { t: number | null };
    const delivered = tables.has('deliveries')
      ? (db
          .prepare('SELECT count(*) AS n, max(delivered_at) AS t FROM deliveries WHERE connection_id = ?')
          .get(c.id) as { n: number; t: number | null })
      : { n: 0, t: null };
    const progress = tables.has('connection_progress')
      ? (db.prepare('SELECT * FROM connection_progress WHERE connection_id = ?').get(c.id) as
          Record<string, unknown> | undefined)
      : undefined;
    return {
      connectionId: c.id,
      name: c.name,
      jobs,
      oldestQueuedAgeMs: oldest.t === null ? null : Math.max(0, now - oldest.t),
      nextRunAt: iso(nextRunAt),
      deliveries: { count: delivered.n, lastAt: iso(delivered.t) },
      lastRun: progress ? textMasked(progress, opts) : null,
      // Platforms echo the rejected record in their errors, e-mail addresses included.
      deadLetters: queue
        .deadLetters(c.id, deadLimit)
        .map((d) => ({ ...d, reason: opts.maskPii ? maskText(d.reason ?? '') : (d.reason ?? '') })),
    };
  });
}

function iso(t: number | null): string | null {
  return t === null ? null : new Date(t).toISOString();
}

function textMasked(row: Record<string, unknown>, opts: SanitizeOptions): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && opts.maskPii ? maskText(v) : v]),
  );
}

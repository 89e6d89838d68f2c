// Runs in: main (Electron-free). Owns: the durable job queue: enqueue with idempotency keys and content
// hashes, lease-based claiming in contact order, completion written with the deliveries ledger in one
// transaction, backoff, dead letters and replay.
import { createHash } from 'node:crypto';
import type { Db } from '../../storage/db.js';
import { defaultBackoff, retryDelayMs, type BackoffPolicy } from '../backoff.js';
import type { DeliveryJob, JobResult, PlannedJob } from '../connector.js';
import { type JobRow, toDeliveryJob, withPrevious } from './rows.js';

export interface EnqueueOutcome {
  queued: number;
  /** Same payload as the platform already acknowledged: nothing to send. */
  unchanged: number;
  /** The same (entity, version) is already queued. */
  duplicate: number;
}

export interface ClaimedJobs {
  jobs: DeliveryJob[];
  /** Jobs whose earlier lease expired (a crash or a hang mid-send): they may already have arrived. */
  inDoubt: DeliveryJob[];
}

/** A rate-limited job with no wait named (the drain normally fills in its limiter's estimate). */
const DEFAULT_RATE_WAIT_MS = 1_000;

/** The wall clock going back by less than this is jitter (and rebasing for it would only churn rows). */
export const CLOCK_BACK_TOLERANCE_MS = 2_000;

export function payloadHash(payload: unknown): string {
  return createHash('sha256').update(JSON.stringify(payload)).digest('base64url');
}

/**
 * The candidates of a claim. The bare `status IN ('queued', 'leased')` term is what lets SQLite use the partial
 * index jobs_claim (migration 10): without it a claim sorts every queued job (~0.5 s at 500,000 queued).
 */
export const CLAIM_SQL = `SELECT j.id, j.status FROM jobs j
  WHERE j.connection_id = @conn AND j.status IN ('queued', 'leased')
    AND ((j.status = 'queued' AND j.run_after <= @now) OR (j.status = 'leased' AND j.lease_expires <= @now))
    AND NOT EXISTS (
      SELECT 1 FROM jobs e WHERE e.connection_id = j.connection_id AND e.entity_type = j.entity_type
        AND e.entity_id = j.entity_id AND e.id < j.id AND e.status IN ('queued', 'leased', 'submitted'))
    AND (j.contact_key IS NULL OR NOT EXISTS (
      SELECT 1 FROM jobs c WHERE c.connection_id = j.connection_id AND c.contact_key = j.contact_key
        AND c.priority < j.priority AND c.status IN ('queued', 'leased', 'submitted')))
  ORDER BY j.priority, j.id
  LIMIT @limit`;

export class JobQueue {
  /** The latest wall time this queue has been given; a `now` well below it means the clock went back. */
  private highWater: number | undefined;

  constructor(
    private readonly db: Db,
    private readonly backoff: BackoffPolicy = defaultBackoff,
    private readonly random: () => number = Math.random,
  ) {}

  /** All of `planned` in one transaction: either every job is queued or none is. */
  enqueue(connectionId: string, planned: PlannedJob[], historical: boolean, now: number): EnqueueOutcome {
    const out: EnqueueOutcome = { queued: 0, unchanged: 0, duplicate: 0 };
    const delivered = this.db.prepare(
      'SELECT payload_hash FROM deliveries WHERE connection_id = ? AND entity_type = ? AND entity_id = ?',
    );
    // A newer version of an upsert makes a queued older one pointless, and replaces a dead letter (the store
    // fixed what the platform refused; the event log keeps the refusal). In-flight ones are left alone.
    const supersede = this.db.prepare(
      `DELETE FROM jobs WHERE connection_id = ? AND entity_type = ? AND entity_id = ?
         AND status IN ('queued', 'dead') AND kind != 'event' AND version != ?`,
    );
    const insert = this.db.prepare(
      `INSERT INTO jobs (connection_id, entity_type, entity_id, version, kind, contact_key, priority, payload,
         payload_hash, historical, status, attempts, run_after, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)
       ON CONFLICT (connection_id, entity_type, entity_id, version) DO NOTHING`,
    );
    this.db.transaction(() => {
      for (const p of planned) {
        const hash = payloadHash(p.payload);
        const prev = delivered.get(connectionId, p.entityType, p.entityId) as
          { payload_hash: string } | undefined;
        if (prev && (p.kind === 'event' || prev.payload_hash === hash)) {
          out.unchanged++;
          continue;
        }
        if (p.kind !== 'event') supersede.run(connectionId, p.entityType, p.entityId, p.version);
        const r = insert.run(
          connectionId,
          p.entityType,
          p.entityId,
          p.version,
          p.kind,
          p.contactKey ?? null,
          p.priority,
          JSON.stringify(p.payload),
          hash,
          historical ? 1 : 0,
          now,
          now,
          now,
        );
        if (r.changes === 1) out.queued++;
        else out.duplicate++;
      }
    })();
    return out;
  }

  /**
   * Leases up to `limit` ready jobs of one connection. A job waits while an earlier job of the same entity
   * is unfinished, or while a lower-priority job of the same contact (the contact itself) is not yet done,
   * so a platform never sees an order before its customer, nor two versions of a record out of order.
   */
  claim(connectionId: string, owner: string, limit: number, leaseMs: number, now: number): ClaimedJobs {
    this.followClock(now);
    return this.db.transaction((): ClaimedJobs => {
      const candidates = this.db.prepare(CLAIM_SQL).all({ conn: connectionId, now, limit }) as Array<{
        id: number;
        status: string;
      }>;
      if (candidates.length === 0) return { jobs: [], inDoubt: [] };
      const expired = new Set(candidates.filter((c) => c.status === 'leased').map((c) => c.id));
      const rows = this.db
        .prepare(
          `UPDATE jobs SET status = 'leased', lease_owner = ?, lease_expires = ?, attempts = attempts + 1, updated_at = ?
           WHERE id IN (SELECT value FROM json_each(?)) RETURNING *`,
        )
        .all(owner, now + leaseMs, now, JSON.stringify(candidates.map((c) => c.id))) as JobRow[];
      rows.sort((a, b) => a.priority - b.priority || a.id - b.id);
      const jobs = rows.map((r) => withPrevious(this.db, r, toDeliveryJob(r)));
      return { jobs, inDoubt: jobs.filter((j) => expired.has(j.jobId)) };
    })();
  }

  /**
   * Run-afters and leases are absolute wall times. When the clock is set back, a job written at `updated_at`
   * (now in the future) would wait its delay plus the whole jump: shift it back so it waits at most its
   * original delay (run_after − updated_at) from now. Long Retry-After waits keep their full length.
   * Called by `claim`; cheap unless the clock went back (the high-water mark survives restarts via the rows).
   */
  followClock(now: number): number {
    this.highWater ??=
      (
        this.db
          .prepare(`SELECT max(updated_at) AS t FROM jobs WHERE status IN ('queued', 'leased')`)
          .get() as {
          t: number | null;
        }
      ).t ?? now;
    if (now >= this.highWater - CLOCK_BACK_TOLERANCE_MS) {
      this.highWater = Math.max(this.highWater, now);
      return 0;
    }
    this.highWater = now;
    return this.db
      .prepare(
        `UPDATE jobs SET run_after = run_after - (updated_at - @now),
           lease_expires = CASE WHEN status = 'leased' THEN lease_expires - (updated_at - @now) ELSE lease_expires END,
           updated_at = @now
         WHERE status IN ('queued', 'leased') AND updated_at > @now`,
      )
      .run({ now }).changes;
  }

  /**
   * Records what the platform said, one transaction for the whole batch: acknowledged jobs leave the queue
   * and enter the deliveries ledger together, so a crash can never record one without the other.
   */
  complete(
    results: JobResult[],
    now: number,
  ): { ok: number; retry: number; rateLimited: number; dead: number; submitted: number } {
    const counts = { ok: 0, retry: 0, rateLimited: 0, dead: 0, submitted: 0 };
    const get = this.db.prepare('SELECT * FROM jobs WHERE id = ?');
    const ledger = this.db.prepare(
      `INSERT INTO deliveries (connection_id, entity_type, entity_id, version, payload_hash, remote_id, delivered_at,
         payload)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (connection_id, entity_type, entity_id) DO UPDATE SET version = excluded.version,
         payload_hash = excluded.payload_hash, remote_id = COALESCE(excluded.remote_id, deliveries.remote_id),
         delivered_at = excluded.delivered_at, payload = COALESCE(excluded.payload, deliveries.payload)`,
    );
    const remove = this.db.prepare('DELETE FROM jobs WHERE id = ?');
    const retry = this.db.prepare(
      `UPDATE jobs SET status = 'queued', run_after = ?, last_error = ?, lease_owner = NULL, lease_expires = NULL,
         updated_at = ? WHERE id = ?`,
    );
    // The claim counted an attempt the platform never let happen: give it back (a submitted job being
    // confirmed was not claimed, so it keeps its count). No backoff growth and no dead letter.
    const rateLimited = this.db.prepare(
      `UPDATE jobs SET attempts = CASE WHEN status = 'leased' THEN MAX(0, attempts - 1) ELSE attempts END,
         status = 'queued', run_after = ?, last_error = ?, lease_owner = NULL, lease_expires = NULL, updated_at = ?
       WHERE id = ?`,
    );
    const dead = this.db.prepare(
      `UPDATE jobs SET status = 'dead', last_error = ?, lease_owner = NULL, lease_expires = NULL, updated_at = ?
       WHERE id = ?`,
    );
    // A submitted job's run_after is its not-before: the platform cannot do (nor confirm) it earlier.
    const submitted = this.db.prepare(
      `UPDATE jobs SET status = 'submitted', submission_ref = ?, run_after = ?, lease_owner = NULL,
         lease_expires = NULL, updated_at = ? WHERE id = ?`,
    );
    this.db.transaction(() => {
      for (const r of results) {
        const row = get.get(r.jobId) as (JobRow & { payload_hash: string }) | undefined;
        if (!row) continue; // purged meanwhile (e.g. its connection was removed)
        switch (r.outcome) {
          case 'ok':
            ledger.run(
              row.connection_id,
              row.entity_type,
              row.entity_id,
              row.version,
              row.payload_hash,
              r.remoteId ?? null,
              now,
              // A delete keeps the last real payload, so a replayed delete still knows what it removes.
              row.kind === 'delete' ? null : row.payload,
            );
            remove.run(row.id);
            counts.ok++;
            break;
          case 'submitted':
            submitted.run(r.ref, r.notBefore ?? now, now, row.id);
            counts.submitted++;
            break;
          case 'retryable':
            if (row.attempts >= this.backoff.maxAttempts) {
              dead.run(`Gave up after ${row.attempts} attempts. Last error: ${r.reason}`, now, row.id);
              counts.dead++;
            } else {
              retry.run(
                now + retryDelayMs(row.attempts, this.backoff, r.retryAfterMs, this.random),
                r.reason,
                now,
                row.id,
              );
              counts.retry++;
            }
            break;
          case 'rateLimited':
            rateLimited.run(now + Math.max(0, r.retryAfterMs ?? DEFAULT_RATE_WAIT_MS), r.reason, now, row.id);
            counts.rateLimited++;
            break;
          case 'permanent':
            dead.run(r.reason, now, row.id);
            counts.dead++;
            break;
        }
      }
    })();
    return counts;
  }

  /** Gives leased jobs back without counting the attempt: the destination was unreachable, not the record wrong. */
  release(jobIds: number[], runAfter: number, now: number): void {
    this.db
      .prepare(
        `UPDATE jobs SET status = 'queued', attempts = MAX(0, attempts - 1), run_after = ?, lease_owner = NULL,
           lease_expires = NULL, updated_at = ? WHERE id IN (SELECT value FROM json_each(?)) AND status = 'leased'`,
      )
      .run(runAfter, now, JSON.stringify(jobIds));
  }

  /**
   * Jobs the platform accepted asynchronously, for the connector to confirm; page on with `afterId`. With
   * `dueAt`, only those whose not-before has come (nobody can confirm the others yet).
   */
  submitted(
    connectionId: string,
    limit: number,
    afterId = 0,
    dueAt = Number.MAX_SAFE_INTEGER,
  ): DeliveryJob[] {
    return (
      this.db
        .prepare(
          `SELECT * FROM jobs WHERE connection_id = ? AND status = 'submitted' AND id > ? AND run_after <= ?
           ORDER BY id LIMIT ?`,
        )
        .all(connectionId, afterId, dueAt, limit) as JobRow[]
    ).map(toDeliveryJob);
  }

  /**
   * Submitted jobs the platform cannot take before some time later than `after` (their not-before), and the
   * earliest such time. Rows from before not-befores existed hold an old run_after, so they are never deferred.
   */
  deferred(connectionId: string, after: number): { count: number; until: number | null } {
    const r = this.db
      .prepare(
        `SELECT count(*) AS n, min(run_after) AS t FROM jobs
         WHERE connection_id = ? AND status = 'submitted' AND run_after > ?`,
      )
      .get(connectionId, after) as { n: number; t: number | null };
    return { count: r.n, until: r.t };
  }

  /** Dead letters back to the queue (all of a connection, or the given ids), with a fresh attempt count. */
  replay(filter: { connectionId?: string; jobIds?: number[]; entityType?: string }, now: number): number {
    const where = ["status = 'dead'"];
    const args: unknown[] = [];
    if (filter.connectionId) {
      where.push('connection_id = ?');
      args.push(filter.connectionId);
    }
    if (filter.entityType) {
      where.push('entity_type = ?');
      args.push(filter.entityType);
    }
    if (filter.jobIds) {
      where.push('id IN (SELECT value FROM json_each(?))');
      args.push(JSON.stringify(filter.jobIds));
    }
    return this.db
      .prepare(
        `UPDATE jobs SET status = 'queued', attempts = 0, run_after = ?, last_error = NULL, updated_at = ?
         WHERE ${where.join(' AND ')}`,
      )
      .run(now, now, ...args).changes;
  }

  purgeDead(connectionId?: string): number {
    return connectionId
      ? this.db.prepare(`DELETE FROM jobs WHERE status = 'dead' AND connection_id = ?`).run(connectionId)
          .changes
      : this.db.prepare(`DELETE FROM jobs WHERE status = 'dead'`).run().changes;
  }

  /** Queue depth by status, and when the next queued job becomes due. */
  stats(connectionId: string): {
    queued: number;
    leased: number;
    submitted: number;
    dead: number;
    nextRunAt: number | null;
  } {
    const counts = { queued: 0, leased: 0, submitted: 0, dead: 0 };
    for (const r of this.db
      .prepare('SELECT status, count(*) AS n FROM jobs WHERE connection_id = ? GROUP BY status')
      .all(connectionId) as Array<{ status: keyof typeof counts; n: number }>) {
      counts[r.status] = r.n;
    }
    const next = this.db
      .prepare(`SELECT min(run_after) AS t FROM jobs WHERE connection_id = ? AND status = 'queued'`)
      .get(connectionId) as { t: number | null };
    return { ...counts, nextRunAt: next.t };
  }

  deadLetters(
    connectionId: string,
    limit = 100,
  ): Array<{ jobId: number; entityType: string; entityId: string; reason: string }> {
    return (
      this.db
        .prepare(
          `SELECT id, entity_type, entity_id, last_error FROM jobs WHERE connection_id = ? AND status = 'dead'
           ORDER BY id LIMIT ?`,
        )
        .all(connectionId, limit) as Array<{
        id: number;
        entity_type: string;
        entity_id: string;
        last_error: string;
      }>
    ).map((r) => ({ jobId: r.id, entityType: r.entity_type, entityId: r.entity_id, reason: r.last_error }));
  }
}

// Runs in: main (Electron-free). Owns: delivering one connection's queue: claim a batch, settle jobs left in
// doubt by a crash, pace to the platform's scope, deliver, record results and events, wait out rate limits;
// stop when the queue is empty, the destination is unreachable (breaker open) or the run is cancelled.
import type { Clock } from '../../core/clock.js';
import type { EventLog, NewEvent } from '../../events/event-log.js';
import type { CircuitBreaker } from '../circuit-breaker.js';
import {
  DestinationUnreachable,
  type Connector,
  type ConnectorContext,
  type DeliveryJob,
  type JobResult,
} from '../connector.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { TokenBucket } from '../rate-limiter.js';

export interface ConnectionRuntime {
  connectionId: string;
  storeId: string;
  connector: Connector<unknown, unknown>;
  ctx: ConnectorContext<unknown, unknown>;
  bucket: TokenBucket;
  breaker: CircuitBreaker;
}

export interface DrainDeps {
  queue: JobQueue;
  events: Pick<EventLog, 'append'>;
  clock: Clock;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Identifies this process's leases; a restarted process uses a new one. */
  owner: string;
  leaseMs: number;
  /**
   * How long the platform may refuse every record for its rate limit, with nothing getting through, before
   * this drain gives up (state `budget`; the jobs stay queued, no attempt spent). Default 10 minutes.
   */
  rateLimitBudgetMs?: number;
}

export interface DrainOutcome {
  state: 'drained' | 'offline' | 'cancelled' | 'budget';
  delivered: number;
  /** Jobs put back to try again, rate-limited ones included. */
  retried: number;
  /** Of `retried`: refused for the rate limit, waiting without spending an attempt. */
  rateLimited: number;
  dead: number;
  submitted: number;
  batches: number;
}

export async function drainConnection(
  rt: ConnectionRuntime,
  deps: DrainDeps,
  signal: AbortSignal,
  maxBatches = Number.POSITIVE_INFINITY,
): Promise<DrainOutcome> {
  const out: DrainOutcome = {
    state: 'drained',
    delivered: 0,
    retried: 0,
    rateLimited: 0,
    dead: 0,
    submitted: 0,
    batches: 0,
  };
  const base = { connectionId: rt.connectionId, storeId: rt.storeId, platform: rt.connector.platform };
  const log = (...e: NewEvent[]) => deps.events.append(...e.map((x) => ({ ...base, ...x })));
  const hold = new RateHold(rt.bucket, deps.clock.now());
  let earlyWakes = 0;

  await confirmSubmitted(rt, deps, log, out, hold);
  while (out.batches < maxBatches) {
    if (signal.aborted) return { ...out, state: 'cancelled' };
    // Jobs this drain held for a rate limit are due when the hold ends: wait for it before claiming, so they
    // go next, in their order, instead of the drain ending while they wait for the next run.
    const held = hold.until - deps.clock.now();
    if (held > 0) await deps.sleep(held, signal);
    if (signal.aborted) return { ...out, state: 'cancelled' };
    if (!rt.breaker.allow()) return { ...out, state: 'offline' };
    const { jobs, inDoubt } = deps.queue.claim(
      rt.connectionId,
      deps.owner,
      rt.connector.batchSize,
      deps.leaseMs,
      deps.clock.now(),
    );
    if (jobs.length === 0) {
      // A timer that fired a moment early: the held jobs are due in a moment (bounded, should sleep not wait).
      if (hold.until > deps.clock.now() && earlyWakes++ < 3) continue;
      break;
    }
    earlyWakes = 0;
    out.batches++;

    let toSend = jobs;
    if (inDoubt.length > 0 && rt.connector.resolveInDoubt) {
      const verdicts = await rt.connector.resolveInDoubt(inDoubt, rt.ctx);
      const arrived = inDoubt.filter((j) => verdicts.get(j.jobId) === 'delivered');
      if (arrived.length > 0) {
        deps.queue.complete(
          arrived.map((j) => ({ jobId: j.jobId, outcome: 'ok' as const })),
          deps.clock.now(),
        );
        log({
          level: 'info',
          type: 'delivery.recovered',
          message: `${arrived.length} record(s) in flight during a crash had already arrived; not sent again`,
        });
        out.delivered += arrived.length;
      }
      const done = new Set(arrived.map((j) => j.jobId));
      toSend = jobs.filter((j) => !done.has(j.jobId));
      if (toSend.length === 0) continue;
    }

    await deps.sleep(rt.bucket.reserve(), signal);
    let results: JobResult[];
    try {
      results = await rt.connector.deliver(toSend, rt.ctx);
      rt.breaker.reachable();
    } catch (err) {
      if (err instanceof DestinationUnreachable) {
        rt.breaker.unreachable();
        const probe = rt.breaker.status().nextProbeAt ?? deps.clock.now() + (err.retryAfterMs ?? 5_000);
        deps.queue.release(
          toSend.map((j) => j.jobId),
          probe,
          deps.clock.now(),
        );
        log({
          level: 'warn',
          type: 'connection.unreachable',
          message: `${rt.connector.label} could not be reached: ${err.message}. ${toSend.length} record(s) stay queued.`,
        });
        if (rt.breaker.status().state !== 'closed') return { ...out, state: 'offline' };
        continue;
      }
      // A connector that throws anything else has a bug or met an answer it did not expect: retry, visibly.
      const reason = `Unexpected error from the ${rt.connector.label} connector: ${err instanceof Error ? err.message : String(err)}`;
      results = toSend.map((j) => ({ jobId: j.jobId, outcome: 'retryable', reason }));
    }
    const now = deps.clock.now();
    results = hold.apply(coverEveryJob(toSend, results, rt.connector.label), now);
    const pause = Math.max(0, ...results.map((r) => (r.outcome === 'retryable' ? (r.retryAfterMs ?? 0) : 0)));
    if (pause > 0) rt.bucket.pause(pause);
    const counts = deps.queue.complete(results, now);
    out.delivered += counts.ok;
    out.retried += counts.retry + counts.rateLimited;
    out.rateLimited += counts.rateLimited;
    out.dead += counts.dead;
    out.submitted += counts.submitted;
    log(...describe(toSend, results, rt.connector.label));
    if (hold.stalledFor(now) > (deps.rateLimitBudgetMs ?? DEFAULT_RATE_LIMIT_BUDGET_MS)) {
      log({
        level: 'warn',
        type: 'connection.rate_limited',
        message: `${rt.connector.label} refused every record for its rate limit for ${Math.round(hold.stalledFor(now) / 1000)} s; the rest stays queued for the next run.`,
      });
      return { ...out, state: 'budget' };
    }
  }
  return out;
}

const DEFAULT_RATE_LIMIT_BUDGET_MS = 10 * 60_000;

/**
 * One drain's view of rate-limit refusals. A refused batch throttles the scope's limiter (every connection
 * in the scope waits, not just this batch) and its jobs wait exactly as long as the limiter does.
 */
class RateHold {
  /** When the jobs this drain held for a rate limit are due again (epoch ms). */
  until = 0;
  private lastProgress: number;

  constructor(
    private readonly bucket: TokenBucket,
    start: number,
  ) {
    this.lastProgress = start;
  }

  apply(results: JobResult[], now: number): JobResult[] {
    const limited = results.filter((r) => r.outcome === 'rateLimited');
    if (limited.length < results.length) this.lastProgress = now;
    if (limited.length === 0) return results;
    const asked = limited.flatMap((r) => (r.retryAfterMs !== undefined ? [r.retryAfterMs] : []));
    const wait = this.bucket.throttle(asked.length > 0 ? Math.max(...asked) : undefined);
    this.until = Math.max(this.until, now + wait);
    return results.map((r) => (r.outcome === 'rateLimited' ? { ...r, retryAfterMs: wait } : r));
  }

  /** How long only rate-limit refusals have come back. */
  stalledFor(now: number): number {
    return now - this.lastProgress;
  }
}

/**
 * Asks the platform about every submitted job, a page at a time. Each page is split by record type and the
 * groups are confirmed concurrently, so one slow kind (a large import still processing) never holds back the
 * others. A confirm that throws leaves its jobs submitted for the next drain: an unreachable platform trips
 * the breaker, any other error is logged; neither stops delivery.
 */
async function confirmSubmitted(
  rt: ConnectionRuntime,
  deps: DrainDeps,
  log: (...e: NewEvent[]) => unknown,
  out: DrainOutcome,
  hold: RateHold,
): Promise<void> {
  const confirm = rt.connector.confirm?.bind(rt.connector);
  if (!confirm) return;
  let afterId = 0;
  for (;;) {
    // Peek, never take the breaker's single probe: delivery below needs it when the destination is back.
    if (rt.breaker.blocked()) return;
    const page = deps.queue.submitted(rt.connectionId, rt.connector.batchSize, afterId);
    if (page.length === 0) return;
    afterId = page[page.length - 1]!.jobId;
    const groups = new Map<string, DeliveryJob[]>();
    for (const j of page) groups.set(j.entityType, [...(groups.get(j.entityType) ?? []), j]);
    await Promise.all(
      [...groups.values()].map(async (group) => {
        let answered: JobResult[];
        try {
          answered = await confirm(group, rt.ctx);
          rt.breaker.reachable();
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          if (err instanceof DestinationUnreachable) rt.breaker.unreachable();
          log({
            level: 'warn',
            type:
              err instanceof DestinationUnreachable ? 'connection.unreachable' : 'delivery.confirm_failed',
            message: `${rt.connector.label} could not confirm ${group.length} submitted ${group[0]!.entityType} record(s): ${message}. They stay submitted and are asked about again.`,
          });
          return;
        }
        const ids = new Set(group.map((j) => j.jobId));
        const now = deps.clock.now();
        const results = hold.apply(
          answered.filter((r) => r.outcome !== 'submitted' && ids.has(r.jobId)),
          now,
        );
        if (results.length === 0) return;
        const counts = deps.queue.complete(results, now);
        out.delivered += counts.ok;
        out.retried += counts.retry + counts.rateLimited;
        out.rateLimited += counts.rateLimited;
        out.dead += counts.dead;
        log(...describe(group, results, rt.connector.label));
      }),
    );
    if (page.length < rt.connector.batchSize) return;
  }
}

/** A job the connector forgot to answer for is retried, never silently dropped. */
function coverEveryJob(jobs: DeliveryJob[], results: JobResult[], label: string): JobResult[] {
  const answered = new Set(results.map((r) => r.jobId));
  const missing = jobs.filter((j) => !answered.has(j.jobId));
  return [
    ...results.filter((r) => jobs.some((j) => j.jobId === r.jobId)),
    ...missing.map((j): JobResult => ({
      jobId: j.jobId,
      outcome: 'retryable',
      reason: `${label} gave no result for this record`,
    })),
  ];
}

/** One event per batch, plus one per record that failed, was retried or dead-lettered. */
function describe(jobs: DeliveryJob[], results: JobResult[], label: string): NewEvent[] {
  const byId = new Map(jobs.map((j) => [j.jobId, j]));
  const ok = results.filter((r) => r.outcome === 'ok').length;
  const events: NewEvent[] = [
    {
      level: ok === results.length ? 'info' : 'warn',
      type: 'delivery.batch',
      message: `${label}: ${ok} of ${results.length} record(s) accepted`,
      payload: { counts: countBy(results) },
    },
  ];
  for (const r of results) {
    const job = byId.get(r.jobId);
    if (!job || r.outcome === 'ok') continue;
    const record = { recordType: job.entityType, recordId: job.entityId };
    if (r.outcome === 'permanent')
      events.push({
        level: 'error',
        type: 'delivery.dead',
        message: `${label} rejected ${job.entityType} ${job.entityId}: ${r.reason}`,
        ...record,
        payload: job.payload,
      });
    else if (r.outcome === 'rateLimited')
      events.push({
        level: 'warn',
        type: 'delivery.retry',
        message: `${label} held ${job.entityType} ${job.entityId} for its rate limit, ${r.retryAfterMs ?? 0} ms (no attempt spent): ${r.reason}`,
        ...record,
      });
    else if (r.outcome === 'retryable')
      events.push({
        level: 'warn',
        type: 'delivery.retry',
        message: `${label} did not take ${job.entityType} ${job.entityId} (attempt ${job.attempts}): ${r.reason}`,
        ...record,
      });
    else
      events.push({
        level: 'info',
        type: 'delivery.submitted',
        message: `${label} accepted ${job.entityType} ${job.entityId} for processing (${r.ref})`,
        ...record,
      });
  }
  return events;
}

function countBy(results: JobResult[]): Record<string, number> {
  const c: Record<string, number> = {};
  for (const r of results) c[r.outcome] = (c[r.outcome] ?? 0) + 1;
  return c;
}

// Runs in: main (Electron-free). Owns: delivering one connection's queue: claim a batch, settle jobs left in
// doubt by a crash, pace to the platform's scope, deliver, record results and events, wait out rate limits;
// stop when the queue is empty, the destination is unreachable (breaker open) or the run is cancelled; then,
// when asked to, wait for the platform to confirm what it accepted asynchronously.
import type { Clock } from '../../core/clock.js';
import type { EventLog, NewEvent } from '../../events/event-log.js';
import type { CircuitBreaker } from '../circuit-breaker.js';
import {
  DestinationUnreachable,
  type Connector,
  type ConnectorContext,
  type JobResult,
} from '../connector.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { TokenBucket } from '../rate-limiter.js';
import { awaitConfirmation, type ConfirmWait } from './await-confirmation.js';
import { confirmSubmitted } from './confirm.js';
import { type DeferredFigures, deferredFigures } from './deferred.js';
import { coverEveryJob, describe } from './describe.js';
import { RateHold } from './rate-hold.js';

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
  /**
   * When set, a drain that emptied its queue keeps asking the platform about its submitted jobs (paced, backing
   * off) until they are confirmed or the bound passes, instead of leaving them for the next run.
   */
  confirmWait?: ConfirmWait;
}

export interface DrainOutcome extends Partial<DeferredFigures> {
  state: 'drained' | 'offline' | 'cancelled' | 'budget';
  delivered: number;
  /** Jobs put back to try again, rate-limited ones included. */
  retried: number;
  /** Of `retried`: refused for the rate limit, waiting without spending an attempt. */
  rateLimited: number;
  dead: number;
  /** Accepted by the platform for processing during this drain (confirmed later). */
  submitted: number;
  /**
   * Submitted jobs of this connection the platform had not yet confirmed when the drain ended; those it can
   * only take later (a not-before) are `deferred` instead.
   */
  awaitingConfirmation: number;
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
    awaitingConfirmation: 0,
    batches: 0,
  };
  const base = { connectionId: rt.connectionId, storeId: rt.storeId, platform: rt.connector.platform };
  const log = (...e: NewEvent[]) => deps.events.append(...e.map((x) => ({ ...base, ...x })));
  const hold = new RateHold(rt.bucket, deps.clock.now());
  let state: DrainOutcome['state'];
  for (;;) {
    ({ state } = await deliverQueued(rt, deps, signal, maxBatches, log, out, hold));
    if (state !== 'drained' || !deps.confirmWait) break;
    // Each wait is bounded; another follows only after confirmations freed queued work and it was delivered
    // (a contact's orders wait for the contact), so the number of waits is bounded too.
    const waited = await awaitConfirmation(rt, deps, deps.confirmWait, signal, log, out, hold);
    if (waited === 'cancelled' || waited === 'offline') state = waited;
    if (waited !== 'more') break;
  }
  // Counted from the queue, so jobs submitted by an earlier run and still unconfirmed are reported too.
  if (!rt.connector.confirm) return { ...out, state, awaitingConfirmation: 0 };
  const later = deferredFigures(rt.connector, deps.queue, rt.connectionId, deps.clock.now());
  const awaiting = deps.queue.stats(rt.connectionId).submitted - (later?.deferred ?? 0);
  return { ...out, state, awaitingConfirmation: awaiting, ...later };
}

async function deliverQueued(
  rt: ConnectionRuntime,
  deps: DrainDeps,
  signal: AbortSignal,
  maxBatches: number,
  log: (...e: NewEvent[]) => unknown,
  out: DrainOutcome,
  hold: RateHold,
): Promise<DrainOutcome> {
  let earlyWakes = 0;
  await confirmSubmitted(rt, deps, log, out, hold, { signal });
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

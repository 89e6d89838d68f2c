// Runs in: main (Electron-free). Owns: one sync of one connection, start to end: extract its store (once,
// shared with the store's other connections), plan its staged records into its queue, deliver. A connection's
// sync never overlaps itself, and a store is never extracted twice at once.
import { threadId } from 'node:worker_threads';
import type { Clock } from '../core/clock.js';
import { AppError } from '../core/errors.js';
import type { EventLog, NewEvent } from '../events/event-log.js';
import type { Db } from '../storage/db.js';
import { storageProblem } from '../storage/errors.js';
import { CircuitBreaker } from './circuit-breaker.js';
import type { Connector, ConnectorContext, StagedRecord, StagedResource } from './connector.js';
import type { ConfirmWait } from './deliver/await-confirmation.js';
import { drainConnection, type DrainOutcome } from './deliver/drain.js';
import { ProgressMeter } from './estimate.js';
import { fanOut, type FanOutResult } from './pipeline/fan-out.js';
import type { Scope } from './pipeline/scope.js';
import type { JobQueue } from './queue/job-queue.js';
import type { RateLimiters } from './rate-limiter.js';
import { summarise } from './run-summary.js';

export interface EngineConnection {
  id: string;
  storeId: string;
  accountId: string;
  accountName: string;
  platform: string;
  name: string;
  scope: Scope;
  settings: unknown;
}

/** What the engine needs from a store: bring its staging up to date (historical or incremental). */
export interface StoreSource {
  refresh(
    storeId: string,
    o: { historical: boolean; from?: string; to?: string; resources?: StagedResource[]; signal: AbortSignal },
  ): Promise<{ staged: number }>;
}

export interface SyncEngineDeps {
  db: Db;
  queue: JobQueue;
  events: Pick<EventLog, 'append'>;
  clock: Clock;
  limiters: RateLimiters;
  source: StoreSource;
  connection(id: string): EngineConnection;
  connector(platform: string): Connector<unknown, unknown>;
  credentials(accountId: string): Promise<unknown>;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  owner: string;
  leaseMs?: number;
  /** Staged records no connection may plan (erased people). */
  exclude?: (record: StagedRecord) => boolean;
  /** How long and how often a sync with `awaitConfirmation` asks about submitted jobs (defaults: 3 min, 1 s…30 s). */
  confirmWait?: Omit<ConfirmWait, 'onAwaiting'>;
}

export interface SyncOptions {
  historical?: boolean;
  from?: string;
  to?: string;
  resources?: StagedResource[];
  /**
   * Keep asking the platform about the jobs it accepted asynchronously until it confirms them (bounded by
   * `confirmWait`), so the summary counts them delivered. For syncs a user started and watches; scheduled
   * runs leave them to the next run.
   */
  awaitConfirmation?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: SyncProgress) => void;
}

export interface SyncProgress {
  connectionId: string;
  phase: 'extract' | 'plan' | 'deliver' | 'done';
  staged?: number;
  planned?: number;
  delivered?: number;
  /** While delivering: jobs still waiting in this connection's queue. */
  remaining?: number;
  /** While delivering: records per second, smoothed. */
  rate?: number;
  /** While delivering: seconds left at `rate`. */
  etaSeconds?: number;
  /** While waiting for the platform (`platformLabel`) to confirm what it accepted: how many it has not yet. */
  awaitingConfirmation?: number;
  platformLabel?: string;
}

/** What hosts, handlers and the scheduler use of an engine: this class, or its proxy in the engine worker. */
export interface EngineApi {
  sync(connectionId: string, o?: SyncOptions): Promise<SyncSummary>;
  cancel(connectionId: string): boolean;
  isRunning(connectionId: string): boolean;
  destinationState(connectionId: string): 'online' | 'offline' | 'probing';
}

export interface SyncSummary {
  connectionId: string;
  /** The destination platform as people know it ("dotdigital", "ActiveCampaign"). */
  platformLabel: string;
  extracted: number;
  plan: FanOutResult;
  delivery: DrainOutcome;
  startedAt: number;
  finishedAt: number;
}

export class SyncEngine implements EngineApi {
  private readonly running = new Map<string, Promise<SyncSummary>>();
  private readonly cancels = new Map<string, AbortController>();
  private readonly extracting = new Map<string, Promise<{ staged: number }>>();
  private readonly breakers = new Map<string, CircuitBreaker>();
  /** The rate-limit scope each connection delivered through last, to report its destination's state. */
  private readonly scopeOf = new Map<string, string>();

  constructor(private readonly d: SyncEngineDeps) {}

  /** Starts a sync, or joins the one already running for this connection. */
  sync(connectionId: string, o: SyncOptions = {}): Promise<SyncSummary> {
    const existing = this.running.get(connectionId);
    if (existing) return existing;
    // Each run owns an abort controller, so `cancel()` can stop it whoever started it.
    const controller = new AbortController();
    const outer = o.signal;
    if (outer) outer.addEventListener('abort', () => controller.abort(), { once: true });
    this.cancels.set(connectionId, controller);
    const run = this.run(connectionId, { ...o, signal: controller.signal }).finally(() => {
      this.running.delete(connectionId);
      this.cancels.delete(connectionId);
    });
    this.running.set(connectionId, run);
    return run;
  }

  /** Stops a running sync after the batch in flight is recorded; what is queued stays queued (resumable). */
  cancel(connectionId: string): boolean {
    const c = this.cancels.get(connectionId);
    c?.abort();
    return c !== undefined;
  }

  isRunning(connectionId: string): boolean {
    return this.running.has(connectionId);
  }

  /** Online until a delivery found the destination unreachable; probing while its breaker is half-open. */
  destinationState(connectionId: string): 'online' | 'offline' | 'probing' {
    const key = this.scopeOf.get(connectionId);
    const state = key ? this.breakers.get(key)?.status().state : undefined;
    return state === 'open' ? 'offline' : state === 'half-open' ? 'probing' : 'online';
  }

  breakerFor(scopeKey: string): CircuitBreaker {
    let b = this.breakers.get(scopeKey);
    if (!b) this.breakers.set(scopeKey, (b = new CircuitBreaker(this.d.clock)));
    return b;
  }

  private async run(connectionId: string, o: SyncOptions): Promise<SyncSummary> {
    const { d } = this;
    const conn = d.connection(connectionId);
    const connector = d.connector(conn.platform);
    const signal = o.signal ?? new AbortController().signal;
    const startedAt = d.clock.now();
    const base = { connectionId, storeId: conn.storeId, platform: conn.platform };
    const progress = (p: Omit<SyncProgress, 'connectionId'>) => o.onProgress?.({ connectionId, ...p });
    d.db
      .prepare('UPDATE connection_progress SET last_run_started = ? WHERE connection_id = ?')
      .run(startedAt, connectionId);
    d.events.append({
      ...base,
      level: 'info',
      type: 'sync.started',
      message: `${o.historical ? 'Historical sync' : 'Sync'} of "${conn.name}" started`,
      // Which thread ran it: the engine worker's, in the hosts (0 is a process's main thread).
      payload: { historical: o.historical ?? false, thread: threadId },
    });
    try {
      progress({ phase: 'extract' });
      const { staged } = await this.extractOnce(conn.storeId, {
        historical: o.historical ?? false,
        ...pick(o),
        signal,
      });
      progress({ phase: 'plan', staged });
      const plan = fanOut(
        d.db,
        d.queue,
        {
          connectionId,
          storeId: conn.storeId,
          scope: conn.scope,
          settings: conn.settings,
          connector,
          events: d.events,
          ...(d.exclude ? { exclude: d.exclude } : {}),
        },
        {
          historical: o.historical ?? false,
          ...pick(o),
          now: d.clock.now(),
          signal,
        },
      );
      const live = this.liveDelivery(connectionId, connector.label, (f) =>
        progress({ phase: 'deliver', staged, planned: plan.queued, ...f }),
      );
      const credentials = await d.credentials(conn.accountId);
      const limit = connector.rateLimit(credentials, conn.accountId);
      this.scopeOf.set(connectionId, limit.scopeKey);
      const ctx: ConnectorContext<unknown, unknown> = {
        credentials,
        settings: conn.settings,
        account: { id: conn.accountId, name: conn.accountName },
        clock: d.clock,
        logger: { log: () => undefined },
        signal,
      };
      const delivery = await drainConnection(
        {
          connectionId,
          storeId: conn.storeId,
          connector,
          ctx,
          bucket: d.limiters.for(limit),
          breaker: this.breakerFor(limit.scopeKey),
        },
        {
          queue: d.queue,
          events: live.events,
          clock: d.clock,
          sleep: d.sleep,
          owner: d.owner,
          leaseMs: d.leaseMs ?? 120_000,
          ...(o.awaitConfirmation ? { confirmWait: { ...d.confirmWait, onAwaiting: live.awaiting } } : {}),
        },
        signal,
      );
      const finishedAt = d.clock.now();
      d.db
        .prepare(
          'UPDATE connection_progress SET last_run_finished = ?, last_ok = ?, last_error = NULL WHERE connection_id = ?',
        )
        .run(finishedAt, delivery.state === 'drained' ? finishedAt : null, connectionId);
      d.events.append({
        ...base,
        level: delivery.dead > 0 || delivery.state === 'offline' ? 'warn' : 'info',
        type: 'sync.finished',
        message: summarise(conn.name, connector.label, staged, plan, delivery),
        payload: { staged, plan, delivery },
      });
      progress({ phase: 'done', staged, planned: plan.queued, delivered: delivery.delivered });
      return {
        connectionId,
        platformLabel: connector.label,
        extracted: staged,
        plan,
        delivery,
        startedAt,
        finishedAt,
      };
    } catch (err) {
      if (signal.aborted) {
        d.db
          .prepare('UPDATE connection_progress SET last_run_finished = ? WHERE connection_id = ?')
          .run(d.clock.now(), connectionId);
        d.events.append({
          ...base,
          level: 'info',
          type: 'sync.cancelled',
          message: `Sync of "${conn.name}" cancelled; the next sync resumes where it stopped`,
        });
        throw new AppError(
          'cancelled',
          `Sync of "${conn.name}" was cancelled; the next sync resumes where it stopped.`,
        );
      }
      const message = storageProblem(err) ?? (err instanceof Error ? err.message : String(err));
      d.db
        .prepare(
          'UPDATE connection_progress SET last_run_finished = ?, last_error = ? WHERE connection_id = ?',
        )
        .run(d.clock.now(), message, connectionId);
      d.events.append({
        ...base,
        level: 'error',
        type: 'sync.failed',
        message: `Sync of "${conn.name}" failed: ${message}`,
      });
      throw err instanceof AppError
        ? err
        : new AppError('upstream', `Sync of "${conn.name}" failed: ${message}`, {
            retryable: true,
            cause: err,
          });
    }
  }

  /**
   * Progress while delivering, from the batch events the drain appends (one per batch, with its counts):
   * delivered so far, what is left in the queue, and a smoothed rate and ETA (ProgressMeter).
   */
  private liveDelivery(
    connectionId: string,
    platformLabel: string,
    report: (f: DeliveryFigures) => void,
  ): { events: Pick<EventLog, 'append'>; awaiting: (count: number) => void } {
    const { d } = this;
    const q = d.queue.stats(connectionId);
    const meter = new ProgressMeter(q.queued + q.leased, d.clock);
    let delivered = 0;
    let settled = 0;
    let last = meter.figures(0);
    let awaiting: Pick<SyncProgress, 'awaitingConfirmation' | 'platformLabel'> = {};
    const emit = (f: ReturnType<ProgressMeter['figures']>) => {
      last = f;
      report({
        delivered,
        remaining: f.remaining,
        rate: f.rate,
        ...(f.etaSeconds !== undefined ? { etaSeconds: f.etaSeconds } : {}),
        ...awaiting,
      });
    };
    emit(last);
    return {
      awaiting: (count) => {
        awaiting = { awaitingConfirmation: count, platformLabel };
        emit(last);
      },
      events: {
        append: (...events: NewEvent[]) => {
          const logged = d.events.append(...events);
          for (const e of events) {
            if (e.type !== 'delivery.batch') continue;
            const counts = (e.payload as { counts?: Record<string, number> } | undefined)?.counts ?? {};
            delivered += counts.ok ?? 0;
            // Retried jobs stay queued; everything else has left the queue for good. A confirmation settles
            // nothing new: its jobs were counted when the platform accepted them.
            const confirmed = (e.payload as { confirmed?: boolean } | undefined)?.confirmed === true;
            if (!confirmed) settled += (counts.ok ?? 0) + (counts.permanent ?? 0) + (counts.submitted ?? 0);
            const f = meter.sample(settled);
            if (f) emit(f);
          }
          return logged;
        },
      },
    };
  }

  /** Concurrent syncs of one store's connections share one extraction. */
  private extractOnce(
    storeId: string,
    o: Parameters<StoreSource['refresh']>[1],
  ): Promise<{ staged: number }> {
    const existing = this.extracting.get(storeId);
    if (existing) return existing;
    const run = this.d.source.refresh(storeId, o).finally(() => this.extracting.delete(storeId));
    this.extracting.set(storeId, run);
    return run;
  }
}

function pick(o: SyncOptions): { from?: string; to?: string; resources?: StagedResource[] } {
  return {
    ...(o.from ? { from: o.from } : {}),
    ...(o.to ? { to: o.to } : {}),
    ...(o.resources ? { resources: o.resources } : {}),
  };
}

type DeliveryFigures = Pick<
  SyncProgress,
  'delivered' | 'remaining' | 'rate' | 'etaSeconds' | 'awaitingConfirmation' | 'platformLabel'
>;

// Runs in: main and the engine worker (Electron-free). Owns: the estimate shown before a historical sync (records,
// API calls on each side, how long the slower side's rate limit makes it take) and the live rate and ETA during it.
import type { BigCommerceClient } from '../bigcommerce/client.js';
import { historicalFilter } from '../extract/extractor.js';
import { extractResources, resourceSpecs, type ExtractResource } from '../extract/resources.js';
import type { Connector } from './connector.js';
import type { RateLimit } from './rate-limiter.js';

export interface SyncEstimate {
  /** Records per resource the historical read would bring, for the resources asked (all when none named). */
  records: Partial<Record<ExtractResource, number>>;
  bigcommerceCalls: number;
  platformCalls: number;
  /** The seconds each side's rate limit implies; the slower one binds. */
  bigcommerceSeconds: number;
  platformSeconds: number;
  etaSeconds: number;
  binding: 'bigcommerce' | 'platform';
  /** How the figures were reached, in words, so the user can judge them. */
  basis: string;
}

/** What the historical sync will be asked for: the same resources and created-date range as `sync:start`. */
export interface EstimateInput {
  resources?: readonly string[];
  from?: string;
  to?: string;
}

const PAGE = 250;

/**
 * Counts with one cheap call per resource, filtered exactly as the historical read will be (limit=1 v3 pages
 * carry the total; v2 has /orders/count). Carts are not read historically, so they count for nothing.
 */
export async function estimateHistorical(
  client: BigCommerceClient,
  connector: Connector<unknown, unknown>,
  limit: RateLimit,
  o: EstimateInput & { share?: number; signal?: AbortSignal } = {},
): Promise<SyncEstimate> {
  const range = { ...(o.from ? { createdFrom: o.from } : {}), ...(o.to ? { createdTo: o.to } : {}) };
  const count = async (resource: ExtractResource): Promise<number> => {
    const filter = historicalFilter(resource, range);
    const { api, path, query } = resourceSpecs[resource].ids;
    if (api === 'v2') return client.orderCount({ ...query, ...filter }, o.signal);
    const page = (await client.getJson(path, { ...query, ...filter, limit: 1 }, o.signal)) as {
      meta?: { pagination?: { total?: number } };
    };
    return page.meta?.pagination?.total ?? 0;
  };
  const records: SyncEstimate['records'] = {};
  for (const r of extractResources.filter((r) => !o.resources || o.resources.includes(r)))
    records[r] = await count(r);
  const bigcommerceCalls = Object.values(records).reduce((n, r) => n + Math.max(1, Math.ceil(r / PAGE)), 0);
  const snap = client.transport.budget.snapshot();
  const quota = snap.quota ?? 150;
  const windowMs = snap.windowMs ?? 30_000;
  const share = o.share ?? 0.8;
  const bcPerSecond = (quota * share) / (windowMs / 1000);
  const all = Object.values(records).reduce((a, b) => a + b, 0);
  const platformCalls = Math.ceil(all / Math.max(1, connector.batchSize));
  const bigcommerceSeconds = bigcommerceCalls / bcPerSecond;
  const platformSeconds = platformCalls / limit.perSecond;
  const binding = platformSeconds > bigcommerceSeconds ? 'platform' : 'bigcommerce';
  return {
    records,
    bigcommerceCalls,
    platformCalls,
    bigcommerceSeconds: round(bigcommerceSeconds),
    platformSeconds: round(platformSeconds),
    etaSeconds: round(Math.max(bigcommerceSeconds, platformSeconds)),
    binding,
    basis:
      counted(o) +
      `BigCommerce: ${quota} calls per ${windowMs / 1000} s, ${Math.round(share * 100)}% of it for Storebridge, ${PAGE} records per call; ` +
      `${connector.label}: ${limit.perSecond} calls/s, up to ${connector.batchSize} records per call (connectors that send one record per request take longer).`,
  };
}

/** Says a range was applied, so an estimate for a range is not read as one for everything. */
function counted(o: EstimateInput): string {
  return o.from || o.to ? 'Only records created in the chosen date range are counted. ' : '';
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Where a historical sync's delivery stands: counts, a smoothed rate and the time left at that rate. */
export interface ProgressFigures {
  done: number;
  remaining: number;
  /** Records per second, smoothed (exponentially weighted over `halfLifeMs`). */
  rate: number;
  /** Seconds left at `rate`; absent until there is a rate to divide by. */
  etaSeconds?: number;
}

/**
 * Turns "N records settled so far" samples into figures worth showing. A batch lands every few hundred
 * milliseconds and rate limits make batches bursty, so the raw rate jumps; an exponentially weighted average
 * whose weight follows elapsed time (not sample count) keeps the ETA steady, and samples closer together than
 * `minIntervalMs` are not reported at all (a progress event per batch would flood the renderer).
 */
export class ProgressMeter {
  private readonly startedAt: number;
  private last: { at: number; done: number };
  private smoothed: number | undefined;

  constructor(
    private readonly total: number,
    private readonly clock: { now(): number },
    private readonly o: { halfLifeMs: number; minIntervalMs: number } = {
      halfLifeMs: 5_000,
      minIntervalMs: 250,
    },
  ) {
    this.startedAt = clock.now();
    this.last = { at: this.startedAt, done: 0 };
  }

  /** Records `done` so far; returns figures when at least `minIntervalMs` passed since the last report. */
  sample(done: number): ProgressFigures | undefined {
    const now = this.clock.now();
    const dt = now - this.last.at;
    if (dt <= 0 || dt < this.o.minIntervalMs) return undefined;
    const instant = ((done - this.last.done) / dt) * 1000;
    const weight = 1 - Math.pow(2, -dt / this.o.halfLifeMs);
    this.smoothed =
      this.smoothed === undefined ? instant : this.smoothed + weight * (instant - this.smoothed);
    this.last = { at: now, done };
    return this.figures(done);
  }

  /** The figures now, whether or not a report is due (the last one of a run). */
  figures(done: number): ProgressFigures {
    const remaining = Math.max(0, this.total - done);
    const elapsed = this.clock.now() - this.startedAt;
    const rate = this.smoothed ?? (elapsed > 0 ? (done / elapsed) * 1000 : 0);
    return {
      done,
      remaining,
      rate: round(rate),
      ...(rate > 0 ? { etaSeconds: round(remaining / rate) } : remaining === 0 ? { etaSeconds: 0 } : {}),
    };
  }
}

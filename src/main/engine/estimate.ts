// Runs in: main (Electron-free). Owns: the estimate shown before a historical sync: how many records, how many
// API calls on each side, and how long the slower side's rate limit makes it take.
import type { BigCommerceClient } from '../bigcommerce/client.js';
import type { Connector } from './connector.js';
import type { RateLimit } from './rate-limiter.js';

export interface SyncEstimate {
  records: Record<'customers' | 'subscribers' | 'orders' | 'products', number>;
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

const PAGE = 250;

/** Counts with one cheap call per resource (limit=1 pages carry the total; v2 has /orders/count). */
export async function estimateHistorical(
  client: BigCommerceClient,
  connector: Connector<unknown, unknown>,
  limit: RateLimit,
  o: { share?: number; signal?: AbortSignal } = {},
): Promise<SyncEstimate> {
  const total = async (path: string) =>
    ((await client.getJson(path, { limit: 1 }, o.signal)) as { meta?: { pagination?: { total?: number } } })
      .meta?.pagination?.total ?? 0;
  const records = {
    customers: await total('/v3/customers'),
    subscribers: await total('/v3/customers/subscribers'),
    orders: await client.orderCount({}, o.signal),
    products: await total('/v3/catalog/products'),
  };
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
      `BigCommerce: ${quota} calls per ${windowMs / 1000} s, ${Math.round(share * 100)}% of it for Storebridge, ${PAGE} records per call; ` +
      `${connector.label}: ${limit.perSecond} calls/s, up to ${connector.batchSize} records per call (connectors that send one record per request take longer).`,
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

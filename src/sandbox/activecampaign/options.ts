// Runs in: Node (simulators). Owns: the ActiveCampaign simulator's options and their defaults.

export interface AcAccount {
  /** The account name, as in `https://<name>.api-us1.com`; also the path prefix `/<name>/api/3`. */
  name: string;
  /** One API key per user; every key of an account shares the account's rate limit. */
  apiKeys: string[];
}

export interface AcSimOptions {
  port?: number;
  /** Accounts the simulator knows; the first one also answers on the bare `/api/3` prefix. */
  accounts?: AcAccount[];
  /** Requests per window per account (documented: 5 per second, no burst). */
  rateLimit?: number;
  rateWindowMs?: number;
  /** Bulk import limits (documented: 20/min for single-contact requests, 100/min for multi-contact). */
  bulkSingleLimit?: number;
  bulkMultiLimit?: number;
  bulkWindowMs?: number;
  /** `auto`: a bulk import completes `jobDelayMs` after it was queued; `manual`: only via /__sim/jobs. */
  jobs?: 'auto' | 'manual';
  jobDelayMs?: number;
  /** The account time zone offset used in every date the API returns (examples in the docs use -05:00). */
  utcOffsetMinutes?: number;
  now?: () => number;
}

export type ResolvedOptions = Required<Omit<AcSimOptions, 'port'>> & { port: number };

export const DEFAULT_ACCOUNTS: AcAccount[] = [
  { name: 'storebridge-demo', apiKeys: ['ac-demo-key-1', 'ac-demo-key-2'] },
];

export function resolveOptions(o: AcSimOptions): ResolvedOptions {
  const accounts = o.accounts ?? DEFAULT_ACCOUNTS;
  if (accounts.length === 0) throw new Error('ActiveCampaign simulator: give at least one account');
  return {
    port: o.port ?? 0,
    accounts,
    rateLimit: o.rateLimit ?? 5,
    rateWindowMs: o.rateWindowMs ?? 1_000,
    bulkSingleLimit: o.bulkSingleLimit ?? 20,
    bulkMultiLimit: o.bulkMultiLimit ?? 100,
    bulkWindowMs: o.bulkWindowMs ?? 60_000,
    jobs: o.jobs ?? 'auto',
    jobDelayMs: o.jobDelayMs ?? 0,
    utcOffsetMinutes: o.utcOffsetMinutes ?? -300,
    now: o.now ?? Date.now,
  };
}

// Runs in: Node (simulators). Owns: the SALESmanago simulator's options, their defaults, and the account
// credentials it accepts (returned to tests and the demo workspace).

/** The documented v2 servers; an account is bound to one of them (a custom name is allowed too). */
export const knownServers = ['www', 'app1', 'app2', 'app3'] as const;

export interface AccountOption {
  clientId: string;
  /** Only ever sent hashed: `sha = sha1(apiKey + clientId + apiSecret)`. */
  apiSecret: string;
  /** Account users (e-mails); `owner` in a v2 body must be one of them. The first is the main owner. */
  owners: string[];
  /** The server shown in Integration Center → API (`www`, `app2`, `app3` or a custom name). */
  server: string;
  /** Keys accepted in the v3 `API-KEY` header. */
  v3ApiKeys: string[];
  /** An inactive account answers "Not authenticated" to everything. */
  active?: boolean;
}

export interface RateLimitOption {
  /** Requests per window per account (v2 and v3 together). Not documented by the vendor: an assumption. */
  limit: number;
  windowMs: number;
}

export interface SalesmanagoSimOptions {
  port?: number;
  accounts?: AccountOption[];
  /** `false` turns the limiter off. */
  rateLimit?: RateLimitOption | false;
  /** Reject v2 bodies whose `requestTime` is older than this (not documented, so off by default). */
  maxRequestAgeMs?: number;
  /** `upsertDetails` per batchupsert(v2) call (undocumented; third-party clients chunk at 1000). */
  maxBatchContacts?: number;
  /** `events` per batchAddContactExtEvent call (undocumented). */
  maxBatchEvents?: number;
  /** Products per v3 product call (a third-party client chunks at 100). */
  maxBatchProducts?: number;
  /** State of a contact created without forceOptIn/forceOptOut (account default; undocumented). */
  newContactsOptedOut?: boolean;
  /** An event for an unknown e-mail: rejected, or the contact is created first. */
  unknownContactEvents?: 'reject' | 'create';
  /** `async:true` requests are applied this long after they arrive; null = only via /__sim/jobs. */
  asyncDelayMs?: number | null;
  maxBodyBytes?: number;
  now?: () => number;
}

export interface ResolvedOptions {
  accounts: AccountOption[];
  rateLimit: RateLimitOption | false;
  maxRequestAgeMs: number | undefined;
  maxBatchContacts: number;
  maxBatchEvents: number;
  maxBatchProducts: number;
  newContactsOptedOut: boolean;
  unknownContactEvents: 'reject' | 'create';
  asyncDelayMs: number | null;
  now: () => number;
}

export const defaultAccount: AccountOption = {
  clientId: 'sbx7k2m9q4',
  apiSecret: 'sandbox-secret-8f3b1c2d9e',
  owners: ['owner@storebridge.test', 'marketing@storebridge.test'],
  server: 'app3',
  v3ApiKeys: ['sbx-v3-key-5c1e7a9d'],
  active: true,
};

export function resolveOptions(o: SalesmanagoSimOptions): ResolvedOptions {
  const accounts = (o.accounts ?? [defaultAccount]).map((a) => ({ ...a, active: a.active ?? true }));
  if (accounts.length === 0) throw new Error('SALESmanago simulator: give at least one account');
  const ids = new Set(accounts.map((a) => a.clientId));
  if (ids.size !== accounts.length) throw new Error('SALESmanago simulator: clientIds must be unique');
  for (const a of accounts) {
    if (a.owners.length === 0) throw new Error(`SALESmanago simulator: account ${a.clientId} needs an owner`);
  }
  return {
    accounts,
    rateLimit: o.rateLimit ?? { limit: 1000, windowMs: 60_000 },
    maxRequestAgeMs: o.maxRequestAgeMs,
    maxBatchContacts: o.maxBatchContacts ?? 1000,
    maxBatchEvents: o.maxBatchEvents ?? 1000,
    maxBatchProducts: o.maxBatchProducts ?? 100,
    newContactsOptedOut: o.newContactsOptedOut ?? true,
    unknownContactEvents: o.unknownContactEvents ?? 'reject',
    asyncDelayMs: o.asyncDelayMs === undefined ? 0 : o.asyncDelayMs,
    now: o.now ?? Date.now,
  };
}

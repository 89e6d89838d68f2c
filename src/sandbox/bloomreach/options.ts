// Runs in: Node (simulators). Owns: the Bloomreach simulator's options, their defaults and the
// credentials it accepts.

/** Permission names follow the API-group permissions in Bloomreach's docs; `*` grants everything. */
export type Permission =
  | '*'
  | 'customers.set'
  | `events.set:${string}`
  | `events.get:${string}`
  | 'customers.get'
  | 'gdpr.anonymize'
  | 'gdpr.export'
  | 'catalogs';

export interface PrivateKey {
  keyId: string;
  secret: string;
  permissions?: Permission[];
}

export interface PublicToken {
  token: string;
  permissions?: Permission[];
}

export interface IdType {
  name: string;
  kind: 'hard' | 'soft';
  /** Project-level "Lowercase" transformation; trimming is always on. */
  lowercase?: boolean;
}

export interface ConsentCategory {
  id: string;
  name: string;
  legitimateInterest?: boolean;
}

export interface CatalogFieldOption {
  name: string;
  type?: string;
  searchable?: boolean;
}

export interface BloomreachSimOptions {
  port?: number;
  projectToken?: string;
  privateKeys?: PrivateKey[];
  publicTokens?: PublicToken[];
  idTypes?: IdType[];
  /** Customer properties flagged Private (PII) in the Data manager: removed by anonymisation. */
  piiProperties?: string[];
  consentCategories?: ConsentCategory[];
  /** Requests allowed per client IP per window (Bloomreach: 6,000 per minute). */
  rateLimit?: { limit: number; windowMs: number };
  /** Bloomreach queues writes: > 0 delays applying them so reads lag writes. */
  writeDelayMs?: number;
  /** How long an anonymize_bulk job stays pending before it finishes by itself; undefined = until /__sim/. */
  jobDelayMs?: number;
  /** The per-route pages say single-command errors are HTTP 200 + success=false; the error guide says 4xx. */
  commandErrorStatus?: 200 | 400;
  /** What a batch with more than 50 commands gets (undocumented). */
  overLimitBatch?: 'reject' | 'fail-extra';
  /** Secret-rotation grace period (Bloomreach: 24 h). */
  rotationGraceMs?: number;
  now?: () => number;
}

export interface ResolvedOptions {
  port: number;
  projectToken: string;
  privateKeys: PrivateKey[];
  publicTokens: PublicToken[];
  idTypes: IdType[];
  piiProperties: string[];
  consentCategories: ConsentCategory[];
  rateLimit: { limit: number; windowMs: number };
  writeDelayMs: number;
  jobDelayMs: number | undefined;
  commandErrorStatus: 200 | 400;
  overLimitBatch: 'reject' | 'fail-extra';
  rotationGraceMs: number;
  now: () => number;
}

export const DEFAULT_PROJECT_TOKEN = '8f3c2a10-5b7e-11ee-9d2c-0242ac120002';

export function resolveOptions(o: BloomreachSimOptions): ResolvedOptions {
  return {
    port: o.port ?? 0,
    projectToken: o.projectToken ?? DEFAULT_PROJECT_TOKEN,
    privateKeys: (o.privateKeys ?? [{ keyId: 'sim-key-id', secret: 'sim-key-secret' }]).map((k) => ({
      ...k,
    })),
    publicTokens: o.publicTokens ?? [
      { token: 'sim-public-token', permissions: ['customers.set', 'events.set:*'] },
    ],
    idTypes: o.idTypes ?? [
      { name: 'email_id', kind: 'hard' },
      { name: 'customer_id', kind: 'hard' },
      { name: 'registered', kind: 'hard' },
      { name: 'cookie', kind: 'soft' },
      { name: 'subscriber_id', kind: 'soft' },
      { name: 'cart_id', kind: 'soft' },
    ],
    piiProperties: o.piiProperties ?? [
      'email',
      'first_name',
      'last_name',
      'phone',
      'birth_date',
      'company',
      'address',
      'city',
    ],
    consentCategories: o.consentCategories ?? [
      { id: 'newsletter', name: 'Newsletter' },
      { id: 'sms', name: 'SMS' },
      { id: 'other', name: 'Other' },
    ],
    rateLimit: o.rateLimit ?? { limit: 6_000, windowMs: 60_000 },
    writeDelayMs: o.writeDelayMs ?? 0,
    jobDelayMs: o.jobDelayMs,
    commandErrorStatus: o.commandErrorStatus ?? 200,
    overLimitBatch: o.overLimitBatch ?? 'reject',
    rotationGraceMs: o.rotationGraceMs ?? 24 * 3600_000,
    now: o.now ?? Date.now,
  };
}

/** Documented limits. */
export const LIMITS = {
  batchCommands: 50,
  messageBytes: 800 * 1024,
  valueBytes: 16 * 1024,
  softIdsPerType: 64,
  anonymizeBulk: 1000,
  catalogWindow: 1001,
} as const;

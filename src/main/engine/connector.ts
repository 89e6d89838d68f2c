// Runs in: main (Electron-free). Owns: what a destination is to the engine. A connector declares what it can
// do and implements exactly that: no capability is stubbed.
import type { z } from 'zod';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { transformSchema } from '../mapping/transforms/spec.js';
import type { RateLimit } from './rate-limiter.js';

export const capabilities = [
  'contacts',
  'subscribers',
  'orders',
  'products',
  'carts',
  'optOutPull',
  'erase',
  'storefrontScript',
  'asyncConfirmation',
] as const;
export type Capability = (typeof capabilities)[number];

/** Resources change detection stages, one row per record version. */
export type StagedResource = 'customers' | 'subscribers' | 'orders' | 'products' | 'carts';

export interface StagedRecord {
  storeId: string;
  resource: StagedResource;
  id: string;
  /** ISO time the store last modified it; with `id`, the record version. */
  dateModified: string;
  /** The record as the BigCommerce client normalised it, or undefined when `deleted`. */
  data: unknown;
  deleted: boolean;
  /** True during a historical sync: platforms that can tell must not fire automations for these. */
  historical: boolean;
}

/**
 * A job a connector plans from a staged record. `(entityType, entityId, version)` is the idempotency key.
 * Upserts (`kind: 'upsert'`) replace what the platform holds; events (`kind: 'event'`) are appended, so
 * the deliveries ledger is what keeps them from arriving twice.
 */
export interface PlannedJob {
  entityType: string;
  entityId: string;
  version: string;
  kind: 'upsert' | 'event' | 'delete';
  /** Jobs with the same contact key go in priority order: the contact (0) before its orders and events (1). */
  contactKey?: string;
  priority: 0 | 1 | 2;
  payload: unknown;
}

export interface DeliveryJob extends PlannedJob {
  jobId: number;
  attempts: number;
  historical: boolean;
  /** Set when the platform accepted it asynchronously (submitted, awaiting confirmation). */
  submissionRef?: string;
  /**
   * For `kind: 'delete'`: what the deliveries ledger holds for this entity (the platform's id and the last
   * payload it acknowledged), since the store no longer has the record to look it up by. Absent when the
   * entity was never delivered to this connection.
   */
  previous?: { remoteId?: string; payload?: unknown };
}

export type JobResult =
  | { jobId: number; outcome: 'ok'; remoteId?: string }
  | { jobId: number; outcome: 'retryable'; reason: string; retryAfterMs?: number }
  /**
   * The platform refused for its rate limit and wrote nothing of this job: it waits `retryAfterMs` (or the
   * limiter's own estimate), spends no attempt, never backs off exponentially and never dead-letters, and the
   * whole scope's limiter pauses. Only for a refusal that wrote nothing: a job that may have partly landed is
   * `retryable`, because connectors read `attempts > 1` as "look up what arrived before sending again".
   */
  | { jobId: number; outcome: 'rateLimited'; reason: string; retryAfterMs?: number }
  | { jobId: number; outcome: 'permanent'; reason: string }
  /**
   * Accepted for processing, confirmed later. `notBefore` (epoch ms): the platform cannot do, so nobody can
   * confirm, this job before then (e.g. an hourly allowance is spent). A watched sync does not wait for it;
   * `confirm()` may answer `submitted` again with a new `notBefore`.
   */
  | { jobId: number; outcome: 'submitted'; ref: string; notBefore?: number };

/** Thrown by `deliver` when the destination could not be reached at all: the breaker opens, nobody is blamed. */
export class DestinationUnreachable extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DestinationUnreachable';
  }
}

export interface VerifyCheck {
  id: string;
  label: string;
  ok: boolean;
  detail: string;
  /** What the user should do when `ok` is false. */
  fix?: string;
}

export interface RemoteField {
  key: string;
  label: string;
  type: 'text' | 'number' | 'date' | 'boolean' | 'list';
  custom: boolean;
}

export interface ConnectorContext<C, S> {
  credentials: C;
  settings: S;
  account: { id: string; name: string };
  clock: Clock;
  logger: Logger;
  signal: AbortSignal;
}

export type PlanContext<S> = {
  settings: S;
  connectionId: string;
  storeId: string;
  /**
   * The record through the connection's field mapping (saved, else the connector's defaults), keyed by the
   * platform's field keys; absent for resources no mapping reads. Connectors merge it into what they send.
   */
  mapped?: MappedValues;
};

/** A mapped record: values by platform field key, and what the mapping left out (already reported). */
export interface MappedValues {
  payload: Record<string, string | number | boolean | string[] | null | undefined>;
  issues: ReadonlyArray<{ target: string; message: string }>;
  /**
   * 'defaults' when no mapping is saved: the connector's own default rows, which a connector that already
   * sends those fields itself (typed, and only those the account has) may leave to its own code.
   */
  from: 'saved' | 'defaults';
  /** When the saved mapping was saved (ISO), for platforms that keep a value only when its write is newer. */
  savedAt?: string;
}

/** A consent change made on the platform (an unsubscribe link, a preference centre), pulled back. */
export interface ConsentFact {
  email: string;
  channel: 'email' | 'sms';
  state: 'subscribed' | 'unsubscribed' | 'pending';
  /** When the person acted, as the platform reports it (epoch ms). */
  at: number;
  /** e.g. "unsubscribe link", "preference centre", "list status changed in ActiveCampaign". */
  mechanism: string;
  /** True only when the person (or the merchant on their behalf) acted; imports and syncs are not explicit. */
  explicit: boolean;
}

export interface EraseReceipt {
  system: string;
  outcome: 'erased' | 'anonymised' | 'not_found' | 'failed';
  /** What the platform answered, without personal data. */
  detail: string;
  at: number;
}

export interface StorefrontScript {
  name: string;
  description: string;
  /** BigCommerce Scripts API fields. */
  kind: 'src' | 'script_tag';
  src?: string;
  html?: string;
  location: 'head' | 'footer';
  visibility: 'storefront' | 'all_pages' | 'checkout' | 'order_confirmation';
  consentCategory: 'essential' | 'functional' | 'analytics' | 'targeting';
}

export interface Connector<C = unknown, S = unknown> {
  platform: string;
  label: string;
  capabilities: readonly Capability[];
  credentialsSchema: z.ZodType<C>;
  settingsSchema: z.ZodType<S>;
  /** How many jobs one `deliver` call takes. */
  batchSize: number;
  rateLimit(credentials: C, accountId: string): RateLimit;
  verify(ctx: ConnectorContext<C, S>): Promise<VerifyCheck[]>;
  fieldCatalogue?(ctx: ConnectorContext<C, S>): Promise<RemoteField[]>;
  /** Maps one staged record to the jobs it means for this platform (none when it is out of scope). */
  plan(record: StagedRecord, ctx: PlanContext<S>): PlannedJob[];
  /** One result per job, in any order; throw DestinationUnreachable when the platform cannot be reached. */
  deliver(jobs: DeliveryJob[], ctx: ConnectorContext<C, S>): Promise<JobResult[]>;
  /** For `asyncConfirmation`: asks the platform what became of submitted jobs. */
  confirm?(jobs: DeliveryJob[], ctx: ConnectorContext<C, S>): Promise<JobResult[]>;
  /**
   * How a summary names `count` submitted jobs the platform only takes from `after` (already formatted) on,
   * e.g. "12 enrolments deferred by dotdigital's hourly limit, sent after 2026-01-05 11:00 UTC".
   */
  describeDeferred?(count: number, after: string): string;
  /**
   * After a crash, jobs that were in flight are in doubt. A connector that can look a record up on the
   * platform says which already arrived, so events are not sent twice; 'unknown' means send again.
   */
  resolveInDoubt?(
    jobs: DeliveryJob[],
    ctx: ConnectorContext<C, S>,
  ): Promise<Map<number, 'delivered' | 'unknown'>>;
  /** For `optOutPull`: consent changes made on the platform since `since` (epoch ms). */
  pullConsent?(ctx: ConnectorContext<C, S>, since: number): Promise<ConsentFact[]>;
  /** For `erase`: delete or anonymise one person with the platform's own mechanism; a failure is a receipt too. */
  erase?(ctx: ConnectorContext<C, S>, email: string): Promise<EraseReceipt>;
  /** For `storefrontScript`: the tracking script to install through the BigCommerce Scripts API, if enabled. */
  storefrontScript?(
    ctx: Pick<ConnectorContext<C, S>, 'credentials' | 'settings'>,
  ): StorefrontScript | undefined;
  /**
   * The wizard's optional round trip, run only when the user agreed: one record for a reserved test identity
   * written so that no automation fires, read back, then deleted or anonymised. `roundTripWrites` says what.
   */
  roundTrip?(ctx: ConnectorContext<C, S>): Promise<VerifyCheck[]>;
  roundTripWrites?: string;
  /** Shown before a first sync: what the sync creates on the platform and how that may count toward billing. */
  createsContacts?: string;
  /** Default mapping rows per BigCommerce record, fitted to each store's catalogue by the mapping service. */
  mappingDefaults?: Readonly<Partial<Record<'customer' | 'order', readonly MappingDefault[]>>>;
}

/** One default row: a BigCommerce catalogue key (`bc.customer.first_name`) to one of the platform's field keys. */
export interface MappingDefault {
  source: string;
  target: string;
  /** Steps the platform needs on every value, e.g. a phone to E.164; shown and editable in the grid. */
  transforms?: Array<z.input<typeof transformSchema>>;
  required?: boolean;
}

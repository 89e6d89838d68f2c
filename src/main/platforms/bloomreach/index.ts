// Runs in: main (Electron-free). Owns: the Bloomreach Engagement connector: customers, subscribers and
// consents, purchases with their items (guests included), carts, the product catalogue, anonymisation on
// deletion, opt-outs back, erase and the web SDK. Each instance keeps the per-instance request pacing.
import type {
  ConsentFact,
  Connector,
  ConnectorContext,
  DeliveryJob,
  EraseReceipt,
  RemoteField,
  StorefrontScript,
  VerifyCheck,
} from '../../engine/connector.js';
import { BrClient } from './client.js';
import { pullConsent } from './consent.js';
import { deliverBatch } from './deliver.js';
import { erasePerson } from './erase.js';
import { fieldCatalogue } from './fields.js';
import { Pacer } from '../shared/pacer.js';
import { missingCommands } from './lookup.js';
import type { BrPayload } from './payloads.js';
import { planRecord } from './plan.js';
import { anonymisationPreview, anonymiseCandidates, type PolicyCandidate } from './policy.js';
import { orphanConsents, revokeConsents } from './reconcile.js';
import { ROUND_TRIP_WRITES, roundTrip } from './roundtrip.js';
import {
  bloomreachCredentialsSchema,
  bloomreachSettingsSchema,
  type BloomreachCredentials,
  type BloomreachSettings,
} from './schemas.js';
import { storefrontScript } from './script.js';
import { verifyAccount } from './verify.js';
import { mappingDefaults } from './mapping-defaults.js';

export * from './schemas.js';
export type { BrPayload } from './payloads.js';
export { PROBE_EMAIL } from './verify.js';
export { ROUND_TRIP_WRITES } from './roundtrip.js';
export type { PolicyCandidate } from './policy.js';

type Ctx = ConnectorContext<BloomreachCredentials, BloomreachSettings>;

export interface BloomreachConnector extends Connector<BloomreachCredentials, BloomreachSettings> {
  pullConsent(ctx: Ctx, sinceMs: number): Promise<ConsentFact[]>;
  erase(ctx: Ctx, email: string): Promise<EraseReceipt>;
  fieldCatalogue(ctx: Ctx): Promise<RemoteField[]>;
  /** The wizard's optional round trip; `ROUND_TRIP_WRITES` says what it will write first. */
  roundTrip(ctx: Ctx): Promise<VerifyCheck[]>;
  /** Subscribers without a customer id, no valid consent and a last consent older than N days. */
  anonymisationPreview(ctx: Ctx, olderThanDays: number): Promise<PolicyCandidate[]>;
  /** Anonymises the previewed people through anonymize_bulk; returns the bulk ids. */
  anonymiseCandidates(ctx: Ctx, candidates: PolicyCandidate[]): Promise<string[]>;
  /** Valid newsletter consents on Bloomreach for emails BigCommerce no longer lists as subscribers. */
  orphanConsents(ctx: Ctx, subscribed: Set<string>): Promise<string[]>;
  /** Revokes those consents (only when the merchant agrees); returns per-email errors. */
  revokeConsents(ctx: Ctx, emails: string[]): Promise<Record<string, string>>;
  storefrontScript(ctx: {
    credentials: BloomreachCredentials | unknown;
    settings: BloomreachSettings;
  }): StorefrontScript | undefined;
}

export interface BloomreachConnectorOptions {
  /** Jobs per deliver call; their commands are split into requests of at most 50. */
  batchSize?: number;
  /** Between reads of the round trip's test customer (Bloomreach queues writes). */
  roundTripPollMs?: number;
  roundTripMaxWaitMs?: number;
}

const instanceKey = (c: BloomreachCredentials): string => c.baseUrl.trim().replace(/\/+$/, '');

export function createBloomreachConnector(o: BloomreachConnectorOptions = {}): BloomreachConnector {
  const pacers = new Map<string, Pacer>();
  const catalogIds = new Map<string, string>();
  const pacerFor = (ctx: Ctx): Pacer => {
    // Bloomreach counts requests per client IP and instance: every project from this computer shares it.
    const key = instanceKey(ctx.credentials);
    let p = pacers.get(key);
    if (!p) pacers.set(key, (p = new Pacer(ctx.settings.requestsPerMinute, ctx.clock)));
    p.setRate(ctx.settings.requestsPerMinute);
    return p;
  };
  const clientFor = (ctx: Ctx, pacer = pacerFor(ctx)): BrClient =>
    new BrClient({
      baseUrl: ctx.credentials.baseUrl,
      projectToken: ctx.credentials.projectToken,
      apiKeyId: ctx.credentials.apiKeyId,
      apiSecret: ctx.credentials.apiSecret,
      timeoutMs: ctx.settings.timeoutMs,
      pacer,
      clock: ctx.clock,
      signal: ctx.signal,
    });

  return {
    platform: 'bloomreach',
    label: 'Bloomreach Engagement',
    capabilities: [
      'contacts',
      'subscribers',
      'orders',
      'products',
      'carts',
      'optOutPull',
      'erase',
      'storefrontScript',
    ],
    credentialsSchema: bloomreachCredentialsSchema,
    settingsSchema: bloomreachSettingsSchema,
    batchSize: o.batchSize ?? 50,
    // The engine paces deliver calls; each request inside one waits its turn on the instance's Pacer.
    rateLimit: (c) => ({ scopeKey: `bloomreach:ip:${instanceKey(c)}`, perSecond: 10, burst: 10 }),
    verify: (ctx) => verifyAccount(clientFor(ctx), ctx.credentials, ctx.settings),
    roundTripWrites: ROUND_TRIP_WRITES,
    createsContacts:
      'A sync creates a Bloomreach customer profile for every email it sends (customers, subscribers and ' +
      'guest buyers), plus their events. Bloomreach contracts may count customer profiles or tracked ' +
      'events toward your limits: check yours before a historical sync.',
    mappingDefaults,
    fieldCatalogue: (ctx) => fieldCatalogue(clientFor(ctx)),
    plan: (record, ctx) => planRecord(record, ctx),
    async deliver(jobs, ctx) {
      const pacer = pacerFor(ctx);
      return deliverBatch(jobs, {
        client: clientFor(ctx, pacer),
        pacer,
        settings: ctx.settings,
        catalogIds,
        catalogKey: `${instanceKey(ctx.credentials)}|${ctx.credentials.projectToken}|${ctx.settings.catalogName ?? ''}`,
      });
    },

    /**
     * Bloomreach stores every event it is sent, so an in-doubt event is looked up by the job key it carries.
     * Customer updates and catalogue writes are replaces: sending them again is harmless.
     */
    async resolveInDoubt(jobs: DeliveryJob[], ctx: Ctx) {
      const verdicts = new Map<number, 'delivered' | 'unknown'>(jobs.map((j) => [j.jobId, 'unknown']));
      const c = clientFor(ctx);
      for (const j of jobs) {
        const p = j.payload as BrPayload;
        if (p.type !== 'track' || !p.lookup) continue;
        try {
          if ((await missingCommands(c, p)).length === 0) verdicts.set(j.jobId, 'delivered');
        } catch (err) {
          ctx.logger.log('warn', 'Bloomreach: could not settle an in-doubt event; it will be sent again', {
            error: err instanceof Error ? err.message : String(err),
          });
        }
      }
      return verdicts;
    },

    pullConsent: (ctx, sinceMs) => pullConsent(clientFor(ctx), ctx.settings, sinceMs),
    erase: (ctx, email) => erasePerson(clientFor(ctx), ctx.settings, email, () => ctx.clock.now()),
    roundTrip: (ctx) =>
      roundTrip(clientFor(ctx), ctx.settings, {
        pollMs: o.roundTripPollMs ?? 1_000,
        maxWaitMs: o.roundTripMaxWaitMs ?? 30_000,
        sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      }),
    anonymisationPreview: (ctx, days) =>
      anonymisationPreview(clientFor(ctx), ctx.settings, days, ctx.clock.now()),
    anonymiseCandidates: (ctx, candidates) => anonymiseCandidates(clientFor(ctx), ctx.settings, candidates),
    orphanConsents: (ctx, subscribed) => orphanConsents(clientFor(ctx), ctx.settings, subscribed),
    revokeConsents: (ctx, emails) => revokeConsents(clientFor(ctx), ctx.settings, emails, ctx.clock.now()),
    storefrontScript: (ctx) =>
      storefrontScript(ctx.credentials as Partial<BloomreachCredentials> | undefined, ctx.settings),
  };
}

export const bloomreach = createBloomreachConnector();

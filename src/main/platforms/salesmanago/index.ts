// Runs in: main (Electron-free). Owns: the SALESmanago Connector the engine drives, plus what the interface has
// no slot for yet (opt-out pull, erase, the monitoring code, the wizard's owner and catalogue lookups).
import type {
  Connector,
  ConnectorContext,
  ConsentFact,
  DeliveryJob,
  EraseReceipt,
  PlanContext,
  StorefrontScript,
} from '../../engine/connector.js';
import { type ClientOptions, SalesmanagoClient } from './client.js';
import { arrived, listMarks, readMarks } from './event-marks.js';
import type { EventPayload } from './payloads.js';
import { pullConsent } from './consent.js';
import { deliverBatch } from './deliver.js';
import { eraseContact } from './erase.js';
import { fieldCatalogue } from './fields.js';
import { planRecord } from './plan.js';
import {
  type SalesmanagoCredentials,
  salesmanagoCredentialsSchema,
  type SalesmanagoSettings,
  salesmanagoSettingsSchema,
} from './schemas.js';
import { monitoringCode, storefrontScript } from './script.js';
import { type CatalogInfo, ensureCatalog, listCatalogs, listOwners } from './setup.js';
import { verifyAccount } from './verify.js';
import { mappingDefaults } from './mapping-defaults.js';
import { ROUND_TRIP_WRITES, roundTrip } from './roundtrip.js';

export * from './schemas.js';
export type { CatalogInfo } from './setup.js';
export type { ClientOptions } from './client.js';

type Ctx = ConnectorContext<SalesmanagoCredentials, SalesmanagoSettings>;
type Access = Pick<Ctx, 'credentials' | 'signal'>;

export interface SalesmanagoConnector extends Connector<SalesmanagoCredentials, SalesmanagoSettings> {
  /** Opt-in/opt-out changes made in SALESmanago since `since` (epoch ms). Empty when opt-in sync is off. */
  pullConsent(ctx: Ctx, since: number): Promise<ConsentFact[]>;
  /** GDPR erase of one person by e-mail. */
  erase(ctx: Ctx, email: string): Promise<EraseReceipt>;
  /** The monitoring code to install, or undefined when it is turned off. */
  storefrontScript(ctx: Pick<Ctx, 'credentials' | 'settings'>): StorefrontScript | undefined;
  /** The code in use, for the read-only preview. */
  monitoringCodePreview(ctx: Pick<Ctx, 'credentials' | 'settings'>): string;
  setup: {
    listOwners(ctx: Access): Promise<string[]>;
    listCatalogs(ctx: Access): Promise<CatalogInfo[]>;
    ensureCatalog(ctx: Access, o: { location: string; name: string; currency: string }): Promise<CatalogInfo>;
  };
}

export interface SalesmanagoConnectorOptions extends ClientOptions {
  /** Jobs per deliver() call. */
  batchSize?: number;
  /** Between reads of the round trip's test contact, and how long to wait for it. */
  roundTripPollMs?: number;
  roundTripMaxWaitMs?: number;
}

export function createSalesmanagoConnector(opts: SalesmanagoConnectorOptions = {}): SalesmanagoConnector {
  const client = (ctx: Access) => new SalesmanagoClient(ctx.credentials, opts, ctx.signal);
  return {
    platform: 'salesmanago',
    label: 'SALESmanago',
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
    credentialsSchema: salesmanagoCredentialsSchema,
    settingsSchema: salesmanagoSettingsSchema,
    batchSize: opts.batchSize ?? 200,
    // SALESmanago publishes no limit; this pace is an assumption (see README), per account (client ID).
    rateLimit: (c) => ({ scopeKey: `salesmanago:${c.clientId}`, perSecond: 10, burst: 20 }),
    verify: (ctx) => verifyAccount(client(ctx), ctx.settings),
    roundTrip: (ctx) =>
      roundTrip(client(ctx), {
        pollMs: opts.roundTripPollMs ?? 1_000,
        maxWaitMs: opts.roundTripMaxWaitMs ?? 10_000,
      }),
    roundTripWrites: ROUND_TRIP_WRITES,
    createsContacts:
      'A sync creates a SALESmanago contact for every customer, subscriber and buyer it sends (guests ' +
      'included, ignored domains excepted). SALESmanago packages are priced by the number of contacts in ' +
      'the database, so these may count toward your package.',
    mappingDefaults,
    fieldCatalogue: (ctx) => fieldCatalogue(client(ctx), ctx.clock.now()),
    plan: (record, ctx: PlanContext<SalesmanagoSettings>) => planRecord(record, ctx),
    deliver: (jobs, ctx) => deliverBatch(jobs, ctx, client(ctx)),
    /**
     * External events carry their mark on the contact, written in the same call (event-marks.ts); contacts,
     * carts' contacts and products are upserts, so sending them again is harmless. A CART event is not marked.
     */
    async resolveInDoubt(jobs, ctx) {
      const verdicts = new Map<number, 'delivered' | 'unknown'>(jobs.map((j) => [j.jobId, 'unknown']));
      const events = jobs.filter(
        (j): j is DeliveryJob & { payload: EventPayload } =>
          (j.payload as EventPayload | undefined)?.op === 'event',
      );
      if (events.length === 0) return verdicts;
      try {
        const a = await listMarks(client(ctx), events);
        for (const id of arrived(events, readMarks(a))) verdicts.set(id, 'delivered');
      } catch (err) {
        ctx.logger.log('warn', 'SALESmanago: could not settle in-doubt events; they will be checked again', {
          error: err instanceof Error ? err.message : String(err),
        });
      }
      return verdicts;
    },
    pullConsent: async (ctx, since) =>
      ctx.settings.optInSync ? pullConsent(client(ctx), since, ctx.clock.now()) : [],
    erase: (ctx, email) => eraseContact(client(ctx), email, () => ctx.clock.now()),
    storefrontScript: (ctx) => storefrontScript(ctx.credentials, ctx.settings),
    monitoringCodePreview: (ctx) => monitoringCode(ctx.credentials, ctx.settings),
    setup: {
      listOwners: (ctx) => listOwners(client(ctx)),
      listCatalogs: (ctx) => listCatalogs(client(ctx)),
      ensureCatalog: (ctx, o) => ensureCatalog(client(ctx), o),
    },
  };
}

export const salesmanagoConnector = createSalesmanagoConnector();

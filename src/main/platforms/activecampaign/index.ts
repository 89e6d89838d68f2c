// Runs in: main (Electron-free). Owns: the ActiveCampaign connector: customers and subscribers as contacts
// (tag, list), Deep Data customers, orders and abandoned carts, opt-outs back, erase. Each instance keeps
// the per-account request pacing and the ids it has looked up.
import type { Clock } from '../../core/clock.js';
import type {
  ConsentFact,
  Connector,
  ConnectorContext,
  DeliveryJob,
  EraseReceipt,
  RemoteField,
  VerifyCheck,
} from '../../engine/connector.js';
import { AcClient } from './client.js';
import { pullOptOuts } from './consent.js';
import { apiKeyScope, deliverBatch, storeOf } from './deliver.js';
import { erasePerson } from './erase.js';
import { createField, fieldCatalogue, type NewFieldType } from './fields.js';
import { findOrder } from './orders.js';
import { Pacer } from './pacer.js';
import type { OrderPayload } from './payloads.js';
import { planRecord } from './plan.js';
import { acCredentialsSchema, acSettingsSchema, type AcCredentials, type AcSettings } from './schemas.js';
import { AccountSetup } from './setup.js';
import { verifyAccount } from './verify.js';
import { mappingDefaults } from './mapping-defaults.js';
import { ROUND_TRIP_WRITES, roundTrip } from './roundtrip.js';

export { acCredentialsSchema, acSettingsSchema, type AcCredentials, type AcSettings } from './schemas.js';
export { defaultMapping } from './mapping.js';
export { historicalEstimate, requestsPerRecord } from './eta.js';

type Ctx = ConnectorContext<AcCredentials, AcSettings>;

export interface ActiveCampaignConnector extends Connector<AcCredentials, AcSettings> {
  /** Opt-outs made in ActiveCampaign since `sinceMs` (epoch ms). */
  pullConsent(ctx: Ctx, sinceMs: number): Promise<ConsentFact[]>;
  /** GDPR erase of one person by email; never throws: a failure is a receipt too. */
  erase(ctx: Ctx, email: string): Promise<EraseReceipt>;
  /** Creates a custom contact field; the grid calls it only after the user confirmed. */
  createField(ctx: Ctx, title: string, type?: NewFieldType): Promise<RemoteField>;
  fieldCatalogue(ctx: Ctx): Promise<RemoteField[]>;
  /** Verify, and say whether this store is already connected (Reconnect keeps its records). */
  verifyStore(ctx: Ctx, storeId: string): Promise<VerifyCheck[]>;
}

/** ActiveCampaign counts requests per account, whichever key makes them. */
const accountScope = (apiUrl: string): string => {
  try {
    const u = new URL(apiUrl);
    return `activecampaign:account:${u.host}${u.pathname.replace(/\/api\/3\/?$/, '').replace(/\/+$/, '')}`;
  } catch {
    return `activecampaign:account:${apiUrl}`;
  }
};

export function createActiveCampaignConnector(): ActiveCampaignConnector {
  const pacers = new Map<string, Pacer>();
  const setup = new AccountSetup();

  const pacerFor = (ctx: Ctx, clock: Clock): Pacer => {
    const key = accountScope(ctx.credentials.apiUrl);
    let p = pacers.get(key);
    if (!p) pacers.set(key, (p = new Pacer(ctx.settings.requestsPerSecond, clock)));
    p.setRate(ctx.settings.requestsPerSecond);
    return p;
  };
  const clientFor = (ctx: Ctx): AcClient =>
    new AcClient({
      apiUrl: ctx.credentials.apiUrl,
      apiKey: ctx.credentials.apiKey,
      timeoutMs: ctx.settings.timeoutMs,
      pacer: pacerFor(ctx, ctx.clock),
      signal: ctx.signal,
    });

  return {
    platform: 'activecampaign',
    label: 'ActiveCampaign',
    capabilities: ['contacts', 'subscribers', 'orders', 'carts', 'optOutPull', 'erase'],
    credentialsSchema: acCredentialsSchema,
    settingsSchema: acSettingsSchema,
    batchSize: 20,
    rateLimit: (credentials) => ({ scopeKey: accountScope(credentials.apiUrl), perSecond: 5, burst: 1 }),

    verify: (ctx) => verifyAccount(clientFor(ctx), ctx.credentials, ctx.settings),
    // ActiveCampaign writes contacts synchronously: a short wait covers a slow answer, not a queue.
    roundTrip: (ctx) => roundTrip(clientFor(ctx), { pollMs: 500, maxWaitMs: 5_000 }),
    roundTripWrites: ROUND_TRIP_WRITES,
    createsContacts:
      'A sync creates an ActiveCampaign contact (and a Deep Data e-commerce customer) for every customer, ' +
      'guest buyer and subscriber it sends. ActiveCampaign plans are priced by the number of contacts, so ' +
      'these may count toward your plan’s contact limit.',
    mappingDefaults,
    verifyStore: (ctx, storeId) => verifyAccount(clientFor(ctx), ctx.credentials, ctx.settings, storeId),
    fieldCatalogue: (ctx) => fieldCatalogue(clientFor(ctx)),
    createField: (ctx, title, type) => createField(clientFor(ctx), title, type),
    plan: (record, ctx) => planRecord(record, ctx),
    deliver: (jobs, ctx) => deliverBatch(jobs, ctx, clientFor(ctx), setup),

    async resolveInDoubt(jobs: DeliveryJob[], ctx: Ctx) {
      const verdicts = new Map<number, 'delivered' | 'unknown'>(jobs.map((j) => [j.jobId, 'unknown']));
      const orders = jobs.filter((j) => j.entityType === 'order' || j.entityType === 'cart');
      if (orders.length === 0) return verdicts;
      // Anything that fails here just means "send again": the write path looks the order up itself.
      try {
        const c = clientFor(ctx);
        const ids = await setup.ids(c, apiKeyScope(ctx), storeOf(orders), ctx.settings);
        for (const j of orders) {
          const p = j.payload as OrderPayload;
          const found =
            p.type === 'order'
              ? await findOrder(c, ids.connectionId, 'externalid', p.externalid!)
              : await findOrder(c, ids.connectionId, 'externalcheckoutid', p.externalcheckoutid!);
          const same =
            found && Date.parse(String(found['externalUpdatedDate'])) === Date.parse(p.externalUpdatedDate);
          if (same) verdicts.set(j.jobId, 'delivered');
        }
      } catch (err) {
        ctx.logger.log('warn', 'ActiveCampaign: could not settle in-doubt jobs; they will be sent again', {
          error: err instanceof Error ? err.message : String(err),
        });
      }
      return verdicts;
    },

    pullConsent: (ctx, sinceMs) => pullOptOuts(clientFor(ctx), ctx.settings.listName, sinceMs),

    async erase(ctx, email) {
      try {
        return await erasePerson(clientFor(ctx), email, ctx.clock.now());
      } catch (err) {
        return {
          system: 'ActiveCampaign',
          outcome: 'failed',
          detail: err instanceof Error ? err.message : String(err),
          at: ctx.clock.now(),
        };
      }
    },
  };
}

export const activeCampaign = createActiveCampaignConnector();

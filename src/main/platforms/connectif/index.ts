// Runs in: main (Electron-free). Owns: the Connectif connector: contacts (customers, subscribers, guests),
// products, purchases, abandoned carts as a custom event, opt-outs back, erase, the storefront script and the
// wizard's preview. Each instance keeps the per-key request pacing.
import type {
  ConsentFact,
  Connector,
  ConnectorContext,
  DeliveryJob,
  EraseReceipt,
  PlanContext,
  RemoteField,
  StagedRecord,
  StorefrontScript,
} from '../../engine/connector.js';
import { CfClient, enc } from './client.js';
import { pullOptOuts } from './consent.js';
import { deliverBatch } from './deliver.js';
import { erasePerson } from './erase.js';
import type { ExportWait } from './exports.js';
import { fieldCatalogue } from './fields.js';
import { Pacer } from '../shared/pacer.js';
import type { CfPayload } from './payloads.js';
import { planRecord } from './plan.js';
import { preview, type PreviewRequest } from './preview.js';
import {
  connectifCredentialsSchema,
  connectifSettingsSchema,
  type ConnectifCredentials,
  type ConnectifSettings,
} from './schemas.js';
import { storefrontScript } from './script.js';
import { verifyAccount } from './verify.js';
import { mappingDefaults } from './mapping-defaults.js';
import { ROUND_TRIP_WRITES, roundTrip } from './roundtrip.js';

export * from './schemas.js';
export type { PreviewRequest } from './preview.js';
export type { CfPayload } from './payloads.js';

type Ctx = ConnectorContext<ConnectifCredentials, ConnectifSettings>;

export interface ConnectifConnector extends Connector<ConnectifCredentials, ConnectifSettings> {
  /** Newsletter and SMS opt-outs made in Connectif since `sinceMs` (epoch ms). */
  pullConsent(ctx: Ctx, sinceMs: number): Promise<ConsentFact[]>;
  /** GDPR erase of one person by email; never throws: a failure is a receipt too. */
  erase(ctx: Ctx, email: string): Promise<EraseReceipt>;
  fieldCatalogue(ctx: Ctx): Promise<RemoteField[]>;
  /** The tracking script to install, or undefined when tracking is off. */
  storefrontScript(ctx: { credentials: unknown; settings: ConnectifSettings }): StorefrontScript | undefined;
  /** One record exactly as Connectif will receive it. */
  preview(record: StagedRecord, ctx: PlanContext<ConnectifSettings>): PreviewRequest[];
}

export interface ConnectifConnectorOptions {
  batchSize?: number;
  /** Between reads of an export's status (opt-out pull, field catalogue). */
  exportPollMs?: number;
  exportMaxWaitMs?: number;
  /** Between reads of the round trip's test contact, and how long to wait for it. */
  roundTripPollMs?: number;
  roundTripMaxWaitMs?: number;
}

const keyId = (apiKey: string): string => apiKey.trim().split(':')[0] ?? '';

export function createConnectifConnector(o: ConnectifConnectorOptions = {}): ConnectifConnector {
  const pacers = new Map<string, Pacer>();
  const pacerFor = (ctx: Ctx): Pacer => {
    // Connectif counts requests per API key.
    const key = `${ctx.credentials.apiUrl}|${keyId(ctx.credentials.apiKey)}`;
    let p = pacers.get(key);
    if (!p) pacers.set(key, (p = new Pacer(ctx.settings.requestsPerMinute, ctx.clock)));
    p.setRate(ctx.settings.requestsPerMinute);
    return p;
  };
  const clientFor = (ctx: Ctx, pacer = pacerFor(ctx)): CfClient =>
    new CfClient({
      apiUrl: ctx.credentials.apiUrl,
      apiKey: ctx.credentials.apiKey,
      timeoutMs: ctx.settings.timeoutMs,
      pacer,
      clock: ctx.clock,
      signal: ctx.signal,
    });
  const wait = (ctx: Ctx): ExportWait => ({
    clock: ctx.clock,
    signal: ctx.signal,
    pollMs: o.exportPollMs ?? 2_000,
    maxWaitMs: o.exportMaxWaitMs ?? 15 * 60_000,
  });

  return {
    platform: 'connectif',
    label: 'Connectif',
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
    credentialsSchema: connectifCredentialsSchema,
    settingsSchema: connectifSettingsSchema,
    batchSize: o.batchSize ?? 10,
    // Batches are paced here; each request inside a batch waits its turn on the key's Pacer.
    rateLimit: (c) => ({ scopeKey: `connectif:key:${keyId(c.apiKey)}`, perSecond: 2, burst: 2 }),
    verify: (ctx) => verifyAccount(clientFor(ctx), ctx.credentials, ctx.settings),
    roundTrip: (ctx) =>
      roundTrip(clientFor(ctx), {
        pollMs: o.roundTripPollMs ?? 1_000,
        maxWaitMs: o.roundTripMaxWaitMs ?? 10_000,
      }),
    roundTripWrites: ROUND_TRIP_WRITES,
    createsContacts:
      'A sync creates a Connectif contact for every customer, subscriber and buyer it sends. Connectif plans ' +
      'are priced by contacts, so these may count toward your plan.',
    mappingDefaults,
    fieldCatalogue: (ctx) => fieldCatalogue(clientFor(ctx), wait(ctx), ctx.settings),
    plan: (record, ctx) => planRecord(record, ctx),
    preview: (record, ctx) => preview(record, ctx),
    async deliver(jobs, ctx) {
      const pacer = pacerFor(ctx);
      const client = clientFor(ctx, pacer);
      return deliverBatch(jobs, {
        client,
        pacer,
        timeoutMs: ctx.settings.timeoutMs,
        answered: () => client.answered,
      });
    },

    /** Purchases are looked up by their store id; upserts and removals are safe to send again. */
    async resolveInDoubt(jobs: DeliveryJob[], ctx: Ctx) {
      const verdicts = new Map<number, 'delivered' | 'unknown'>(jobs.map((j) => [j.jobId, 'unknown']));
      const c = clientFor(ctx);
      for (const j of jobs) {
        const p = j.payload as CfPayload;
        if (p.type !== 'purchase' || p.problem) continue;
        try {
          const res = await c.call(
            'GET',
            `/purchases/purchase-id/${enc(String(p.body['purchaseId']))}`,
            undefined,
            true,
          );
          if (res.status === 200) verdicts.set(j.jobId, 'delivered');
        } catch (err) {
          // "unknown" means send again; the write path looks the purchase up itself on a retry.
          ctx.logger.log(
            'warn',
            'Connectif: could not settle an in-doubt purchase; it will be looked up again',
            {
              error: err instanceof Error ? err.message : String(err),
            },
          );
        }
      }
      return verdicts;
    },

    pullConsent: (ctx, sinceMs) => pullOptOuts(clientFor(ctx), wait(ctx), sinceMs),
    erase: (ctx, email) => erasePerson(clientFor(ctx), email, () => ctx.clock.now()),
    storefrontScript: (ctx) => storefrontScript(ctx.settings),
  };
}

export const connectif = createConnectifConnector();

// Runs in: main (Electron-free). Owns: the mapping from contract channels to service methods.
import type { AppInfo } from '../../shared/contract/index.js';
import type { AccountService } from '../accounts/account-service.js';
import type { ConnectionService } from '../connections/connection-service.js';
import type { JobQueue } from '../engine/queue/job-queue.js';
import type { EngineApi } from '../engine/sync-engine.js';
import type { EventLog } from '../events/event-log.js';
import { connectors } from '../platforms/registry.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { Db } from '../storage/db.js';
import type { StoreService } from '../stores/store-service.js';
import type { Clock } from '../core/clock.js';
import type { EventBus } from '../core/emitter.js';
import type { Handlers } from './dispatch.js';
import type { ToolChannels } from './tool-handlers.js';
import { BigCommerceClient } from '../bigcommerce/client.js';
import { estimateHistorical } from '../engine/estimate.js';
import { toRunSummary } from '../engine/run-summary.js';
import type { ScriptService } from '../storefront/script-service.js';
import type { DesktopChannels } from './desktop-handlers.js';
import type { PrivacyChannels } from './privacy-handlers.js';
import { verifySetup } from './verify-setup.js';
import { prepareConnection } from './connection-setup.js';
import { updateStoreToken } from './store-token.js';
import { z } from 'zod';

/** What a form needs of a zod schema: fields, types, defaults and descriptions, as JSON Schema. */
function formSchema(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

export interface HandlerDeps {
  db: Db;
  clock: Clock;
  bus: EventBus;
  stores: StoreService;
  accounts: AccountService;
  connections: ConnectionService;
  queue: JobQueue;
  /** In process, or the engine worker's proxy (the hosts). */
  engine: EngineApi;
  events: EventLog;
  secrets: SecretStore;
  scripts: ScriptService;
  info: Omit<AppInfo, 'keychain' | 'network'>;
  /** The route outbound calls take, described for app:info. */
  network?: () => NonNullable<AppInfo['network']>;
}

export function createHandlers(
  d: HandlerDeps,
  tools: Pick<Handlers, ToolChannels>,
  privacy: Pick<Handlers, PrivacyChannels>,
  desktop: Pick<Handlers, DesktopChannels>,
): Handlers {
  return {
    ...tools,
    ...privacy,
    ...desktop,
    'app:info': async () => ({
      ...d.info,
      keychain: await d.secrets.status(),
      ...(d.network ? { network: d.network() } : {}),
    }),
    'stores:list': () => d.stores.list(),
    'stores:add': (input) => d.stores.add(input),
    'stores:rename': ({ id, name }) => d.stores.rename(id, name),
    'stores:updateToken': ({ id, accessToken }) => updateStoreToken(d, id, accessToken),
    'stores:setClientSecret': async ({ id, clientSecret }) => {
      const store = await d.stores.setClientSecret(id, clientSecret);
      // Said in the log, so refusals that start (or stop) right after can be traced to it; never the secret.
      d.events.append({
        level: 'info',
        type: 'store.client_secret_set',
        storeId: id,
        message: clientSecret
          ? `Webhook signatures of "${store.name}" are now checked with the API account's client secret.`
          : `The client secret of "${store.name}" was removed: webhook signatures are no longer checked.`,
      });
      return { store, clientSecret: { configured: clientSecret !== null } };
    },
    'stores:remove': async ({ id }) => {
      // Scripts the console put on the storefront go with the store; an unreachable store must not block removal.
      await d.scripts.removeAllFor(id).catch((err: unknown) =>
        d.events.append({
          level: 'warn',
          type: 'store.cleanup_failed',
          storeId: id,
          message: `Could not remove the storefront scripts Storebridge installed: ${err instanceof Error ? err.message : String(err)}. Remove them under Storefront > Script Manager.`,
        }),
      );
      await d.stores.remove(id);
      return { removed: true as const };
    },
    'platforms:list': () =>
      Object.values(connectors).map((c) => ({
        platform: c.platform,
        label: c.label,
        capabilities: [...c.capabilities],
        credentialsSchema: formSchema(c.credentialsSchema),
        settingsSchema: formSchema(c.settingsSchema),
        ...(c.createsContacts ? { createsContacts: c.createsContacts } : {}),
        ...(c.roundTripWrites ? { roundTripWrites: c.roundTripWrites } : {}),
      })),
    'accounts:list': () => d.accounts.list(),
    'accounts:add': (input) => d.accounts.add(input),
    'accounts:remove': async ({ id }) => {
      await d.accounts.remove(id);
      return { removed: true as const };
    },
    'connections:list': ({ storeId }) => d.connections.list(storeId ? { storeId } : {}),
    'connections:add': async (input) => {
      const conn = d.connections.add(input);
      await prepareConnection(d, conn);
      return conn;
    },
    'connections:remove': ({ id }) => {
      d.connections.remove(id);
      return { removed: true as const };
    },
    'connections:pause': ({ id }) => d.connections.setPaused(id, true),
    'connections:resume': ({ id }) => d.connections.setPaused(id, false),
    'connections:verifySetup': (input) => verifySetup(d, input),
    'connections:status': ({ id }) => {
      d.connections.get(id);
      const p = d.db
        .prepare(
          'SELECT last_run_started, last_run_finished, last_ok, last_error FROM connection_progress WHERE connection_id = ?',
        )
        .get(id) as
        | {
            last_run_started: number | null;
            last_run_finished: number | null;
            last_ok: number | null;
            last_error: string | null;
          }
        | undefined;
      return {
        connectionId: id,
        running: d.engine.isRunning(id),
        queue: d.queue.stats(id),
        destination: d.engine.destinationState(id),
        lastRunStarted: p?.last_run_started ?? null,
        lastRunFinished: p?.last_run_finished ?? null,
        lastOk: p?.last_ok ?? null,
        lastError: p?.last_error ?? null,
      };
    },
    'sync:start': async ({ connectionId, historical, from, to, resources }) => {
      d.connections.get(connectionId);
      const s = await d.engine.sync(connectionId, {
        ...(historical !== undefined ? { historical } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(resources ? { resources } : {}),
        // Someone is watching this run: it waits (bounded) for the platform to confirm bulk imports.
        awaitConfirmation: true,
        onProgress: (p) => d.bus.emit('sync:progress', p),
      });
      return toRunSummary(s);
    },
    'sync:cancel': ({ connectionId }) => ({ cancelled: d.engine.cancel(connectionId) }),
    'sync:estimate': async ({ connectionId, resources, from, to }) => {
      const c = d.connections.get(connectionId);
      const store = d.stores.get(c.storeId);
      const connector = d.accounts.connector(c.platform);
      const client = new BigCommerceClient({
        storeHash: store.storeHash,
        accessToken: await d.stores.token(store.id),
        baseUrl: store.apiBaseUrl,
        storeLabel: store.name,
      });
      return estimateHistorical(
        client,
        connector,
        connector.rateLimit(await d.accounts.credentials(c.accountId), c.accountId),
        { ...(resources ? { resources } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) },
      );
    },
    'queue:deadLetters': ({ id }) => d.queue.deadLetters(id, 1000),
    'queue:replay': ({ connectionId, jobIds, entityType }) => ({
      replayed: d.queue.replay(
        { connectionId, ...(jobIds ? { jobIds } : {}), ...(entityType ? { entityType } : {}) },
        d.clock.now(),
      ),
    }),
    'events:query': (q) => d.events.query(q),
    'events:list': (q) => d.events.list(q),
    'events:get': ({ id }) => d.events.get(id),
    'events:timeline': ({ recordType, recordId }) => d.events.timeline(recordType, recordId),
  };
}

// Runs in: main (Electron-free). Owns: composing a workspace (one folder: its SQLite file and keychain
// service) into the services and contract handlers that every host (Electron, browser host, CLI) shares.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type {
  AppInfo,
  ChannelInput,
  ChannelName,
  ChannelOutput,
  Result,
} from '../../shared/contract/index.js';
import { systemClock, type Clock } from '../core/clock.js';
import { EventBus } from '../core/emitter.js';
import { LineLogger, type Logger } from '../core/logger.js';
import { createFileLogger } from './file-logger.js';
import { secretParts } from './secret-parts.js';
import { holdForReauth } from './reauth.js';
import { dispatch, type Handlers } from '../api/dispatch.js';
import { createHandlers } from '../api/handlers.js';
import { openDb, type Db } from '../storage/db.js';
import { migrate } from '../storage/migrate.js';
import { openFailure } from '../storage/errors.js';
import { migrations } from '../storage/migrations/index.js';
import { KeytarSecretStore } from '../secrets/keytar-store.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { StoreRepo } from '../stores/store-repo.js';
import { ensureCountryOf } from '../stores/store-country.js';
import { StoreService } from '../stores/store-service.js';
import { AccountService } from '../accounts/account-service.js';
import { ConnectionService } from '../connections/connection-service.js';
import { JobQueue } from '../engine/queue/job-queue.js';
import { RateLimiters } from '../engine/rate-limiter.js';
import { SyncEngine, type EngineApi } from '../engine/sync-engine.js';
import { EventLog } from '../events/event-log.js';
import { connectorFor } from '../platforms/registry.js';
import { AppError } from '../core/errors.js';
import { randomUUID } from 'node:crypto';
import { BigCommerceStoreSource } from './store-source.js';
import { createToolHandlers } from '../api/tool-handlers.js';
import { createPrivacyHandlers } from '../api/privacy-handlers.js';
import { createDesktopHandlers } from '../api/desktop-handlers.js';
import { DesktopSettingsStore } from '../desktop/settings.js';
import { describeNetwork } from '../desktop/network/follow.js';
import { ScriptService } from '../storefront/script-service.js';
import { MappingService } from '../mapping/service.js';
import { Scheduler } from '../engine/scheduler.js';
import { consentAndPrivacy, privacyBackground } from '../privacy/workspace.js';
import type { BackgroundOptions } from '../privacy/background.js';
import { purgeSuppressed } from '../privacy/purge.js';
import type { ConsentService } from '../consent/service.js';
import type { PrivacyService } from '../privacy/service.js';
import type { StagedRecord } from '../engine/connector.js';
import { APP_VERSION } from './version.js';
import { WebhookService } from '../webhooks/service.js';

export interface WorkspaceOptions {
  dir: string;
  host: AppInfo['host'];
  /** Keychain service name; defaults to "Storebridge". Tests pass a unique one. */
  keychainService?: string;
  secrets?: SecretStore;
  clock?: Clock;
  logger?: Logger;
  nativeBinding?: string;
  /** Mask personal data in event payloads. */
  maskPii?: boolean;
  /** How often the consent pull and the anonymisation policy check run (defaults: 15 minutes, daily). */
  privacySchedule?: BackgroundOptions;
  /** Where syncs run; by default in this thread. The hosts pass the engine worker (see host-workspace.ts). */
  engine?: (services: { secrets: SecretStore; bus: EventBus }) => HostedEngine;
  /** Overrides the saved webhook receiver settings (else STOREBRIDGE_WEBHOOK_URL / _PORT, else the saved ones). */
  webhooks?: { publicUrl?: string; port?: number };
}

/** An engine a workspace can own: the in-process one, or one with a thread to stop (`close`). */
export type HostedEngine = EngineApi & { close?(): Promise<void> };

export interface Workspace {
  dir: string;
  db: Db;
  logger: Logger;
  bus: EventBus;
  secrets: SecretStore;
  stores: StoreService;
  accounts: AccountService;
  connections: ConnectionService;
  queue: JobQueue;
  events: EventLog;
  engine: HostedEngine;
  mapping: MappingService;
  scheduler: Scheduler;
  /** Webhooks where a public URL reaches the console; started with the scheduler. */
  webhooks: WebhookService;
  consent: ConsentService;
  privacy: PrivacyService;
  desktopSettings: DesktopSettingsStore;
  handlers: Handlers;
  /** Runs a channel exactly as a renderer call would: parse, run, envelope. */
  call<C extends ChannelName>(channel: C, input?: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  /** The same for untrusted callers (the bridges), whose channel name is still unchecked. */
  callUnchecked(channel: unknown, input: unknown): Promise<Result<unknown>>;
  close(): void;
  /** Stops the scheduler and the engine after the batch in flight (its worker too), then closes. */
  shutdown(): Promise<void>;
}

export const DB_FILE = 'storebridge.db';
export const EVENTS_FILE = 'events.db';

export function openWorkspace(opts: WorkspaceOptions): Workspace {
  const dir = resolve(opts.dir);
  mkdirSync(dir, { recursive: true });
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? createFileLogger(dir);
  const db = openDb(join(dir, DB_FILE), opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    migrate(db, migrations, APP_VERSION);
  } catch (err) {
    db.close();
    throw openFailure(err, join(dir, DB_FILE)) ?? err;
  }
  const bus = new EventBus();
  // Every secret the keychain hands out is registered with the logger, which redacts it from any line.
  const onSecret =
    logger instanceof LineLogger
      ? (s: string) => secretParts(s).forEach((part) => logger.redact(part))
      : undefined;
  const secrets =
    opts.secrets ??
    new KeytarSecretStore(
      opts.keychainService ?? process.env.STOREBRIDGE_KEYCHAIN_SERVICE ?? 'Storebridge',
      onSecret,
    );
  const stores = new StoreService(new StoreRepo(db), secrets, bus, clock);
  const accounts: AccountService = new AccountService(db, secrets, clock, () =>
    bus.emit('accounts:changed', { accounts: accounts.list() }),
  );
  const connections: ConnectionService = new ConnectionService(db, accounts, clock, () =>
    bus.emit('connections:changed', { connections: connections.list() }),
  );
  const events = new EventLog(join(dir, EVENTS_FILE), {
    clock,
    maskPii: () => opts.maskPii ?? false,
    onAppend: (appended) => bus.emit('events:appended', { events: appended }),
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  const queue = new JobQueue(db);
  const bigcommerce = new BigCommerceStoreSource(db, stores, clock);
  stores.onTokenReplaced((id) => bigcommerce.forget(id));
  // Bound below, once the services they need exist; the engine only calls them during a sync.
  const late = {} as { consent: ConsentService; privacy: PrivacyService };
  const isErased = (r: StagedRecord): boolean => {
    const data = r.data as { email?: unknown; billing_address?: { email?: unknown } } | undefined;
    const email = data?.email ?? data?.billing_address?.email;
    return typeof email === 'string' && late.privacy.isSuppressed(r.storeId, email);
  };
  const inProcess = new SyncEngine({
    db,
    queue,
    events,
    clock,
    limiters: new RateLimiters(clock),
    source: {
      // After each extraction: erased people a re-read staged again are purged at once, and BigCommerce's own
      // subscriber changes enter the consent ledger.
      refresh: async (storeId, o) => {
        const { m } = db
          .prepare('SELECT coalesce(max(seq), 0) AS m FROM staging WHERE store_id = ?')
          .get(storeId) as { m: number };
        const r = await bigcommerce.refresh(storeId, o);
        await late.privacy.prepare(); // the suppression list's salt, from the keychain
        purgeSuppressed(db, events.db, late.privacy.suppression, storeId, m);
        late.consent.observe(storeId);
        return r;
      },
    },
    exclude: (record) => isErased(record),
    connection: (id) => {
      const c = connections.get(id);
      return { ...c, accountName: accounts.get(c.accountId).name };
    },
    connector: (platform) => {
      const c = connectorFor(platform);
      if (!c) throw new AppError('invalid_input', `This build has no connector for "${platform}".`);
      return c;
    },
    credentials: (accountId) => accounts.credentials(accountId),
    sleep,
    // A fresh owner per process: leases of a crashed process expire instead of being mistaken for ours.
    owner: `${process.pid}-${randomUUID()}`,
  });
  // Cheap to build and never started when a host runs its syncs elsewhere.
  const engine: HostedEngine = opts.engine?.({ secrets, bus }) ?? inProcess;
  Object.assign(
    late,
    consentAndPrivacy({ db, events, stores, accounts, connections, queue, logger, secrets }, clock),
  );
  const { consent, privacy } = late;
  const envPort = Number(process.env.STOREBRIDGE_WEBHOOK_PORT);
  const webhooks: WebhookService = new WebhookService({
    db,
    stores,
    secrets,
    events,
    clock,
    ...((opts.webhooks?.publicUrl ?? process.env.STOREBRIDGE_WEBHOOK_URL)
      ? { publicUrl: opts.webhooks?.publicUrl ?? process.env.STOREBRIDGE_WEBHOOK_URL }
      : {}),
    ...((opts.webhooks?.port ?? envPort) ? { port: opts.webhooks?.port ?? envPort } : {}),
    // A callback says "something changed": the store's running connections sync now (each reads the store first).
    nudge: (storeId): Promise<unknown> =>
      Promise.all(
        connections
          .list({ storeId })
          .filter((c) => c.mode === 'continuous' && !c.paused)
          .map((c) => scheduler.syncNow(c.id)),
      ),
  });
  // The hooks the console put on a store go with it; an unreachable store must not block removal.
  stores.onBeforeRemove((id) =>
    webhooks.unregister(id).then(
      () => undefined,
      (err: unknown) =>
        void events.append({
          level: 'warn',
          type: 'store.cleanup_failed',
          storeId: id,
          message: `Could not remove the webhooks Storebridge registered: ${err instanceof Error ? err.message : String(err)}. Remove them with the store's API account, or they expire after 48 hours of failed deliveries.`,
        }),
    ),
  );
  // Built here, started only by hosts that sync in the background (the app, the browser host), not the CLI.
  const scheduler = new Scheduler({
    db,
    clock,
    timers: {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
    },
    engine,
    connections,
    onError: (connectionId, err) => {
      logger.log('warn', 'scheduled sync failed', {
        connectionId,
        error: err instanceof Error ? err.message : String(err),
      });
      holdForReauth({ connections, scheduler, events }, connectionId, err);
    },
    alongside: [
      privacyBackground({ stores, events, logger, consent, privacy }, clock, opts.privacySchedule),
      {
        start: () =>
          void webhooks.start().catch((err: unknown) =>
            logger.log('warn', 'webhook receiver did not start', {
              error: err instanceof Error ? err.message : String(err),
            }),
          ),
        dispose: () => webhooks.dispose(),
      },
    ],
  });
  bus.on('connections:changed', () => scheduler.refresh());
  const mapping = new MappingService(db, clock, {
    // The platform's live fields, read with the account's credentials; platforms without a catalogue offer none.
    remoteFields: async (connectionId) => {
      const c = connections.get(connectionId);
      const connector = accounts.connector(c.platform);
      if (!connector.fieldCatalogue) return [];
      return connector.fieldCatalogue({
        credentials: await accounts.credentials(c.accountId),
        settings: c.settings,
        account: { id: c.accountId, name: accounts.get(c.accountId).name },
        clock,
        logger,
        signal: new AbortController().signal,
      });
    },
    storeCountry: (storeId) => ensureCountryOf(db, stores, storeId),
  });
  const scripts = new ScriptService(db, stores, accounts, connections, clock);
  const tools = createToolHandlers({
    scripts,
    dir,
    db,
    bus,
    secrets,
    stores,
    events,
    mapping,
    realtime: (storeId) => webhooks.realtimeFor(storeId),
    afterImport: () => {
      privacy.suppression.forgetSalt(); // an import may bring the exporting workspace's salt
      bus.emit('stores:changed', { stores: stores.list() });
      bus.emit('accounts:changed', { accounts: accounts.list() });
      bus.emit('connections:changed', { connections: connections.list() });
      // Imported hook rows may be stale: check them against each store now rather than at the next interval
      // (failures are webhook.check_failed events; a workspace closed meanwhile has nothing left to check).
      void webhooks.checkAll().catch(() => undefined);
    },
  });
  const desktopSettings = new DesktopSettingsStore(dir);
  const handlers = createHandlers(
    {
      db,
      clock,
      bus,
      stores,
      accounts,
      connections,
      queue,
      engine,
      events,
      secrets,
      scripts,
      info: { version: APP_VERSION, workspaceDir: dir, host: opts.host },
      network: () => describeNetwork(desktopSettings.get().network),
    },
    tools,
    createPrivacyHandlers({ consent, privacy, clock }),
    createDesktopHandlers(desktopSettings),
  );
  return {
    dir,
    db,
    logger,
    bus,
    secrets,
    stores,
    accounts,
    connections,
    queue,
    events,
    engine,
    mapping,
    scheduler,
    webhooks,
    consent,
    privacy,
    desktopSettings,
    handlers,
    call: (channel, input) => dispatch(handlers, channel, input, logger) as never,
    callUnchecked: (channel, input) => dispatch(handlers, channel, input, logger),
    close: () => {
      void scheduler.dispose();
      void engine.close?.();
      events.close();
      db.close();
    },
    shutdown: async () => {
      await scheduler.dispose();
      await engine.close?.();
      events.close();
      db.close();
    },
  };
}

/** Waits `ms`, or less when the signal aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

// Runs in: Node (simulators, tests, demo workspace). Owns: startConnectifSim: wires the Connectif API
// routes, the simulator's /__sim/ routes and the kit server, and returns credentials and state accessors.
import { Router, startSimServer, type SimServer } from '../kit/index.js';
import { addContactRoutes } from './contacts.js';
import { addControlRoutes } from './control.js';
import { addCustomEventRoutes } from './custom-events.js';
import { httpError } from './errors.js';
import { addExportRoutes } from './exports.js';
import { addFileRoutes, FileStore } from './files.js';
import { Gate } from './gate.js';
import { addImportRoutes } from './imports.js';
import { JobRunner } from './jobs.js';
import type { ConnectifSimOptions } from './options.js';
import { addProductRoutes } from './products.js';
import { addPurchaseRoutes } from './purchases.js';
import { StoreState } from './state.js';

export type {
  ConnectifSimOptions,
  StoreOptions,
  ApiKeyOptions,
  FieldDef,
  CustomEventTypeDef,
  Scope,
} from './options.js';
export { allScopes, defaultAuthorizedDomains } from './options.js';
export type { StoreState } from './state.js';

export interface ConnectifCredentials {
  storeId: string;
  keyId: string;
  keySecret: string;
  /** The value Connectif's UI lets you copy: `KeyId:KeySecret`, sent as `Authorization: apiKey <apiKey>`. */
  apiKey: string;
}

export interface ConnectifSim {
  url: string;
  server: SimServer;
  /** The first key of the first store. */
  credentials: ConnectifCredentials;
  /** Every key of every store (one Connectif store per BigCommerce channel and currency). */
  allCredentials: ConnectifCredentials[];
  stores: StoreState[];
  /** A store by id; the first store by default. */
  store(id?: string): StoreState;
  /** Shortcuts into the first store. */
  contacts: StoreState['contacts'];
  products: StoreState['products'];
  readonly purchases: StoreState['purchases'];
  readonly customEvents: StoreState['customEvents'];
  reset(): void;
  close(): Promise<void>;
}

// Imports accept files up to 50 MB; a little more leaves room for the multipart envelope.
const MAX_BODY = 50 * 1024 * 1024 + 64 * 1024;

export async function startConnectifSim(options: ConnectifSimOptions = {}): Promise<ConnectifSim> {
  const now = options.now ?? Date.now;
  const stores = (options.stores ?? [{}]).map((s, i) => new StoreState(s, i));
  const first = stores[0];
  if (!first) throw new Error('startConnectifSim: stores must not be empty');
  const gate = new Gate(
    stores,
    {
      limit: options.rateLimit?.limit ?? 100,
      windowMs: options.rateLimit?.windowMs ?? 60_000,
      headers: options.rateLimit?.headers ?? true,
    },
    now,
  );
  const runner = new JobRunner(
    {
      mode: options.jobs?.mode ?? 'auto',
      startAfterMs: options.jobs?.startAfterMs ?? 20,
      runForMs: options.jobs?.runForMs ?? 50,
    },
    now,
  );
  const files = new FileStore(now);
  const doubleOptIn = options.doubleOptIn ?? false;

  const router = new Router();
  router.get(
    '/store',
    gate.wrap('store:read', (_req, { store }) => ({
      status: 200,
      body: {
        id: store.id,
        name: store.name,
        currency: store.currency,
        authorizedDomains: store.authorizedDomains,
      },
    })),
  );
  addContactRoutes(router, {
    gate,
    now,
    doubleOptIn,
    deletePath: options.contactDeletePath ?? '/contacts/:email',
  });
  addProductRoutes(router, gate, now);
  addPurchaseRoutes(router, { gate, now, duplicates: options.duplicatePurchases ?? 'store' });
  addCustomEventRoutes(router, gate, now);
  addImportRoutes(router, { gate, runner, files, now, doubleOptIn });
  addExportRoutes(router, { gate, runner, files, now });
  addFileRoutes(router, files, now);
  addControlRoutes(router, { stores, gate, runner, now });

  const reset = (): void => {
    for (const s of stores) s.reset();
    gate.resetLimits();
    files.clear();
  };
  const server = await startSimServer({
    name: 'connectif',
    router,
    port: options.port,
    maxBodyBytes: MAX_BODY,
    errors: {
      notFound: (req) => httpError(404, `Cannot ${req.method} ${req.path}`),
      methodNotAllowed: (req) => httpError(405, `Method ${req.method} not allowed on ${req.path}`),
      badJson: () => httpError(400, 'The request body is not valid JSON'),
      tooLarge: () => httpError(413, 'Request entity too large (maximum 50 MB)'),
      serverError: (status) => httpError(status, 'Unexpected error'),
    },
    onReset: reset,
    state: () => ({
      stores: stores.map((s) => ({
        id: s.id,
        contacts: s.contacts.size,
        products: s.products.size,
        purchases: s.purchases.length,
        customEvents: s.customEvents.length,
        jobs: s.jobs.map((j) => ({ id: j.id, kind: j.kind, status: j.status })),
      })),
    }),
  });

  const allCredentials = stores.flatMap((s) =>
    [...s.keys.values()].map((k) => ({
      storeId: s.id,
      keyId: k.id,
      keySecret: k.secret,
      apiKey: `${k.id}:${k.secret}`,
    })),
  );
  if (allCredentials.length === 0) throw new Error('startConnectifSim: give at least one store an API key');
  return {
    get url() {
      return server.url;
    },
    server,
    credentials: allCredentials[0]!,
    allCredentials,
    stores,
    store(id?: string) {
      const s = id === undefined ? first : stores.find((x) => x.id === id);
      if (!s) throw new Error(`no simulated Connectif store ${id ?? ''}`);
      return s;
    },
    contacts: first.contacts,
    products: first.products,
    get purchases() {
      return first.purchases;
    },
    get customEvents() {
      return first.customEvents;
    },
    reset,
    close: () => server.close(),
  };
}

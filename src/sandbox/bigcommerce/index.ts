// Runs in: Node (tests, CLI, demo workspace). Owns: startBigCommerceSim(), a multi-store simulator of the
// BigCommerce REST API (v2 and v3) on 127.0.0.1, built on the simulator kit.
import { Router, startSimServer, type SimServer } from '../kit/index.js';
import { ShopperActivity, type ActivityOptions } from './activity.js';
import { Api } from './api.js';
import { errorFor } from './errors.js';
import { cartRoutes } from './routes/carts.js';
import { catalogRoutes } from './routes/catalog.js';
import { customerExtraRoutes } from './routes/customer-extras.js';
import { customerRoutes } from './routes/customers.js';
import { hookRoutes } from './routes/hooks.js';
import { infoRoutes } from './routes/info.js';
import { orderRoutes } from './routes/orders.js';
import { scriptRoutes } from './routes/scripts.js';
import { subscriberRoutes } from './routes/subscribers.js';
import { seedStore, type SeedData, type SeedOptions } from './seed/index.js';
import { simRoutes, type SimStoreHandle } from './sim-routes.js';
import { StoreState, type TokenSpec } from './store.js';
import { WebhookDispatcher, type WebhookOptions } from './webhooks.js';

export { seedStore, type SeedOptions, type SeedData } from './seed/index.js';
export { ShopperActivity, type ActivityOptions, type ActivityEvent } from './activity.js';
export { RETRY_SCHEDULE_S, type WebhookPayload, type Delivery } from './webhooks.js';
export { ALL_SCOPES } from './api.js';
export type { TokenSpec } from './store.js';

export interface StoreOptions {
  hash: string;
  /** Default: one token `tok-{hash}` with every scope. */
  tokens?: TokenSpec[];
  /** Seed options, or data already made by seedStore(). Default: a 100-customer store with seed 1. */
  seed?: SeedOptions | SeedData;
  /** Requests per window, shared by every token of the store. Default 150. */
  quota?: number;
  /** Default 30,000 ms. */
  windowMs?: number;
  activity?: ActivityOptions;
  /** The store's own country, ISO 3166-1 alpha-2, as `GET /v2/store` gives it. Default US. */
  countryCode?: string;
}

export interface BigCommerceSimOptions {
  stores?: StoreOptions[];
  port?: number;
  now?: () => number;
  webhooks?: WebhookOptions;
}

export interface SimStoreControl {
  hash: string;
  token: string;
  apiBaseUrl: string;
  state: StoreState;
  activity: ShopperActivity;
  webhooks: WebhookDispatcher;
}

export interface BigCommerceSim {
  url: string;
  server: SimServer;
  stores: Array<{ hash: string; token: string; apiBaseUrl: string }>;
  control: Record<string, SimStoreControl>;
  close(): Promise<void>;
}

const isSeedData = (s: SeedOptions | SeedData | undefined): s is SeedData =>
  !!s && 'customers' in s && typeof s.customers === 'object';

export async function startBigCommerceSim(options: BigCommerceSimOptions = {}): Promise<BigCommerceSim> {
  const now = options.now ?? Date.now;
  const storeOpts = options.stores ?? [{ hash: 'abc123' }];
  const router = new Router();
  const handles = new Map<string, SimStoreHandle>();
  const states = new Map<string, StoreState>();

  const build = (o: StoreOptions, index: number): SimStoreHandle => {
    const tokens = o.tokens ?? [{ token: `tok-${o.hash}` }];
    const seed = isSeedData(o.seed) ? o.seed : seedStore(o.seed ?? {});
    const state = new StoreState(
      o.hash,
      1_000_000 + index,
      tokens,
      seed,
      now,
      o.quota ?? 150,
      o.windowMs ?? 30_000,
    );
    if (o.countryCode) state.countryCode = o.countryCode.toUpperCase();
    const webhooks = new WebhookDispatcher(state, options.webhooks);
    const activity = new ShopperActivity(state, o.activity);
    return { state, webhooks, activity };
  };
  storeOpts.forEach((o, i) => {
    if (handles.has(o.hash)) throw new Error(`startBigCommerceSim: store hash ${o.hash} is listed twice`);
    const h = build(o, i);
    handles.set(o.hash, h);
    states.set(o.hash, h.state);
  });

  const api = new Api(router, states);
  customerExtraRoutes(api);
  subscriberRoutes(api);
  customerRoutes(api);
  orderRoutes(api);
  catalogRoutes(api);
  infoRoutes(api);
  hookRoutes(api);
  cartRoutes(api);
  scriptRoutes(api);
  simRoutes(router, handles);

  const server = await startSimServer({
    name: 'bigcommerce',
    router,
    port: options.port,
    errors: {
      notFound: (req) => errorFor(req.path, 404, 'The requested resource was not found.'),
      methodNotAllowed: (req) =>
        errorFor(req.path, 405, 'The requested method is not allowed for this resource.'),
      badJson: (req) => errorFor(req.path, 400, 'The request body is not valid JSON.'),
      tooLarge: (req) => errorFor(req.path, 413, 'The request body is too large.'),
      serverError: (status) => ({
        status,
        body: {
          status,
          title: 'Internal Server Error',
          type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes',
        },
      }),
    },
    // Reset rebuilds every store from its seed: records, hooks, carts and quota.
    onReset: () => {
      storeOpts.forEach((o, i) => {
        const old = handles.get(o.hash)!;
        old.activity.stop();
        void old.webhooks.close();
        const h = build(o, i);
        handles.set(o.hash, h);
        states.set(o.hash, h.state);
        Object.assign(control[o.hash]!, { state: h.state, activity: h.activity, webhooks: h.webhooks });
      });
    },
    state: () => ({
      stores: [...handles.values()].map((h) => ({
        hash: h.state.hash,
        counts: h.state.counts(),
        quota: h.state.limiter.state(),
      })),
    }),
  });

  const control: Record<string, SimStoreControl> = {};
  for (const o of storeOpts) {
    const h = handles.get(o.hash)!;
    const token = h.state.tokens[0]?.token ?? '';
    control[o.hash] = { hash: o.hash, token, apiBaseUrl: `${server.url}/stores/${o.hash}`, ...h };
  }
  return {
    url: server.url,
    server,
    stores: storeOpts.map((o) => ({
      hash: o.hash,
      token: control[o.hash]!.token,
      apiBaseUrl: control[o.hash]!.apiBaseUrl,
    })),
    control,
    async close() {
      for (const h of handles.values()) {
        h.activity.stop();
        await h.webhooks.close();
      }
      await server.close();
    },
  };
}

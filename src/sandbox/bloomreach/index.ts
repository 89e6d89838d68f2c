// Runs in: Node (simulators, tests, demo workspace). Owns: startBloomreachSim, which wires the Bloomreach
// Engagement simulator (tracking, customer/GDPR and catalog APIs) onto the simulator kit.
import { Router, startSimServer, type SimResponse, type SimServer } from '../kit/index.js';
import { Auth } from './auth.js';
import { CatalogStore } from './catalog-store.js';
import { addCatalogRoutes } from './catalog.js';
import type { Ctx } from './context.js';
import { addDataRoutes } from './data.js';
import { authError, batchError, commandError, notFoundUrl, withRequestId } from './errors.js';
import { resolveOptions, type BloomreachSimOptions, type PrivateKey, type PublicToken } from './options.js';
import { Jobs, WriteQueue } from './queue.js';
import { addSimRoutes, describeCustomer } from './sim-routes.js';
import { CustomerStore, type StoredEvent } from './store.js';
import { addTrackingRoutes } from './tracking.js';
import { checkCustomerIds } from './validate.js';

export type { BloomreachSimOptions, Permission, PrivateKey, PublicToken, IdType } from './options.js';

export interface BloomreachCredentials {
  /** The instance base URL (the simulator's own). */
  baseUrl: string;
  projectToken: string;
  privateKey: PrivateKey;
  publicToken: PublicToken;
  /** Every key and token the simulator accepts. */
  privateKeys: PrivateKey[];
  publicTokens: PublicToken[];
}

export interface BloomreachSim {
  url: string;
  credentials: BloomreachCredentials;
  server: SimServer;
  /** Customers as /__sim/customers shows them (queued writes that are due applied first). */
  customers(): Array<Record<string, unknown>>;
  findCustomer(customerIds: Record<string, string>): Record<string, unknown> | undefined;
  events(type?: string): StoredEvent[];
  /** Applies every queued write now. */
  flush(): number;
  ctx: Ctx;
  reset(): void;
  close(): Promise<void>;
}

/** Bodies for the failures the kit detects before a route runs, in Bloomreach's shapes. */
function kitErrors() {
  const isBatch = (path: string) => path.endsWith('/batch');
  return {
    notFound: () => withRequestId(notFoundUrl()),
    methodNotAllowed: (): SimResponse =>
      withRequestId(authError(405, 'The method is not allowed for the requested URL.')),
    badJson: (req: { path: string }): SimResponse =>
      withRequestId(isBatch(req.path) ? batchError('Invalid JSON') : commandError(400, 'Invalid JSON')),
    tooLarge: (): SimResponse => withRequestId(authError(413, 'Request entity too large')),
    serverError: (status: number): SimResponse => withRequestId(authError(status, 'Internal server error')),
  };
}

export async function startBloomreachSim(options: BloomreachSimOptions = {}): Promise<BloomreachSim> {
  const opts = resolveOptions(options);
  const store = new CustomerStore(opts.now);
  const queue = new WriteQueue(opts.writeDelayMs, opts.now);
  const ctx: Ctx = {
    opts,
    auth: new Auth(opts),
    store,
    catalogs: new CatalogStore(),
    queue,
    jobs: new Jobs(opts.jobDelayMs, opts.now, (job) => {
      job.results = job.customers.map((entry) => {
        const e = entry as Record<string, unknown>;
        const ids = checkCustomerIds(e['customer_ids'], opts.idTypes);
        const found =
          typeof e['internal_id'] === 'string'
            ? store.customers.get(e['internal_id'])
            : ids.ok
              ? store.find(ids.value)
              : undefined;
        if (!found) return { error: 'Customer does not exist' };
        store.anonymize(found, opts.piiProperties);
        return { internalId: found.internalId };
      });
    }),
    limiters: new Map(),
    forceRateLimited: false,
    rejectedByRateLimit: 0,
  };

  const router = new Router();
  addTrackingRoutes(router, ctx);
  addDataRoutes(router, ctx);
  addCatalogRoutes(router, ctx);
  addSimRoutes(router, ctx);

  const reset = (): void => {
    store.clear();
    queue.clear();
    ctx.catalogs.clear();
    ctx.jobs.clear();
    ctx.auth.reset();
    ctx.limiters.clear();
    ctx.forceRateLimited = false;
    ctx.rejectedByRateLimit = 0;
  };

  const server = await startSimServer({
    name: 'bloomreach',
    router,
    port: opts.port,
    // A batch holds up to 50 messages of < 800 KB each.
    maxBodyBytes: 50 * 800 * 1024 + 64 * 1024,
    errors: kitErrors(),
    onReset: reset,
    state: () => {
      queue.drain();
      return {
        projectToken: opts.projectToken,
        customers: store.customers.size,
        events: store.events.length,
        queuedWrites: queue.size,
        catalogs: ctx.catalogs.catalogs.size,
        jobs: ctx.jobs.all.size,
        rejectedByRateLimit: ctx.rejectedByRateLimit,
      };
    },
  });

  const [privateKey] = opts.privateKeys;
  const [publicToken] = opts.publicTokens;
  if (!privateKey || !publicToken)
    throw new Error('Bloomreach simulator needs at least one private key and one public token');

  return {
    get url() {
      return server.url;
    },
    get credentials() {
      return {
        baseUrl: server.url,
        projectToken: opts.projectToken,
        privateKey,
        publicToken,
        privateKeys: opts.privateKeys,
        publicTokens: opts.publicTokens,
      };
    },
    server,
    ctx,
    customers: () => {
      queue.drain();
      return [...store.customers.values()].sort((a, b) => a.seq - b.seq).map((c) => describeCustomer(ctx, c));
    },
    findCustomer: (customerIds) => {
      queue.drain();
      const ids = checkCustomerIds(customerIds, opts.idTypes);
      const c = ids.ok ? store.find(ids.value) : undefined;
      return c ? describeCustomer(ctx, c) : undefined;
    },
    events: (type) => {
      queue.drain();
      return store.events.filter((e) => type === undefined || e.type === type);
    },
    flush: () => queue.drain(true),
    reset,
    close: () => server.close(),
  };
}

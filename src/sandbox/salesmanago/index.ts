// Runs in: Node (simulators). Owns: startSalesmanagoSim: the SALESmanago simulator (v2 JSON-over-POST API
// on www/app1/app2/app3-style bases, v3 product API with the API-KEY header) on the simulator kit.
import { Router, startSimServer, type SimServer } from '../kit/index.js';
import { salesmanagoErrors } from './errors.js';
import { RateGate } from './gate.js';
import { JobRunner } from './jobs.js';
import { knownServers, resolveOptions, type AccountOption, type SalesmanagoSimOptions } from './options.js';
import { addSimRoutes } from './sim-routes.js';
import { AccountStore, type Catalog, type Contact, type ExtEvent, type Job, type Product } from './store.js';
import { signature } from './v2/auth.js';
import { handleV2, type V2Deps } from './v2/index.js';
import { catalogList, catalogUpsert } from './v3/catalogs.js';
import { productWriter } from './v3/products.js';

export type { SalesmanagoSimOptions, AccountOption } from './options.js';
export type { Contact, ExtEvent, Catalog, Product, Job } from './store.js';
export { signature } from './v2/auth.js';
export { defaultAccount } from './options.js';

export interface SalesmanagoCredentials {
  clientId: string;
  apiSecret: string;
  /** The main owner (account user) to send as `owner`. */
  owner: string;
  owners: string[];
  server: string;
  /** v2 base for this account's server: POST `${endpoint}/contact/upsert`. */
  endpoint: string;
  /** v3 base (stands for https://api.salesmanago.com): `${v3Url}/v3/product/upsert`. */
  v3Url: string;
  v3ApiKey: string;
}

export interface SalesmanagoSim {
  url: string;
  /** v2 base of each server name (`${url}/app2/api`); only the account's own server authenticates it. */
  serverUrls: Record<string, string>;
  /** The first account's credentials; `accounts` has all of them. */
  credentials: SalesmanagoCredentials;
  accounts: SalesmanagoCredentials[];
  /** A correct `sha` for an apiKey of the caller's choice. */
  sha(apiKey: string, clientId?: string): string;
  contacts(clientId?: string): Contact[];
  contact(email: string, clientId?: string): Contact | undefined;
  events(clientId?: string): ExtEvent[];
  catalogs(clientId?: string): Catalog[];
  products(clientId?: string): Product[];
  jobs(clientId?: string): Job[];
  finishJob(requestId: string, clientId?: string): Job | undefined;
  failJob(requestId: string, message: string, clientId?: string): Job | undefined;
  server: SimServer;
  close(): Promise<void>;
}

export async function startSalesmanagoSim(options: SalesmanagoSimOptions = {}): Promise<SalesmanagoSim> {
  const opts = resolveOptions(options);
  const stores = new Map(opts.accounts.map((a) => [a.clientId, new AccountStore(a)]));
  const gate = new RateGate(opts);
  const jobs = new JobRunner(opts);
  const servers = new Set<string>([...knownServers, ...opts.accounts.map((a) => a.server)]);
  const v2: V2Deps = { opts, jobs, stores, gate, servers };
  const v3 = { stores, gate };

  const router = new Router();
  addSimRoutes(router, { stores, jobs, opts });
  router.post('/api/*', (req) => handleV2(req, v2));
  router.post('/:server/api/*', (req) => handleV2(req, v2));
  router.get('/v3/product/catalogList', (req) => catalogList(req, v3));
  router.post('/v3/product/catalogUpsert', (req) => catalogUpsert(req, v3));
  router.post('/v3/product/upsert', (req) =>
    productWriter('upsert', opts.maxBatchProducts, opts.now)(req, v3),
  );
  router.post('/v3/product/updateQuantity', (req) =>
    productWriter('quantity', opts.maxBatchProducts, opts.now)(req, v3),
  );
  router.post('/v3/product/updatePrice', (req) =>
    productWriter('price', opts.maxBatchProducts, opts.now)(req, v3),
  );

  const server = await startSimServer({
    name: 'salesmanago',
    router,
    port: options.port,
    maxBodyBytes: options.maxBodyBytes,
    errors: salesmanagoErrors,
    onReset: () => {
      for (const s of stores.values()) s.reset();
      gate.reset();
    },
    state: () => ({
      accounts: [...stores.values()].map((s) => ({
        clientId: s.account.clientId,
        server: s.account.server,
        active: s.active,
        contacts: s.contacts.size,
        events: s.events.size,
        catalogs: s.catalogs.size,
        products: s.products.size,
        pendingJobs: [...s.jobs.values()].filter((j) => j.status === 'pending').length,
        rateLimitRemaining: gate.remaining(s.account.clientId) ?? null,
      })),
    }),
  });

  const storeOf = (clientId?: string): AccountStore => {
    const s = clientId === undefined ? stores.values().next().value : stores.get(clientId);
    if (!s) throw new Error(`SALESmanago simulator: no account ${clientId}`);
    return s;
  };
  const creds = (a: AccountOption): SalesmanagoCredentials => ({
    clientId: a.clientId,
    apiSecret: a.apiSecret,
    owner: a.owners[0]!,
    owners: [...a.owners],
    server: a.server,
    endpoint: `${server.url}/${a.server}/api`,
    v3Url: server.url,
    v3ApiKey: a.v3ApiKeys[0] ?? '',
  });
  const accounts = opts.accounts.map(creds);

  return {
    get url() {
      return server.url;
    },
    serverUrls: Object.fromEntries([...servers].map((s) => [s, `${server.url}/${s}/api`])),
    credentials: accounts[0]!,
    accounts,
    sha: (apiKey, clientId) => {
      const a = storeOf(clientId).account;
      return signature(apiKey, a.clientId, a.apiSecret);
    },
    contacts: (id) => [...storeOf(id).contacts.values()],
    contact: (email, id) => storeOf(id).findByEmail(email),
    events: (id) => [...storeOf(id).events.values()],
    catalogs: (id) => [...storeOf(id).catalogs.values()],
    products: (id) => [...storeOf(id).products.values()],
    jobs: (id) => [...storeOf(id).jobs.values()],
    finishJob: (requestId, id) => jobs.finish(storeOf(id), requestId),
    failJob: (requestId, message, id) => jobs.fail(storeOf(id), requestId, message),
    server,
    async close() {
      jobs.close();
      await server.close();
    },
  };
}

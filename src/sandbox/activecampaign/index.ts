// Runs in: Node (simulators, CLI sandbox, tests). Owns: startActiveCampaignSim, the ActiveCampaign API v3 simulator.
import { Router, SimControl, startSimServer, type SimServer } from '../kit/index.js';
import { Accounts } from './accounts.js';
import { buildApi, FORBIDDEN } from './api.js';
import { resolveOptions, type AcAccount, type AcSimOptions } from './options.js';
import { SimActions } from './sim-actions.js';
import { simRoutes } from './sim-routes.js';
import { snapshot, type Snapshot } from './snapshot.js';

export type { AcAccount, AcSimOptions } from './options.js';
export type { Snapshot } from './snapshot.js';

export interface AcCredentials {
  accounts: Array<AcAccount & { apiUrl: string }>;
  /** The first account's API root and first key: enough for most tests and the demo workspace. */
  apiUrl: string;
  apiKey: string;
}

export interface ActiveCampaignSim {
  url: string;
  credentials: AcCredentials;
  server: SimServer;
  control: SimControl;
  /** Every implemented route as `METHOD /pattern` under /api/3. */
  routes: string[];
  /** A plain copy of one account's records (the first account by default). */
  state(account?: string): Snapshot;
  actions: SimActions;
  reset(): void;
  close(): Promise<void>;
}

const shaped = (status: number, message: string) => ({ status, body: { message } });

export async function startActiveCampaignSim(options: AcSimOptions = {}): Promise<ActiveCampaignSim> {
  const opts = resolveOptions(options);
  let baseUrl = '';
  const accounts = new Accounts(opts, () => baseUrl);
  const api = buildApi(opts, accounts);
  const actions = new SimActions(accounts);
  const router = new Router();
  for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH']) {
    router.add(method, '/api/3/*', (req) => api.handle(req));
    router.add(method, '/:account/api/3/*', (req) =>
      accounts.get(req.params['account']) ? api.handle(req, req.params['account']) : FORBIDDEN,
    );
  }
  simRoutes(router, accounts, actions);

  const server = await startSimServer({
    name: 'activecampaign',
    router,
    port: opts.port,
    errors: {
      notFound: (req) => shaped(404, `No route found for ${req.method} ${req.path}`),
      badJson: () => shaped(400, 'The request body is not valid JSON'),
      tooLarge: () => shaped(413, 'The request body is too large'),
      serverError: (status) =>
        shaped(status, status === 503 ? 'Service Unavailable' : 'Internal Server Error'),
    },
    onReset: () => accounts.reset(),
    state: () => ({
      accounts: accounts.all().map((a) => ({
        name: a.config.name,
        contacts: a.store.contacts.size,
        orders: a.store.ecomOrders.size,
        customers: a.store.ecomCustomers.size,
        automationEvents: a.store.automationEvents.length,
      })),
    }),
  });
  baseUrl = server.url;

  const credentials = (): AcCredentials => {
    const list = opts.accounts.map((a) => ({ ...a, apiUrl: accounts.apiUrl(a.name) }));
    return { accounts: list, apiUrl: list[0]!.apiUrl, apiKey: list[0]!.apiKeys[0] ?? '' };
  };

  return {
    get url() {
      return server.url;
    },
    get credentials() {
      return credentials();
    },
    server,
    control: new SimControl(server.url),
    routes: api.routes,
    state(account?: string) {
      const a = accounts.get(account);
      if (!a) throw new Error(`ActiveCampaign simulator: no account named ${String(account)}`);
      return snapshot(accounts.ctx(a));
    },
    actions,
    reset() {
      server.faults.clear();
      server.requests.length = 0;
      accounts.reset();
    },
    close: () => server.close(),
  };
}

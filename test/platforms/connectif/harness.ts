// Runs in: vitest. Owns: one Connectif connection wired to the real engine pieces (SQLite queue, drain loop,
// token bucket, breaker) and to a running Connectif simulator with the store's custom fields and cart event.
import type { StagedRecord } from '../../../src/main/engine/connector.js';
import type { ConnectionRuntime } from '../../../src/main/engine/deliver/drain.js';
import type { JobQueue } from '../../../src/main/engine/queue/job-queue.js';
import {
  connectifSettingsSchema,
  createConnectifConnector,
  type ConnectifConnector,
  type ConnectifCredentials,
  type ConnectifSettings,
  type ConnectifSettingsInput,
} from '../../../src/main/platforms/connectif/index.js';
import {
  startConnectifSim,
  type ConnectifSim,
  type ConnectifSimOptions,
  type StoreOptions,
} from '../../../src/sandbox/connectif/index.js';
import { engineRig } from '../shared/engine-rig.js';
import { CDN, STORE_URL } from './fixtures.js';

export const CART_ALIAS = 'bc-cart-abandoned';

/** Connectif's default address fields, plus two the Customers tab maps form fields to. */
export const simStore: StoreOptions = {
  authorizedDomains: ['http://127.0.0.1', 'https://*.mybigcommerce.com', CDN],
  customFields: [
    ...['street', 'city', 'state', 'country', 'zip'].map((id) => ({ id, type: 'text' as const })),
    { id: 'fav_colour', type: 'text' },
    {
      id: 'interests',
      type: 'checkbox',
      options: [
        { id: '0', label: 'Coffee' },
        { id: '1', label: 'Tea' },
        { id: '2', label: 'Books' },
      ],
    },
  ],
  customEventTypes: [
    {
      alias: CART_ALIAS,
      fields: [
        { id: 'email', type: 'email', isPrimaryKey: true },
        { id: 'cartId', type: 'text' },
        { id: 'cartRecoveryUrl', type: 'text' },
        { id: 'totalPrice', type: 'number' },
        { id: 'totalQuantity', type: 'integer' },
        { id: 'productIds', type: 'text' },
      ],
    },
  ],
};

export const baseSettings: ConnectifSettingsInput = {
  storeUrl: STORE_URL,
  formFields: [
    { formField: 'Favourite colour', fieldId: 'fav_colour' },
    { formField: 'Interests', fieldId: 'interests', type: 'checkbox', options: ['Coffee', 'Tea', 'Books'] },
  ],
  cartEvent: { alias: CART_ALIAS },
  requestsPerMinute: 60_000,
  timeoutMs: 400,
};

export interface Harness {
  sim: ConnectifSim;
  queue: JobQueue;
  connector: ConnectifConnector;
  settings: ConnectifSettings;
  ctx: ConnectionRuntime['ctx'] & { credentials: ConnectifCredentials; settings: ConnectifSettings };
  events: Array<{ type: string; message: string }>;
  enqueue(records: StagedRecord[], historical: boolean): ReturnType<JobQueue['enqueue']>;
  /** Drains until nothing is queued or leased (retries included), or fails after `ms`. */
  drainAll(ms?: number): Promise<{ delivered: number; dead: number; rounds: number }>;
  /** The simulator's own view, through its /__sim/ routes. */
  simGet<T>(path: string): Promise<T>;
  close(): Promise<void>;
}

export async function harness(
  o: { sim?: ConnectifSimOptions; settings?: Partial<ConnectifSettingsInput>; apiKey?: string } = {},
): Promise<Harness> {
  const sim = await startConnectifSim({
    stores: [simStore],
    rateLimit: { limit: 100_000, windowMs: 60_000 },
    ...o.sim,
  });
  const connector = createConnectifConnector({ exportPollMs: 20, exportMaxWaitMs: 5_000 });
  const settings = connectifSettingsSchema.parse({ ...baseSettings, ...o.settings });
  const rig = engineRig(connector, {
    credentials: { apiUrl: sim.url, apiKey: o.apiKey ?? sim.credentials.apiKey },
    settings,
    account: { id: 'acct-1', name: 'Connectif' },
  });
  return {
    ...rig,
    sim,
    connector,
    settings,
    async simGet<T>(path: string) {
      const res = await fetch(sim.url + path);
      return (await res.json()) as T;
    },
    async close() {
      rig.close();
      await sim.close();
    },
  };
}

// Runs in: vitest. Owns: one Connectif connection wired to the real engine pieces (SQLite queue, drain loop,
// token bucket, breaker) and to a running Connectif simulator with the store's custom fields and cart event.
import { systemClock } from '../../../src/main/core/clock.js';
import { silentLogger } from '../../../src/main/core/logger.js';
import { CircuitBreaker } from '../../../src/main/engine/circuit-breaker.js';
import type { Connector, StagedRecord } from '../../../src/main/engine/connector.js';
import {
  drainConnection,
  type ConnectionRuntime,
  type DrainDeps,
} from '../../../src/main/engine/deliver/drain.js';
import { JobQueue } from '../../../src/main/engine/queue/job-queue.js';
import { TokenBucket } from '../../../src/main/engine/rate-limiter.js';
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
import { engineDb } from '../../support/engine-db.js';
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

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

export async function harness(
  o: { sim?: ConnectifSimOptions; settings?: Partial<ConnectifSettingsInput>; apiKey?: string } = {},
): Promise<Harness> {
  const sim = await startConnectifSim({
    stores: [simStore],
    rateLimit: { limit: 100_000, windowMs: 60_000 },
    ...o.sim,
  });
  const db = engineDb();
  const queue = new JobQueue(db, { baseMs: 5, maxMs: 50, maxAttempts: 10 }, () => 0);
  const connector = createConnectifConnector({ exportPollMs: 20, exportMaxWaitMs: 5_000 });
  const settings = connectifSettingsSchema.parse({ ...baseSettings, ...o.settings });
  const abort = new AbortController();
  const ctx = {
    credentials: { apiUrl: sim.url, apiKey: o.apiKey ?? sim.credentials.apiKey },
    settings,
    account: { id: 'acct-1', name: 'Connectif' },
    clock: systemClock,
    logger: silentLogger,
    signal: abort.signal,
  };
  const events: Harness['events'] = [];
  const rt: ConnectionRuntime = {
    connectionId: 'conn-a',
    storeId: 'store-1',
    connector: connector as unknown as Connector<unknown, unknown>,
    ctx,
    bucket: new TokenBucket({ perSecond: 1e6, burst: 1e6 }, systemClock),
    breaker: new CircuitBreaker(systemClock, { threshold: 1, firstProbeMs: 20, maxProbeMs: 100 }),
  };
  const deps: DrainDeps = {
    queue,
    events: { append: (...e) => (events.push(...e), []) },
    clock: systemClock,
    sleep,
    owner: 'test',
    leaseMs: 60_000,
  };
  return {
    sim,
    queue,
    connector,
    settings,
    ctx,
    events,
    enqueue: (records, historical) =>
      queue.enqueue(
        'conn-a',
        records.flatMap((r) =>
          connector.plan({ ...r, historical }, { settings, connectionId: 'conn-a', storeId: 'store-1' }),
        ),
        historical,
        Date.now(),
      ),
    async drainAll(ms = 15_000) {
      const until = Date.now() + ms;
      const total = { delivered: 0, dead: 0, rounds: 0 };
      for (;;) {
        const out = await drainConnection(rt, deps, abort.signal);
        total.delivered += out.delivered;
        total.dead += out.dead;
        total.rounds++;
        const s = queue.stats('conn-a');
        if (s.queued === 0 && s.leased === 0) return total;
        if (Date.now() > until)
          throw new Error(
            `queue not drained: ${JSON.stringify(s)}; last events: ${JSON.stringify(events.slice(-5))}`,
          );
        await sleep(10);
      }
    },
    async simGet<T>(path: string) {
      const res = await fetch(sim.url + path);
      return (await res.json()) as T;
    },
    async close() {
      abort.abort();
      db.close();
      await sim.close();
    },
  };
}

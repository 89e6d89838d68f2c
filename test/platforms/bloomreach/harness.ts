// Runs in: vitest. Owns: one Bloomreach connection wired to the real engine pieces (SQLite queue, drain loop,
// token bucket, breaker) and to a running Bloomreach Engagement simulator.
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
  bloomreachSettingsSchema,
  createBloomreachConnector,
  type BloomreachConnector,
  type BloomreachCredentials,
  type BloomreachSettings,
  type BloomreachSettingsInput,
} from '../../../src/main/platforms/bloomreach/index.js';
import {
  startBloomreachSim,
  type BloomreachSim,
  type BloomreachSimOptions,
} from '../../../src/sandbox/bloomreach/index.js';
import { engineDb } from '../../support/engine-db.js';
import { STORE_URL } from './fixtures.js';

export const baseSettings: BloomreachSettingsInput = {
  storeUrl: STORE_URL,
  requestsPerMinute: 60_000,
  timeoutMs: 400,
};

export interface Harness {
  sim: BloomreachSim;
  queue: JobQueue;
  connector: BloomreachConnector;
  settings: BloomreachSettings;
  ctx: ConnectionRuntime['ctx'] & { credentials: BloomreachCredentials; settings: BloomreachSettings };
  events: Array<{ type: string; message: string }>;
  enqueue(records: StagedRecord[], historical: boolean): ReturnType<JobQueue['enqueue']>;
  /** Drains until nothing is queued or leased (retries included), or fails after `ms`. */
  drainAll(ms?: number): Promise<{ delivered: number; dead: number; rounds: number }>;
  /** The simulator's own view, through its /__sim/ routes. */
  simGet<T>(path: string): Promise<T>;
  simPost<T>(path: string, body: unknown): Promise<T>;
  close(): Promise<void>;
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

export async function harness(
  o: {
    sim?: BloomreachSimOptions;
    settings?: Partial<BloomreachSettingsInput>;
    credentials?: Partial<BloomreachCredentials>;
  } = {},
): Promise<Harness> {
  const sim = await startBloomreachSim({ rateLimit: { limit: 100_000, windowMs: 60_000 }, ...o.sim });
  const db = engineDb();
  const queue = new JobQueue(db, { baseMs: 5, maxMs: 50, maxAttempts: 10 }, () => 0);
  const connector = createBloomreachConnector();
  const settings = bloomreachSettingsSchema.parse({ ...baseSettings, ...o.settings });
  const abort = new AbortController();
  const ctx = {
    credentials: {
      baseUrl: sim.url,
      projectToken: sim.credentials.projectToken,
      apiKeyId: sim.credentials.privateKey.keyId,
      apiSecret: sim.credentials.privateKey.secret,
      ...o.credentials,
    },
    settings,
    account: { id: 'acct-1', name: 'Bloomreach' },
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
  const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
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
    simGet: async (path) => json(await fetch(sim.url + path)),
    simPost: async (path, body) =>
      json(
        await fetch(sim.url + path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      ),
    async close() {
      abort.abort();
      db.close();
      await sim.close();
    },
  };
}

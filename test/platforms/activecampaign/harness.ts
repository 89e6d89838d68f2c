// Runs in: vitest. Owns: one ActiveCampaign connection wired to the real engine pieces (SQLite queue, drain
// loop, token bucket, breaker) and to a running ActiveCampaign simulator.
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
  acSettingsSchema,
  createActiveCampaignConnector,
  type AcCredentials,
  type AcSettings,
  type ActiveCampaignConnector,
} from '../../../src/main/platforms/activecampaign/index.js';
import type { AcSettingsInput } from '../../../src/main/platforms/activecampaign/schemas.js';
import {
  startActiveCampaignSim,
  type AcSimOptions,
  type ActiveCampaignSim,
} from '../../../src/sandbox/activecampaign/index.js';
import { engineDb } from '../../support/engine-db.js';

export interface Harness {
  sim: ActiveCampaignSim;
  queue: JobQueue;
  connector: ActiveCampaignConnector;
  settings: AcSettings;
  ctx: ConnectionRuntime['ctx'] & { credentials: AcCredentials; settings: AcSettings };
  events: Array<{ type: string; message: string }>;
  enqueue(records: StagedRecord[], historical: boolean): ReturnType<JobQueue['enqueue']>;
  /** Drains until nothing is queued or leased (retries included), or fails after `ms`. */
  drainAll(ms?: number): Promise<{ delivered: number; dead: number; rounds: number }>;
  close(): Promise<void>;
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

export async function harness(
  o: { sim?: AcSimOptions; settings?: Partial<AcSettingsInput>; sharedSim?: ActiveCampaignSim } = {},
): Promise<Harness> {
  const sim = o.sharedSim ?? (await startActiveCampaignSim({ rateLimit: 1000, ...o.sim }));
  const db = engineDb();
  const queue = new JobQueue(db, { baseMs: 5, maxMs: 50, maxAttempts: 10 }, () => 0);
  const connector = createActiveCampaignConnector();
  const settings = acSettingsSchema.parse({
    storeUrl: 'https://shop.example.com',
    requestsPerSecond: 400,
    timeoutMs: 400,
    ...o.settings,
  });
  const abort = new AbortController();
  const ctx = {
    credentials: { apiUrl: sim.credentials.apiUrl, apiKey: sim.credentials.apiKey },
    settings,
    account: { id: 'acct-1', name: 'AC' },
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
    async close() {
      abort.abort();
      db.close();
      if (!o.sharedSim) await sim.close();
    },
  };
}

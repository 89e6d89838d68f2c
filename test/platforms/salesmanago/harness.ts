// Runs in: vitest. Owns: one SALESmanago simulator and one engine (real SQLite queue, token bucket, breaker,
// drain loop) sharing a manual clock, plus helpers to plan, enqueue, drain until settled and read sim state.
import { afterEach } from 'vitest';
import { ManualClock } from '../../../src/main/core/clock.js';
import { silentLogger } from '../../../src/main/core/logger.js';
import { CircuitBreaker } from '../../../src/main/engine/circuit-breaker.js';
import type { Connector, ConnectorContext, StagedRecord } from '../../../src/main/engine/connector.js';
import {
  drainConnection,
  type ConnectionRuntime,
  type DrainDeps,
} from '../../../src/main/engine/deliver/drain.js';
import { JobQueue } from '../../../src/main/engine/queue/job-queue.js';
import { TokenBucket } from '../../../src/main/engine/rate-limiter.js';
import {
  createSalesmanagoConnector,
  type SalesmanagoConnector,
  type SalesmanagoCredentials,
  type SalesmanagoSettings,
  type SalesmanagoSettingsInput,
  salesmanagoSettingsSchema,
} from '../../../src/main/platforms/salesmanago/index.js';
import type { Db } from '../../../src/main/storage/db.js';
import { SimControl } from '../../../src/sandbox/kit/index.js';
import {
  type SalesmanagoSim,
  type SalesmanagoSimOptions,
  startSalesmanagoSim,
} from '../../../src/sandbox/salesmanago/index.js';
import { engineDb } from '../../support/engine-db.js';

const open: Array<{ sim: SalesmanagoSim; db: Db }> = [];
afterEach(async () => {
  while (open.length) {
    const h = open.pop()!;
    h.db.close();
    await h.sim.close();
  }
});

export type Ctx = ConnectorContext<SalesmanagoCredentials, SalesmanagoSettings>;

export interface HarnessOptions {
  sim?: SalesmanagoSimOptions;
  settings?: Partial<SalesmanagoSettingsInput>;
  credentials?: Partial<SalesmanagoCredentials>;
  timeoutMs?: number;
  batchSize?: number;
  maxAttempts?: number;
  /** Create the product catalogue (needs the v3 key). */
  catalog?: boolean;
}

export async function startHarness(o: HarnessOptions = {}) {
  const clock = new ManualClock(Date.parse('2026-01-05T10:00:00.000Z'));
  const sim = await startSalesmanagoSim({ now: () => clock.now(), ...o.sim });
  const db = engineDb();
  open.push({ sim, db });
  const a = sim.credentials;
  const credentials: SalesmanagoCredentials = {
    clientId: a.clientId,
    apiKey: 'storebridge-test',
    apiSecret: a.apiSecret,
    owner: a.owner,
    endpoint: a.server,
    v3ApiKey: a.v3ApiKey,
    ...o.credentials,
  };
  const connector: SalesmanagoConnector = createSalesmanagoConnector({
    timeoutMs: o.timeoutMs ?? 2_000,
    serverUrl: (s) => `${sim.url}/${s}/api`,
    v3Url: sim.url,
    now: () => clock.now(),
    ...(o.batchSize ? { batchSize: o.batchSize } : {}),
  });
  const base = { credentials, signal: new AbortController().signal };
  const catalog =
    o.catalog === false
      ? null
      : await connector.setup.ensureCatalog(base, { location: 'bc-store-1', name: 'Store', currency: 'EUR' });
  const settings = salesmanagoSettingsSchema.parse({
    location: 'bc-store-1',
    catalogId: catalog?.catalogId ?? null,
    shopDomain: 'shop.example.com',
    storeUrl: 'https://shop.example.com/',
    tagsOnRegistration: ['registered'],
    tagsOnNewsletter: ['newsletter'],
    tagsOnPurchase: ['buyer'],
    tagsOnGuestPurchase: ['guest buyer'],
    exportTags: ['bc archive'],
    ignoredDomains: 'internal.test',
    ...o.settings,
  });
  const ctx: Ctx = {
    ...base,
    settings,
    account: { id: 'acct-1', name: 'SALESmanago' },
    clock,
    logger: silentLogger,
  };
  const queue = new JobQueue(db, { baseMs: 100, maxMs: 5_000, maxAttempts: o.maxAttempts ?? 8 }, () => 0.5);
  const events: Array<{ type: string; message: string }> = [];
  const rt: ConnectionRuntime = {
    connectionId: 'conn-a',
    storeId: 'store-1',
    connector: connector as unknown as Connector<unknown, unknown>,
    ctx: ctx as unknown as ConnectorContext<unknown, unknown>,
    bucket: new TokenBucket({ perSecond: 1e6, burst: 1e6 }, clock),
    breaker: new CircuitBreaker(clock, { threshold: 1, firstProbeMs: 1_000, maxProbeMs: 8_000 }),
  };
  const deps: DrainDeps = {
    queue,
    events: { append: (...e) => (events.push(...e), []) },
    clock,
    sleep: async (ms) => clock.advance(ms),
    owner: 'test',
    leaseMs: 60_000,
  };
  return {
    sim,
    ctl: new SimControl(sim.url),
    clock,
    connector,
    queue,
    ctx,
    rt,
    deps,
    events,
    plan: (records: StagedRecord[]) =>
      records.flatMap((r) => connector.plan(r, { settings, connectionId: 'conn-a', storeId: 'store-1' })),
    enqueue: (records: StagedRecord[], historical = records.every((r) => r.historical)) =>
      queue.enqueue(
        'conn-a',
        records.flatMap((r) => connector.plan(r, { settings, connectionId: 'conn-a', storeId: 'store-1' })),
        historical,
        clock.now(),
      ),
    /** Drains, advancing the clock past backoffs and breaker probes, until nothing is queued. */
    async settle(maxRounds = 60) {
      for (let i = 0; i < maxRounds; i++) {
        await drainConnection(rt, deps, new AbortController().signal);
        const st = queue.stats('conn-a');
        if (st.queued + st.leased + st.submitted === 0) return;
        clock.advance(Math.max(1_000, (st.nextRunAt ?? 0) - clock.now()));
      }
      throw new Error(`queue did not settle: ${JSON.stringify(queue.stats('conn-a'))}`);
    },
    stats: () => queue.stats('conn-a'),
    /** Every API call the connector made (the kit's request log), without the simulator's own routes. */
    apiCalls: () => sim.server.requests.filter((r) => !r.path.startsWith('/__sim/')),
    async simPost(path: string, body: unknown = {}) {
      const res = await fetch(sim.url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.status === 204 ? undefined : (res.json() as Promise<unknown>);
    },
  };
}
export type Harness = Awaited<ReturnType<typeof startHarness>>;

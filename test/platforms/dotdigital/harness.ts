// Runs in: vitest. Owns: one dotdigital simulator and one engine (real SQLite queue, token bucket, breaker,
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
  createDotdigitalConnector,
  type DotdigitalConnector,
  type DotdigitalCredentials,
  type DotdigitalSettings,
  dotdigitalSettingsSchema,
} from '../../../src/main/platforms/dotdigital/index.js';
import type { Db } from '../../../src/main/storage/db.js';
import { SimControl } from '../../../src/sandbox/kit/index.js';
import {
  type DotdigitalSim,
  type DotdigitalSimOptions,
  startDotdigitalSim,
} from '../../../src/sandbox/dotdigital/index.js';
import { engineDb } from '../../support/engine-db.js';
import { simCredentials } from './credentials.js';

const open: Array<{ sim: DotdigitalSim; db: Db }> = [];
afterEach(async () => {
  while (open.length) {
    const h = open.pop()!;
    h.db.close();
    await h.sim.close();
  }
});

export type Ctx = ConnectorContext<DotdigitalCredentials, DotdigitalSettings>;

export interface Harness {
  sim: DotdigitalSim;
  ctl: SimControl;
  clock: ManualClock;
  connector: DotdigitalConnector;
  queue: JobQueue;
  ctx: Ctx;
  rt: ConnectionRuntime;
  deps: DrainDeps;
  events: Array<{ type: string; message: string }>;
  books: { customers: number; subscribers: number };
  enqueue(records: StagedRecord[], historical?: boolean): ReturnType<JobQueue['enqueue']>;
  /** Drains, advancing the clock past backoffs and breaker probes, until nothing is queued or submitted. */
  settle(maxRounds?: number): Promise<void>;
  /** Every call the connector made to the account's region (the kit's request log). */
  requests(): Array<{ method: string; path: string; status: number }>;
  simGet<T>(path: string): Promise<T>;
  simPost(path: string, body?: unknown): Promise<unknown>;
}

export interface HarnessOptions {
  sim?: DotdigitalSimOptions;
  settings?: Partial<DotdigitalSettings>;
  timeoutMs?: number;
  batchSize?: number;
  maxAttempts?: number;
}

export async function startHarness(o: HarnessOptions = {}): Promise<Harness> {
  const clock = new ManualClock(Date.parse('2026-01-05T10:00:00.000Z'));
  const sim = await startDotdigitalSim({ now: () => clock.now(), ...o.sim });
  const db = engineDb();
  open.push({ sim, db });
  const credentials = simCredentials(sim);
  const connector = createDotdigitalConnector({
    timeoutMs: o.timeoutMs ?? 2_000,
    now: () => clock.now(),
    ...(o.batchSize ? { batchSize: o.batchSize } : {}),
  });
  const base = { credentials, signal: new AbortController().signal };
  const customers = await connector.setup.ensureAddressBook(base, 'Store customers');
  const subscribers = await connector.setup.ensureAddressBook(base, 'Store subscribers');
  const settings = dotdigitalSettingsSchema.parse({
    customersAddressBookId: customers.id,
    subscribersAddressBookId: subscribers.id,
    storeUrl: 'https://shop.example.com/',
    ...o.settings,
  });
  await connector.setup.ensureDataFields({ ...base, settings });
  // Setup spent some of the (scaled-down) rate-limit windows: start the test with fresh ones.
  clock.advance(600_000);
  const ctx: Ctx = {
    ...base,
    settings,
    account: { id: 'acct-1', name: 'dotdigital' },
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
  const ctl = new SimControl(sim.url);
  const h: Harness = {
    sim,
    ctl,
    clock,
    connector,
    queue,
    ctx,
    rt,
    deps,
    events,
    books: { customers: customers.id, subscribers: subscribers.id },
    enqueue: (records, historical = records.every((r) => r.historical)) =>
      queue.enqueue(
        'conn-a',
        records.flatMap((r) => connector.plan(r, { settings, connectionId: 'conn-a', storeId: 'store-1' })),
        historical,
        clock.now(),
      ),
    async settle(maxRounds = 60) {
      for (let i = 0; i < maxRounds; i++) {
        await drainConnection(rt, deps, new AbortController().signal);
        const st = queue.stats('conn-a');
        if (st.queued + st.leased + st.submitted === 0) return;
        clock.advance(Math.max(1_000, (st.nextRunAt ?? 0) - clock.now()));
      }
      throw new Error(`queue did not settle: ${JSON.stringify(queue.stats('conn-a'))}`);
    },
    requests: () => sim.servers[credentials.region].requests,
    async simGet<T>(path: string) {
      return (await (await fetch(sim.url + path)).json()) as T;
    },
    async simPost(path: string, body: unknown = {}) {
      const res = await fetch(sim.url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return res.status === 204 ? undefined : res.json();
    },
  };
  return h;
}

export interface SimContact {
  contactId: number;
  status: string;
  identifiers: { email: string };
  dataFields: Record<string, unknown>;
  channelProperties: { email: { status: string; optInType: string } };
  lists: Array<{ id: number; name: string; status: string }>;
}
export interface SimCollection {
  name: string;
  scope: string;
  type: string;
  records: Array<{ key: string; contactId?: number; json: Record<string, unknown> }>;
}

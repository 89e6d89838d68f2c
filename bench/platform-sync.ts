// Runs in: Node (npx tsx bench/platform-sync.ts --platform NAME). Owns: a historical sync of a simulated
// BigCommerce store (450/30 s) into one platform simulator at that platform's limit, through the registry's
// connector and the real engine; records/s and calls/s against the binding bound: the least time the calls the
// sync really made need under each limit that counts them (bench/platforms/bounds.ts), source or destination.
// Time is scaled: every window is divided by --scale (default 5) and the connector's declared pace multiplied
// by it, so the ratio is what a real-time run would show. Flags: --customers N (30) --orders N (30)
// --products N (10) --scale S (5) --settle-s N (150: give up when jobs are still queued after N s of wall time).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace } from '../src/main/app/workspace.js';
import { BigCommerceStoreSource } from '../src/main/app/store-source.js';
import { systemClock } from '../src/main/core/clock.js';
import { silentLogger } from '../src/main/core/logger.js';
import type { Connector } from '../src/main/engine/connector.js';
import { RateLimiters } from '../src/main/engine/rate-limiter.js';
import { SyncEngine } from '../src/main/engine/sync-engine.js';
import { MemorySecretStore } from '../src/main/engine/worker/memory-secrets.js';
import { connectorFor } from '../src/main/platforms/registry.js';
import { startBigCommerceSim } from '../src/sandbox/bigcommerce/index.js';
import { platformBenches } from './platforms/adapters.js';
import { describeUse, limitUses, minSeconds } from './platforms/bounds.js';
import { flag, report } from './support/child.js';

const name = process.argv[process.argv.indexOf('--platform') + 1] ?? '';
const bench = platformBenches.find((b) => b.platform === name);
if (!bench) throw new Error(`--platform one of ${platformBenches.map((b) => b.platform).join(', ')}`);
const scale = flag('scale', 5);
const seed = {
  customers: flag('customers', 30),
  orders: flag('orders', 30),
  products: flag('products', 10),
  seed: 'bench',
};
const quota = 450;
const windowMs = 30_000 / scale;
const share = 0.8;
const settleMs = flag('settle-s', 150) * 1000;

const bc = await startBigCommerceSim({
  stores: [{ hash: 'bench', seed, quota, windowMs, tokens: [{ token: 'tok_bench_platform_0001' }] }],
});
const dest = await bench.start(scale, bc.stores[0]!);
const dir = mkdtempSync(join(tmpdir(), 'sb-bench-platform-'));
const ws = openWorkspace({ dir, host: 'test', secrets: new MemorySecretStore(), logger: silentLogger });
const store = await ws.stores.add({
  name: 'Bench',
  storeHash: 'bench',
  accessToken: 'tok_bench_platform_0001',
  apiBaseUrl: bc.url,
});
const account = await ws.accounts.add({ platform: name, name, credentials: dest.credentials });
const conn = ws.connections.add({ storeId: store.id, accountId: account.id, settings: dest.settings });
const real = connectorFor(name)!;
// The same connector, paced `scale` times faster, as the simulator's windows are `scale` times shorter.
const scaled = Object.create(real) as Connector<unknown, unknown>;
scaled.rateLimit = (c, a) => {
  const l = real.rateLimit(c, a);
  return { ...l, perSecond: l.perSecond * scale, burst: l.burst };
};
const engine = new SyncEngine({
  db: ws.db,
  queue: ws.queue,
  events: ws.events,
  clock: systemClock,
  limiters: new RateLimiters(systemClock),
  source: new BigCommerceStoreSource(ws.db, ws.stores, systemClock, share),
  connection: (id) => ({ ...ws.connections.get(id), accountName: name }),
  connector: () => scaled,
  credentials: (id) => ws.accounts.credentials(id),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  owner: 'bench',
});

// Setup calls (address books, data fields) are not the sync's.
const logStart = dest.log().length;
const t0 = performance.now();
const phases: Record<string, number> = {};
const s = await engine.sync(conn.id, {
  historical: true,
  onProgress: (p) => (phases[p.phase] = (performance.now() - t0) / 1000),
});
// The read's calls, before the settling runs below add their incremental reads.
const bcCalls = bc.server.requests.length;
// Retries and asynchronous imports settle in later runs, as the scheduler's next ticks would.
let runs = 1;
let unsettled = '';
let delivered = s.delivery.delivered;
for (;;) {
  const q = ws.queue.stats(conn.id);
  if (q.queued + q.leased + q.submitted === 0) break;
  if (performance.now() - t0 > settleMs) {
    // Report what was reached, and why the rest still waits, rather than no figure at all.
    const why = ws.db
      .prepare(`SELECT DISTINCT last_error AS e FROM jobs WHERE status = 'queued' LIMIT 2`)
      .all() as Array<{ e: string | null }>;
    unsettled =
      `${q.queued + q.leased + q.submitted} job(s) not settled after ${runs} runs in ${settleMs / 1000} s ` +
      `wall: ${why.map((w) => w.e).join('; ')}`;
    break;
  }
  await new Promise((r) => setTimeout(r, Math.max(10, Math.min(500, (q.nextRunAt ?? 0) - Date.now()))));
  delivered += (await engine.sync(conn.id)).delivery.delivered;
  runs++;
}
const seconds = (performance.now() - t0) / 1000;
const realSeconds = seconds * scale;
const deadJobs = ws.queue.stats(conn.id).dead;
const records = s.extracted;
const sent = dest.log().slice(logStart);
const refused = sent.filter((r) => r.status === 429).length;
// Bounds in real time (scale undone). The source: the store's quota at `share`, over the calls the read made.
const sourceSeconds = minSeconds(bcCalls, quota * share, 30_000);
// The destination: every limit the platform counts the sync's calls against; the slowest one binds.
const uses = limitUses(sent, bench.limits);
const destSeconds = Math.max(0, ...uses.map((u) => u.seconds));
const bindingSeconds = Math.max(sourceSeconds, destSeconds);
const achieved = records / realSeconds;
const callsPerSecond = sent.length / realSeconds;
const bound = bindingSeconds > 0 ? records / bindingSeconds : Number.POSITIVE_INFINITY;
const side = bindingSeconds === 0 ? 'none' : destSeconds >= sourceSeconds ? 'destination' : 'source';
console.log(
  `${name} (${bench.limit}): ${records} records, ${delivered} jobs delivered, ${deadJobs} dead, ${runs} run(s), ` +
    `${realSeconds.toFixed(0)} s real-time equivalent`,
);
console.log(
  `  achieved ${achieved.toFixed(2)} records/s, ${callsPerSecond.toFixed(2)} calls/s ` +
    `(${sent.length} platform calls, ${refused} refused with 429, ` +
    `${(records / Math.max(1, sent.length - refused)).toFixed(2)} records per accepted call)`,
);
console.log(
  `  least time the limits allow: source ${sourceSeconds.toFixed(0)} s (${bcCalls} BigCommerce calls at ` +
    `${quota * share}/30 s); destination ${destSeconds.toFixed(0)} s (${uses.map(describeUse).join('; ')})`,
);
console.log(
  side === 'none'
    ? '  no limit binds at this size (every call fits in its first window): no bound, the rate is latency and CPU'
    : `  binding bound ${bound.toFixed(2)} records/s (${side}); ratio ${(achieved / bound).toFixed(2)}`,
);
if (unsettled) console.log(`  NOT SETTLED: ${unsettled}`);
const dead = ws.db
  .prepare(
    `SELECT last_error AS e, count(*) AS n FROM jobs WHERE status = 'dead' GROUP BY last_error LIMIT 3`,
  )
  .all() as Array<{ e: string; n: number }>;
if (dead.length) console.log(`  dead-lettered: ${dead.map((d) => `${d.n} × ${d.e}`).join('; ')}`);
console.log(`  delivery ${JSON.stringify(s.delivery)}, plan ${JSON.stringify(s.plan)}`);
console.log(`  phases (s from start, wall): ${JSON.stringify(phases)}`);
report(
  {
    recordsPerSecond: achieved,
    callsPerSecond,
    requests: sent.length,
    // No bound (and no ratio) when no limit binds: a figure there would only measure this machine.
    ...(side === 'none' ? {} : { boundRecordsPerSecond: bound, ratio: achieved / bound }),
  },
  {
    platform: name,
    limit: bench.limit,
    records,
    scale,
    dead: deadJobs,
    jobs: delivered,
    runs,
    unsettled,
    side,
  },
);
ws.close();
await dest.close();
await bc.close();
rmSync(dir, { recursive: true, force: true });

// Runs in: Node (npx tsx bench/worker-eld.ts). Owns: the main thread's event-loop delay (p99, max) while the
// engine worker exports N staged records to files, next to the same thread's delay over a few idle seconds
// just before (what the machine's other load alone costs) and its event-loop utilisation during the sync
// (how much of that time the main thread itself was busy). Flags: --records N (default 100,000).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { startEngineWorker } from '../src/main/engine/worker/index.js';
import { flag, report } from './support/child.js';
import { seedWorkspace } from './support/seed.js';

const records = flag('records', 100_000);
const dir = mkdtempSync(join(tmpdir(), 'sb-bench-eld-'));
const seeded = await seedWorkspace({ dir, outDir: join(dir, 'out'), recordsPerStore: records });
const connectionId = seeded.stores[0]!.connectionIds[0]!;
seeded.ws.close();
const engine = await startEngineWorker({
  dir,
  host: 'test',
  secrets: seeded.secrets.dump(),
  source: 'staged',
});

const ms = (h: { percentile(p: number): number }) => h.percentile(99) / 1e6;
// Baseline: the same sampling with nothing to do, so a loaded machine's share of the delay is visible.
const idle = monitorEventLoopDelay({ resolution: 10 });
idle.enable();
await sleep(5_000);
idle.disable();

const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
const elu = performance.eventLoopUtilization();
const t0 = performance.now();
const s = await engine.sync(connectionId, { historical: true });
const seconds = (performance.now() - t0) / 1000;
const busy = performance.eventLoopUtilization(elu).utilization;
delay.disable();
await engine.close();
rmSync(dir, { recursive: true, force: true });
if (s.delivery.delivered !== records) throw new Error(`delivered ${s.delivery.delivered} of ${records}`);
const p99 = ms(delay);
const max = delay.max / 1e6;
const idleP99 = ms(idle);
console.log(
  `${records} records through the worker in ${seconds.toFixed(1)} s; main-thread event-loop delay ` +
    `p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms (sampled every 10 ms); the same thread idle ` +
    `for 5 s just before: p99 ${idleP99.toFixed(1)} ms; main event loop busy ${(busy * 100).toFixed(1)}% ` +
    'of the sync',
);
report(
  { p99Ms: p99, maxMs: max, recordsPerSecond: records / seconds, idleP99Ms: idleP99, mainBusyShare: busy },
  { records },
);

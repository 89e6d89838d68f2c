// Runs in: Node (npx tsx bench/engine-overhead.ts). Owns: the engine's own cost with limits off: staged
// records planned, queued and delivered to the file exporter in this process; CPU µs per record and records/s.
// Flags: --records N (default 20,000).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stagedEngine } from '../src/main/engine/worker/staged-engine.js';
import { flag, report } from './support/child.js';
import { seedWorkspace } from './support/seed.js';

const records = flag('records', 20_000);
const dir = mkdtempSync(join(tmpdir(), 'sb-bench-overhead-'));
const { ws, stores } = await seedWorkspace({ dir, outDir: join(dir, 'out'), recordsPerStore: records });
const engine = stagedEngine(ws);
const connectionId = stores[0]!.connectionIds[0]!;

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const summary = await engine.sync(connectionId, { historical: true });
const wallS = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
if (summary.delivery.delivered !== records)
  throw new Error(`delivered ${summary.delivery.delivered} of ${records}: the figure would be meaningless`);

const cpuUs = cpu.user + cpu.system;
console.log(
  `${records} records: ${wallS.toFixed(2)} s wall, ${(cpuUs / 1e6).toFixed(2)} s CPU, ` +
    `${(cpuUs / records).toFixed(1)} µs CPU/record, ${(records / wallS).toFixed(0)} records/s`,
);
report(
  { cpuUsPerRecord: cpuUs / records, recordsPerSecond: records / wallS, cpuCores: cpuUs / 1e6 / wallS },
  { records },
);
ws.close();
rmSync(dir, { recursive: true, force: true });

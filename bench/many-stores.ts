// Runs in: Node (npx tsx bench/many-stores.ts). Owns: many stores × connections syncing at once in one
// process (the engine worker): total records delivered per second and whole-process peak RSS.
// Flags: --stores N (100) --connections N (3) --records N per store (200).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngineWorker } from '../src/main/engine/worker/index.js';
import { flag, peakRssMiB, report } from './support/child.js';
import { seedWorkspace } from './support/seed.js';

const stores = flag('stores', 100);
const perStore = flag('connections', 3);
const records = flag('records', 200);
const dir = mkdtempSync(join(tmpdir(), 'sb-bench-many-'));
const seeded = await seedWorkspace({
  dir,
  outDir: join(dir, 'out'),
  stores,
  connectionsPerStore: perStore,
  recordsPerStore: records,
});
seeded.ws.close();
const engine = await startEngineWorker({
  dir,
  host: 'test',
  secrets: seeded.secrets.dump(),
  source: 'staged',
});
const ids = seeded.stores.flatMap((s) => s.connectionIds);
const t0 = performance.now();
const results = await Promise.all(ids.map((id) => engine.sync(id, { historical: true })));
const seconds = (performance.now() - t0) / 1000;
await engine.close();
rmSync(dir, { recursive: true, force: true });
const delivered = results.reduce((a, r) => a + r.delivery.delivered, 0);
if (delivered !== ids.length * records) throw new Error(`delivered ${delivered} of ${ids.length * records}`);
const rss = peakRssMiB();
console.log(
  `${stores} stores × ${perStore} connections (${records} records each): ${delivered} deliveries in ` +
    `${seconds.toFixed(1)} s, ${(delivered / seconds).toFixed(0)} records/s, peak RSS ${rss.toFixed(0)} MiB`,
);
report({ recordsPerSecond: delivered / seconds, peakRssMiB: rss, seconds }, { stores, perStore, records });

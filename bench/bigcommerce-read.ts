// Runs in: Node (npx tsx bench/bigcommerce-read.ts). Owns: the full-read benchmark: records/s achieved under
// BigCommerce's 150/30 s and 450/30 s quotas (windows scaled down), against the bound the quota allows.
// Flags: --customers N --orders N --products N --scale S (window = 30 s / S; default 10, i.e. 3 s windows)
//        --share F (default 0.8).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BigCommerceClient } from '../src/main/bigcommerce/client.js';
import { Extractor } from '../src/main/extract/extractor.js';
import { extractResources } from '../src/main/extract/resources.js';
import { openDb } from '../src/main/storage/db.js';
import { migrate } from '../src/main/storage/migrate.js';
import { migrations } from '../src/main/storage/migrations/index.js';
import { startBigCommerceSim } from '../src/sandbox/bigcommerce/index.js';

function flag(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : dflt;
}

const sizes = {
  customers: flag('customers', 2_000),
  orders: flag('orders', 6_000),
  products: flag('products', 400),
};
const scale = flag('scale', 10);
const share = flag('share', 0.8);
const windowMs = Math.round(30_000 / scale);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

for (const quota of [150, 450]) {
  const hash = `bench${quota}`;
  const sim = await startBigCommerceSim({ stores: [{ hash, seed: sizes, quota, windowMs }] });
  const dir = mkdtempSync(join(tmpdir(), 'sb-bench-'));
  const db = openDb(join(dir, 'bench.db'));
  migrate(db, migrations, 'bench');
  db.prepare(
    `INSERT INTO stores (id, name, store_hash, api_base_url, token_hint, demo, created_at) VALUES ('s', 'Bench', ?, ?, '', 1, ?)`,
  ).run(hash, sim.url, new Date().toISOString());
  const client = new BigCommerceClient({
    baseUrl: sim.url,
    storeHash: hash,
    accessToken: sim.stores[0]!.token,
    share,
  });
  const ex = new Extractor({ db, client, storeId: 's' });
  const started = performance.now();
  // One resource after another, as the app's store source reads them (pages within a resource go concurrently).
  for (const r of extractResources) await ex.historical(r);
  const seconds = (performance.now() - started) / 1000;
  const read = extractResources.reduce((a, r) => a + (sim.control[hash]!.state.counts()[r] ?? 0), 0);
  // The client's own count: every call of the read, /v2/time and the boundary re-reads included.
  const calls = client.calls;
  // The bound: the least time the quota allows for the calls this read needed (every call counted, /v2/time
  // and the boundary re-reads included): at `share` of the quota, L calls per window W, C calls need
  // (ceil(C/L) - 1) × W. A read whose calls all fit in the first window has no bound: machine and latency rule.
  const perWindow = Math.floor(quota * share);
  const boundSeconds = ((Math.ceil(calls / perWindow) - 1) * windowMs) / 1000;
  const achieved = read / seconds;
  const head =
    `quota ${quota}/30s (window scaled to ${windowMs} ms, share ${share}): ${read} records, ${calls} calls, ` +
    `${seconds.toFixed(2)} s, ${achieved.toFixed(0)} records/s`;
  if (boundSeconds > 0) {
    const bound = read / boundSeconds;
    console.log(
      `${head} (bound ${bound.toFixed(0)} records/s, ratio ${(achieved / bound).toFixed(2)}); ` +
        'a ratio well under 1 means this machine, not the quota, was the limit',
    );
  } else {
    console.log(`${head} (no bound: all ${calls} calls fit in the first window of ${perWindow})`);
  }
  db.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
}
clearInterval(sampler);
console.log(`peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MiB`);

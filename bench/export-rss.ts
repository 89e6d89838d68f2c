// Runs in: Node (npx tsx bench/export-rss.ts). Owns: whole-process peak RSS of an export to files: this
// process seeds the workspace, then a fresh child process exports every record (engine in process) and
// reports its kernel-counted peak RSS, so seeding does not count. Flags: --records N (default 200,000).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWorkspace } from '../src/main/app/workspace.js';
import { silentLogger } from '../src/main/core/logger.js';
import { MemorySecretStore } from '../src/main/engine/worker/memory-secrets.js';
import { stagedEngine } from '../src/main/engine/worker/staged-engine.js';
import { flag, peakRssMiB, report } from './support/child.js';
import { seedWorkspace } from './support/seed.js';

const exportDir = process.argv[process.argv.indexOf('--export-dir') + 1];
if (process.argv.includes('--export-dir') && exportDir) {
  const connectionId = process.argv[process.argv.indexOf('--connection') + 1]!;
  const secrets = JSON.parse(process.env.SB_BENCH_SECRETS ?? '{}') as Record<string, string>;
  const ws = openWorkspace({
    dir: exportDir,
    host: 'test',
    secrets: new MemorySecretStore(secrets),
    logger: silentLogger,
  });
  const t0 = performance.now();
  const s = await stagedEngine(ws).sync(connectionId, { historical: true });
  ws.close();
  console.log(
    JSON.stringify({
      delivered: s.delivery.delivered,
      seconds: (performance.now() - t0) / 1000,
      rss: peakRssMiB(),
    }),
  );
} else {
  const records = flag('records', 200_000);
  const dir = mkdtempSync(join(tmpdir(), 'sb-bench-rss-'));
  const seeded = await seedWorkspace({ dir, outDir: join(dir, 'out'), recordsPerStore: records });
  const connectionId = seeded.stores[0]!.connectionIds[0]!;
  seeded.ws.close();
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--export-dir', dir, '--connection', connectionId],
    { env: { ...process.env, SB_BENCH_SECRETS: JSON.stringify(seeded.secrets.dump()) }, encoding: 'utf8' },
  );
  rmSync(dir, { recursive: true, force: true });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !line.startsWith('{')) throw new Error(`export child failed: ${child.stderr}`);
  const r = JSON.parse(line) as { delivered: number; seconds: number; rss: number };
  if (r.delivered !== records) throw new Error(`exported ${r.delivered} of ${records}`);
  console.log(`${records} records exported in ${r.seconds.toFixed(1)} s; peak RSS ${r.rss.toFixed(0)} MiB`);
  report({ peakRssMiB: r.rss, recordsPerSecond: records / r.seconds }, { records });
}

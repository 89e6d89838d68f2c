// Runs in: Node (npm run bench). Owns: the console's own figures in Chromium through the browser host: cold
// start (host process spawned to the app-ready marker) and the event log with 100,000 rows (time to show,
// to filter, scroll frame p95), the latter measured by e2e/event-log-scale.spec.ts and read from its output
// (`--log-runs N` runs the spec N times and reports medians: the machine is shared).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[process.argv.indexOf('--cold-runs') + 1] || 3);
const logRuns = process.argv.includes('--log-runs')
  ? Number(process.argv[process.argv.indexOf('--log-runs') + 1])
  : 1;

if (!existsSync(join(root, 'out/renderer/index.html'))) {
  const build = spawnSync('npx', ['vite', 'build', '--config', 'vite.renderer.config.ts'], { cwd: root });
  if (build.status !== 0) throw new Error('could not build the renderer');
}

/** Spawn the host on a fresh workspace and time until the console says it is ready. */
async function coldStart(browser: Awaited<ReturnType<typeof chromium.launch>>) {
  const dir = mkdtempSync(join(tmpdir(), 'sb-bench-cold-'));
  const t0 = performance.now();
  const host = spawn(
    'bash',
    [
      'scripts/with-keychain.sh',
      process.execPath,
      '--import',
      'tsx',
      'src/main/host/serve.ts',
      '--workspace',
      dir,
    ],
    // Its own process group: the keychain wrapper (dbus-run-session) does not pass SIGTERM on to the host.
    { cwd: root, stdio: ['ignore', 'pipe', 'ignore'], detached: true },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      host.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /STOREBRIDGE_URL=(\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      host.on('exit', (code) => reject(new Error(`the host exited (${code}) before it listened`)));
    });
    const listening = performance.now() - t0;
    const page = await browser.newPage();
    const t1 = performance.now();
    await page.goto(url);
    await page.locator('[data-testid="app-ready"]').waitFor({ state: 'attached', timeout: 60_000 });
    const pageReady = performance.now() - t1;
    await page.close();
    return { total: performance.now() - t0, listening, pageReady };
  } finally {
    const exited = new Promise((r) => host.once('exit', r));
    process.kill(-host.pid!, 'SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const colds = [];
for (let i = 0; i < runs; i++) colds.push(await coldStart(browser));
await browser.close();

// The event log figures come from the e2e spec, which seeds 100,000 events and prints one line.
const figure =
  /event log, (\d+) rows: first page shown in (\d+) ms, type filter in (\d+) ms, scroll frame p95 ([\d.]+) ms/;
const lines: RegExpExecArray[] = [];
for (let i = 0; i < logRuns; i++) {
  const spec = spawnSync(
    'bash',
    [
      'scripts/with-keychain.sh',
      'node_modules/.bin/playwright',
      'test',
      'e2e/event-log-scale.spec.ts',
      '--reporter=list',
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  const line = figure.exec(spec.stdout);
  if (!line) throw new Error(`the event-log spec printed no figures:\n${spec.stdout}\n${spec.stderr}`);
  console.log(`${/event log, .*/.exec(spec.stdout)![0]}   [load ${loadavg()[0]!.toFixed(1)}]`);
  lines.push(line);
}

const metrics = {
  coldStartMs: median(colds.map((c) => c.total)),
  hostListeningMs: median(colds.map((c) => c.listening)),
  pageReadyMs: median(colds.map((c) => c.pageReady)),
  eventLogFirstPageMs: median(lines.map((l) => Number(l[2]))),
  eventLogFilterMs: median(lines.map((l) => Number(l[3]))),
  eventLogScrollP95Ms: median(lines.map((l) => Number(l[4]))),
};
console.log(
  `console cold start (host spawned to app-ready), median of ${runs}: ${metrics.coldStartMs.toFixed(0)} ms ` +
    `(host listening ${metrics.hostListeningMs.toFixed(0)} ms, page to ready ${metrics.pageReadyMs.toFixed(0)} ms)`,
);
if (logRuns > 1)
  console.log(
    `event log, ${lines[0]![1]} rows, median of ${logRuns}: first page shown in ${metrics.eventLogFirstPageMs} ms, ` +
      `type filter in ${metrics.eventLogFilterMs} ms, scroll frame p95 ${metrics.eventLogScrollP95Ms} ms`,
  );
console.log(`RESULT ${JSON.stringify({ metrics })}`);

// Runs in: vitest. Owns: the crash harness every destination reuses: a historical sync in a child process,
// SIGKILLed at seeded points (a count of delivered records plus a few milliseconds, so kills land inside
// extraction, planning and sends), restarted until it completes; then the caller checks the destination.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBigCommerceSim, type BigCommerceSim } from '../../src/sandbox/bigcommerce/index.js';
import { openWorkspace, type Workspace } from '../../src/main/app/workspace.js';
import type { CrashChildArgs } from './crash-child.js';
import { expectedEntities } from './expected-entities.js';
import { uniqueService } from './temp.js';

export interface CrashSetupContext {
  ws: Workspace;
  /** A folder of this run's own (e.g. for exported files), removed when the harness ends. */
  scratch: string;
  storeId: string;
  bigcommerce: BigCommerceSim;
}

export interface CrashVerifyContext extends CrashSetupContext {
  connectionId: string;
  /** Entity ids per entity type the connector plans (deletes aside) from what is staged: each must arrive once. */
  expected: Map<string, Set<string>>;
  /** What the crashes did, for the caller's messages. */
  report: CrashReport;
}

export interface CrashHarnessOptions {
  platform: string;
  /** Creates the destination (a simulator, a folder) and returns the account and connection to sync through. */
  setup(
    ctx: CrashSetupContext,
  ): Promise<{ credentials: unknown; accountSettings?: unknown; settings: unknown }>;
  /** Proves at the destination that every record arrived and none twice; throws (expect) when not. */
  verify(ctx: CrashVerifyContext): Promise<void>;
  seed?: number;
  kills?: number;
  store?: { customers: number; orders: number; products: number };
  batchSize?: number;
  leaseMs?: number;
  /** Kills are spread over this many delivered records (defaults to customers + orders). */
  expectedRecords?: number;
}

export interface CrashReport {
  kills: Array<{ atLedger: number; delayMs: number; ledgerAtKill: number }>;
  children: number;
  dead: number;
  /** Batches a restarted child found in doubt and settled by asking the destination (`delivery.recovered`). */
  recovered: number;
}

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let childArgv: string[] | undefined;
/**
 * Loading the workspace through tsx costs over a second per start, 21 starts per run. Bundled once with the
 * esbuild that tsx itself uses (packages stay external, resolved from node_modules) a start takes a third of
 * that; the code is the same, only transpiled ahead. Falls back to tsx when esbuild is not there.
 */
function childCommand(): string[] {
  if (childArgv) return childArgv;
  const esbuild = join(ROOT, 'node_modules', '.bin', 'esbuild');
  if (!existsSync(esbuild)) return (childArgv = ['--import', 'tsx', CHILD]);
  const outDir = join(ROOT, 'node_modules', '.cache', 'storebridge-crash');
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `child-${process.pid}.mjs`);
  execFileSync(esbuild, [
    CHILD,
    '--bundle',
    '--platform=node',
    '--format=esm',
    '--packages=external',
    `--outfile=${out}`,
    '--log-level=warning',
  ]);
  process.once('exit', () => rmSync(out, { force: true }));
  return (childArgv = [out]);
}

/** mulberry32: a tiny seeded generator, so a failing kill schedule can be rerun exactly. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runCrashHarness(o: CrashHarnessOptions): Promise<CrashReport> {
  const shape = o.store ?? { customers: 150, orders: 300, products: 20 };
  const hash = `crash${Math.random().toString(36).slice(2, 8)}`;
  const token = `tok_${hash}_0123456789`;
  const bigcommerce = await startBigCommerceSim({
    stores: [
      {
        hash,
        seed: { ...shape, seed: `crash-${o.seed ?? 1}` },
        quota: 100_000,
        windowMs: 1000,
        tokens: [{ token }],
      },
    ],
  });
  // Own folders, not tempDir(): its afterEach cleanup would pull them from under a concurrent test.
  const root = mkdtempSync(join(tmpdir(), 'storebridge-crash-'));
  const dir = join(root, 'workspace');
  const scratch = join(root, 'scratch');
  mkdirSync(scratch);
  const keychainService = uniqueService(`crash-${o.platform}`);
  let connectionId = '';
  let ctx: CrashSetupContext | undefined;
  try {
    {
      const ws = openWorkspace({ dir, host: 'test', keychainService });
      try {
        const store = await ws.stores.add({
          name: 'Crash store',
          storeHash: hash,
          accessToken: token,
          apiBaseUrl: bigcommerce.url,
        });
        const dest = await o.setup({ ws, storeId: store.id, bigcommerce, scratch });
        const account = await ws.accounts.add({
          platform: o.platform,
          name: `${o.platform} (crash)`,
          credentials: dest.credentials,
          ...(dest.accountSettings ? { settings: dest.accountSettings } : {}),
        });
        connectionId = ws.connections.add({
          storeId: store.id,
          accountId: account.id,
          settings: dest.settings,
        }).id;
        ctx = { ws, storeId: store.id, bigcommerce, scratch };
      } finally {
        ws.close();
      }
    }

    const random = seeded(o.seed ?? 1);
    const total = o.expectedRecords ?? shape.customers + shape.orders;
    const schedule = Array.from({ length: o.kills ?? 20 }, () => ({
      atLedger: Math.floor(random() * total * 0.95),
      delayMs: Math.floor(random() * 25),
    })).sort((a, b) => a.atLedger - b.atLedger);

    const args: CrashChildArgs = {
      dir,
      keychainService,
      connectionId,
      batchSize: o.batchSize ?? 10,
      leaseMs: o.leaseMs ?? 300,
    };
    const report: CrashReport = { kills: [], children: 0, dead: -1, recovered: 0 };
    for (const point of [...schedule, undefined]) {
      report.children++;
      const started = Date.now();
      const r = await runChild(args, point);
      if (process.env.CRASH_DEBUG)
        console.error(o.platform, JSON.stringify({ point, ...r, ms: Date.now() - started }));
      if (r.killedAt !== undefined && point) report.kills.push({ ...point, ledgerAtKill: r.killedAt });
      if (r.dead !== undefined) {
        report.dead = r.dead;
        break;
      }
    }
    if (report.dead < 0) throw new Error(`the sync did not complete after ${report.children} children`);

    const ws = openWorkspace({ dir, host: 'test', keychainService });
    try {
      report.recovered = ws.events.query({ connectionId, type: 'delivery.recovered', limit: 1000 }).length;
      const expected = expectedEntities(ws, ctx!.storeId, connectionId, o.platform);
      await o.verify({ ...ctx!, ws, connectionId, report, expected });
    } finally {
      ws.close();
    }
    return report;
  } finally {
    await bigcommerce.close();
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * One child: killed once the ledger holds `point.atLedger` records and `point.delayMs` more have passed, or
 * left to finish when there is no point (or it finishes first). Resolves when the process is gone.
 */
function runChild(
  args: CrashChildArgs,
  point: { atLedger: number; delayMs: number } | undefined,
): Promise<{ killedAt?: number; dead?: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...childCommand(), JSON.stringify(args)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.env,
    });
    let ledger = 0;
    let armed = false;
    let killedAt: number | undefined;
    let dead: number | undefined;
    let stderr = '';
    let buf = '';
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const arm = () => {
      if (armed || !point || ledger < point.atLedger) return;
      armed = true;
      setTimeout(() => {
        if (child.exitCode === null && dead === undefined) {
          killedAt = ledger;
          child.kill('SIGKILL');
        }
      }, point.delayMs);
    };
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const [word, n] = line.split(' ');
        if (word === 'progress') ledger = Number(n);
        if (word === 'dead') dead = Number(n);
        if (word === 'dead-letter') console.error(`[crash child] ${line}`);
        if (word === 'ready' || word === 'progress') arm();
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(watchdog);
      if (signal === 'SIGKILL' && killedAt !== undefined) return resolve({ killedAt });
      if (code === 0 && dead !== undefined) return resolve({ dead });
      reject(new Error(`crash child exited with ${signal ?? code}: ${stderr.slice(-2000)}`));
    });
  });
}

export { expectedEntities };

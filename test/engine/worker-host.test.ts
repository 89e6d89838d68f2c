// The hosts' workspace (openHostWorkspace: the browser host and the Electron app open it so): sync:start, the
// scheduler and sync:cancel run the engine in its worker thread against a BigCommerce simulator, with the
// real keychain answering the worker's secret requests from the main thread; the main event loop stays
// responsive, progress carries counts, rate and ETA, and status and the event log behave as in process.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { threadId as mainThreadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { openHostWorkspace } from '../../src/main/app/host-workspace.js';
import { DB_FILE } from '../../src/main/app/workspace.js';
import { silentLogger } from '../../src/main/core/logger.js';
import type { WorkerEngine } from '../../src/main/engine/worker/worker-engine.js';
import type { EventPayload } from '../../src/shared/contract/index.js';
import { startBigCommerceSim } from '../../src/sandbox/bigcommerce/index.js';
import { tempDir, uniqueService } from '../support/temp.js';

const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

const TOKEN = 'tok_worker_host_1234567';
/** Records per store: enough that delivery takes a few hundred milliseconds (several progress reports). */
const N = 2_000;
const lines = (file: string) => readFileSync(file, 'utf8').trim().split('\n').length;

async function setup(o: { customers: number; orders: number; mode?: 'off' | 'continuous' }) {
  const sim = await startBigCommerceSim({
    stores: [
      {
        hash: 'wh1',
        seed: { customers: o.customers, orders: o.orders, products: 5, seed: 'worker-host' },
        quota: 100_000,
        windowMs: 1000,
        tokens: [{ token: TOKEN }],
      },
    ],
  });
  closers.push(() => sim.close());
  const dir = tempDir();
  const out = tempDir();
  const ws = openHostWorkspace({
    dir,
    host: 'browser',
    keychainService: uniqueService('worker-host'),
    logger: silentLogger,
  });
  closers.push(() => ws.shutdown());
  const store = await ws.stores.add({ name: 'W', storeHash: 'wh1', accessToken: TOKEN, apiBaseUrl: sim.url });
  const account = await ws.accounts.add({ platform: 'file', name: 'Files', credentials: {} });
  const conn = ws.connections.add({
    storeId: store.id,
    accountId: account.id,
    settings: { directory: out, format: 'ndjson' },
    mode: o.mode ?? 'off',
  });
  const exported = () =>
    lines(join(out, store.id, 'customers.ndjson')) + lines(join(out, store.id, 'orders.ndjson'));
  return { ws, dir, conn, exported, engine: ws.engine as WorkerEngine };
}

describe('the hosts run syncs in the engine worker', () => {
  it('sync:start runs on the worker thread while the main loop stays responsive; progress, status and log as before', async () => {
    const { ws, dir, conn, exported, engine } = await setup({ customers: N / 2, orders: N / 2 });
    const progress: Array<EventPayload<'sync:progress'>> = [];
    const appended: string[] = [];
    // How busy this thread's event loop was while records were delivered (the simulator, which serves the
    // extraction from this thread, is idle by then). Utilisation, unlike delay, does not count the time a
    // loaded machine keeps the thread waiting for a core, so it tells "the engine ran here" apart from "the
    // machine was busy": an in-process export keeps it near 1.
    let deliverStart: EventLoopUtilization | undefined;
    let deliverBusy: EventLoopUtilization | undefined;
    ws.bus.on('sync:progress', (p) => {
      progress.push(p);
      if (p.phase === 'deliver') deliverStart ??= performance.eventLoopUtilization();
      if (p.phase === 'done') deliverBusy = performance.eventLoopUtilization(deliverStart);
    });
    ws.bus.on('events:appended', ({ events }) => appended.push(...events.map((e) => e.type)));
    // A timer every 5 ms keeps the loop honest: it would be starved if the export ran on this thread.
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const r = await ws.call('sync:start', { connectionId: conn.id, historical: true });
    clearInterval(ticker);

    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ dead: 0, state: 'drained' });
    expect(exported()).toBe(N);
    // Customers and orders, plus the store's subscribers and products.
    const total = r.value.delivered;
    expect(total).toBeGreaterThan(N);

    // The run happened on the worker's thread: the engine wrote its thread id into sync.started.
    const { threadId } = await engine.status();
    expect(threadId).not.toBe(mainThreadId);
    const [startedEvent] = ws.events.query({ connectionId: conn.id, type: 'sync.started' });
    expect(startedEvent?.payload).toEqual({ historical: true, thread: threadId });

    expect(ticks).toBeGreaterThan(0);
    expect(deliverBusy!.utilization, 'main event loop busy share while delivering').toBeLessThan(0.5);

    // Progress and the live log crossed the boundary onto the workspace's bus, as the bridges forward it.
    const phases = progress.map((p) => p.phase);
    expect(phases.filter((p, i) => p !== phases[i - 1])).toEqual(['extract', 'plan', 'deliver', 'done']);
    const delivering = progress.filter((p) => p.phase === 'deliver');
    expect(delivering[0]).toMatchObject({ delivered: 0, remaining: total });
    for (const p of delivering.slice(1)) {
      expect(p.remaining).toBe(total - p.delivered!);
      expect(p.rate).toBeGreaterThan(0);
      expect(p.etaSeconds).toBeCloseTo(p.remaining! / p.rate!, 0);
    }
    expect(progress.at(-1)).toMatchObject({ phase: 'done', delivered: total });
    expect(appended).toEqual(expect.arrayContaining(['sync.started', 'delivery.batch', 'sync.finished']));

    const status = await ws.call('connections:status', { id: conn.id });
    expect(status).toMatchObject({
      ok: true,
      value: { running: false, destination: 'online', queue: { queued: 0 } },
    });
    expect(status.ok && status.value.lastOk).toBeGreaterThan(0);
    // The worker had the store token from this thread's keychain, never from the workspace's database.
    expect(readFileSync(join(dir, DB_FILE)).includes(TOKEN)).toBe(false);
  });

  it('sync:cancel stops the run in the worker; the next sync resumes without duplicates', async () => {
    const { ws, conn, exported } = await setup({ customers: 500, orders: 500 });
    let cancelled: Promise<unknown> | undefined;
    ws.bus.on('sync:progress', (p) => {
      if (p.phase === 'extract')
        cancelled ??= ws.call('sync:cancel', { connectionId: conn.id }).then((c) => {
          expect(c).toEqual({ ok: true, value: { cancelled: true } });
        });
    });
    const first = await ws.call('sync:start', { connectionId: conn.id, historical: true });
    await cancelled;
    // Cancelled while reading the store: a 'cancelled' answer; while delivering: a summary in state 'cancelled'.
    if (first.ok) expect(first.value.state).toBe('cancelled');
    else expect(first.error.code).toBe('cancelled');
    expect(ws.engine.isRunning(conn.id)).toBe(false);
    expect(ws.events.query({ connectionId: conn.id, type: 'sync.cancelled' }).length).toBe(first.ok ? 0 : 1);

    const again = await ws.call('sync:start', { connectionId: conn.id, historical: true });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.state).toBe('drained');
    expect(exported()).toBe(1_000);
  });

  it('a worker that dies mid-sync fails that sync with the reason; the next sync starts a new worker', async () => {
    const { ws, conn, engine } = await setup({ customers: 300, orders: 300 });
    const first = await engine.status();
    let killed: Promise<void> | undefined;
    ws.bus.on('sync:progress', (p) => {
      if (p.phase === 'plan') killed ??= engine.terminate();
    });
    const dying = await ws.call('sync:start', { connectionId: conn.id, historical: true });
    await killed;
    expect(dying).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/engine worker stopped/) },
    });
    expect(ws.engine.isRunning(conn.id)).toBe(false);

    const again = await ws.call('sync:start', { connectionId: conn.id, historical: true });
    if (!again.ok) throw new Error(again.error.message);
    const second = await engine.status();
    expect(second.threadId).not.toBe(first.threadId);
    // Jobs the dead worker had leased wait for their lease to expire (the crash window); the rest arrived.
    expect(again.value.delivered).toBeGreaterThan(0);
  });

  it('the scheduler runs a continuous connection through the worker, and shutdown stops it', async () => {
    const { ws, conn, exported, engine } = await setup({ customers: 200, orders: 100, mode: 'continuous' });
    const finished = new Promise<void>((resolve) =>
      ws.bus.on('events:appended', ({ events }) => {
        if (events.some((e) => e.type === 'sync.finished')) resolve();
      }),
    );
    ws.scheduler.start();
    await finished;
    expect(exported()).toBe(300);
    const { threadId } = await engine.status();
    const [started] = ws.events.query({ connectionId: conn.id, type: 'sync.started' });
    expect(started?.payload).toMatchObject({ thread: threadId });
    await ws.shutdown();
    await expect(engine.status()).rejects.toThrow(/stopped/);
  });
});

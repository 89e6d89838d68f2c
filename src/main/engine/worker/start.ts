// Runs in: the main thread (Electron main process, browser host, CLI, tests). Owns: starting the engine worker
// and the small client that talks to it: sync, cancel, events, close. The main thread keeps the contract only.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../../shared/contract/index.js';
import { AppError } from '../../core/errors.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import type { SyncSummary } from '../sync-engine.js';
import type {
  SecretAnswer,
  SecretAsk,
  EngineEvent,
  EngineStatus,
  EngineWorkerData,
  WorkerCommand,
  WorkerMessage,
  WorkerSyncOptions,
} from './protocol.js';
import { toWorkerError } from './protocol.js';

export interface EngineWorkerOptions extends EngineWorkerData {
  /** The worker entry; by default engine-worker.js (built) or engine-worker.ts (tsx) beside this file. */
  entry?: string | URL;
  /** The main thread's store, which answers the worker's secret requests (sets `secretsFrom: 'main'`). */
  secretStore?: SecretStore;
}

export interface EngineWorker {
  sync(connectionId: string, o?: WorkerSyncOptions): Promise<SyncSummary>;
  cancel(connectionId: string): void;
  /** Running syncs, and the destination state of the connections named. */
  status(connectionIds?: string[]): Promise<EngineStatus>;
  /** Returns the unsubscribe function. */
  onEvent(cb: (e: EngineEvent) => void): () => void;
  /** Installs a changed network setting (proxy, extra CAs) in the worker. */
  network(n: NonNullable<EngineWorkerData['network']>): void;
  /** Cancels running syncs, closes the worker's databases and ends the thread. */
  close(): Promise<void>;
  /** Called once when the thread has ended, whether by `close()` or not (a crash, `terminate()`). */
  onExit(cb: (why: Error) => void): void;
  /** Ends the thread at once, mid-batch (a crash, as far as the queue knows: leases expire). */
  terminate(): Promise<void>;
  readonly threadId: number;
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
}

export async function startEngineWorker(opts: EngineWorkerOptions): Promise<EngineWorker> {
  const { entry, secretStore, ...rest } = opts;
  const data: EngineWorkerData = secretStore ? { ...rest, secretsFrom: 'main' } : rest;
  const file = entry ?? defaultEntry();
  const path = file instanceof URL ? fileURLToPath(file) : file;
  const worker = path.endsWith('.ts')
    ? new Worker(tsxBootstrap(path), { eval: true, workerData: data })
    : new Worker(path, { workerData: data });
  const pending = new Map<number, Pending>();
  const listeners = new Set<(e: EngineEvent) => void>();
  const exitListeners = new Set<(why: Error) => void>();
  let nextId = 1;
  let exited: Error | undefined;

  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') return resolve();
      if (m.type === 'event') {
        for (const l of listeners) l(m.event);
        return;
      }
      if (m.type === 'secret') {
        void answerSecret(m).then((a) => {
          if (!exited) worker.postMessage(a);
        });
        return;
      }
      const p = pending.get(m.requestId);
      if (!p) return;
      pending.delete(m.requestId);
      if (m.ok) p.resolve(m.value);
      else
        p.reject(new AppError(m.error.code as ErrorCode, m.error.message, { retryable: m.error.retryable }));
    });
    worker.on('error', (err) => {
      exited = err;
      reject(err);
      for (const l of listeners) l({ kind: 'error', message: err.message });
    });
    worker.on('exit', (code) => {
      // An AppError, so a sync that was running says why it failed instead of "something went wrong".
      exited ??= new AppError(
        'internal',
        `The engine worker stopped (exit code ${code}) before this finished; the next sync starts a new one and resumes where it stopped.`,
        { retryable: true },
      );
      reject(exited);
      for (const p of pending.values()) p.reject(exited);
      pending.clear();
      for (const l of exitListeners) l(exited);
    });
  });
  await ready;

  async function answerSecret(m: SecretAsk): Promise<SecretAnswer> {
    const base = { type: 'secret-result' as const, requestId: m.requestId };
    try {
      if (!secretStore) throw new AppError('internal', 'This engine worker was given no secret store.');
      if (m.op === 'status') return { ...base, ok: true, value: await secretStore.status() };
      if (m.op === 'set') return { ...base, ok: true, value: await secretStore.set(m.account, m.secret) };
      const value = m.op === 'get' ? await secretStore.get(m.account) : await secretStore.delete(m.account);
      return { ...base, ok: true, value };
    } catch (err) {
      return { ...base, ok: false, error: toWorkerError(err) };
    }
  }

  function request<T>(make: (requestId: number) => WorkerCommand): Promise<T> {
    if (exited) return Promise.reject(exited);
    const requestId = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(requestId, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage(make(requestId));
    });
  }

  return {
    threadId: worker.threadId,
    sync: (connectionId, o = {}) =>
      request<SyncSummary>((requestId) => ({ type: 'sync', requestId, connectionId, options: o })),
    cancel: (connectionId) => {
      if (!exited) worker.postMessage({ type: 'cancel', connectionId } satisfies WorkerCommand);
    },
    network: (network) => {
      if (!exited) worker.postMessage({ type: 'network', network } satisfies WorkerCommand);
    },
    status: (connectionIds = []) =>
      request<EngineStatus>((requestId) => ({ type: 'status', requestId, connectionIds })),
    onEvent(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    onExit(cb) {
      if (exited) cb(exited);
      else exitListeners.add(cb);
    },
    async terminate() {
      await worker.terminate();
    },
    async close() {
      if (exited) return;
      const done = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      await request<null>((requestId) => ({ type: 'close', requestId })).catch(() => undefined);
      await done;
    },
  };
}

/**
 * In development and tests the entry is TypeScript. `execArgv: ['--import', 'tsx']` does not reach a worker's
 * module loader on Node 20 ("Unknown file extension .ts"), so the worker registers tsx's hooks itself first.
 */
function tsxBootstrap(entry: string): string {
  // The ESM build of tsx's API, found from this file (a worker evaluates its code with no base URL).
  const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
  const api = pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href;
  const target = pathToFileURL(entry).href;
  return `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`;
}

function defaultEntry(): string {
  const js = fileURLToPath(new URL('./engine-worker.js', import.meta.url));
  return existsSync(js) ? js : fileURLToPath(new URL('./engine-worker.ts', import.meta.url));
}

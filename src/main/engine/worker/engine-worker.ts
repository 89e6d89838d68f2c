// Runs in: a worker_threads Worker (Electron main process or plain Node). Owns: the sync engine off the main
// thread: opens the workspace's SQLite files itself, runs the commands it is sent, posts results and events.
import { parentPort, workerData } from 'node:worker_threads';
import { openWorkspace } from '../../app/workspace.js';
import { AppError } from '../../core/errors.js';
import { silentLogger } from '../../core/logger.js';
import { MemorySecretStore } from './memory-secrets.js';
import { stagedEngine } from './staged-engine.js';
import type { EngineEvent, EngineWorkerData, WorkerCommand, WorkerError, WorkerMessage } from './protocol.js';

if (!parentPort)
  throw new Error('engine-worker.ts runs only inside a worker thread (use startEngineWorker).');
const port = parentPort;
const data = workerData as EngineWorkerData;
const post = (m: WorkerMessage) => port.postMessage(m);
const emit = (event: EngineEvent) => post({ type: 'event', event });

const ws = openWorkspace({
  dir: data.dir,
  host: data.host,
  logger: silentLogger,
  ...(data.keychainService ? { keychainService: data.keychainService } : {}),
  ...(data.secrets ? { secrets: new MemorySecretStore(data.secrets) } : {}),
  ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
  ...(data.maskPii !== undefined ? { maskPii: data.maskPii } : {}),
});
const engine = data.source === 'staged' ? stagedEngine(ws) : ws.engine;
const offBus = ws.bus.onAny((event, payload) => emit({ kind: 'bus', event, payload }));
const running = new Map<string, AbortController>();
const inFlight = new Set<Promise<void>>();

port.on('message', (cmd: WorkerCommand) => {
  switch (cmd.type) {
    case 'sync': {
      const p = sync(cmd).finally(() => inFlight.delete(p));
      inFlight.add(p);
      return;
    }
    case 'cancel':
      running.get(cmd.connectionId)?.abort();
      return;
    case 'status':
      post({
        type: 'result',
        requestId: cmd.requestId,
        ok: true,
        value: {
          running: [...running.keys()],
          destinations: Object.fromEntries(cmd.connectionIds.map((id) => [id, engine.destinationState(id)])),
        },
      });
      return;
    case 'close':
      void close(cmd.requestId);
      return;
  }
});
post({ type: 'ready' });

async function sync(cmd: Extract<WorkerCommand, { type: 'sync' }>): Promise<void> {
  // A second request for a running connection joins it (the engine never overlaps a connection's syncs).
  const abort = running.get(cmd.connectionId) ?? new AbortController();
  running.set(cmd.connectionId, abort);
  try {
    const value = await engine.sync(cmd.connectionId, {
      ...cmd.options,
      signal: abort.signal,
      onProgress: (progress) => emit({ kind: 'progress', progress }),
    });
    post({ type: 'result', requestId: cmd.requestId, ok: true, value });
  } catch (err) {
    post({ type: 'result', requestId: cmd.requestId, ok: false, error: toWorkerError(err) });
  } finally {
    if (!engine.isRunning(cmd.connectionId)) running.delete(cmd.connectionId);
  }
}

/** Cancelled syncs stop between batches; the databases close only after they have. */
async function close(requestId: number): Promise<void> {
  for (const c of running.values()) c.abort();
  await Promise.allSettled([...inFlight]);
  offBus();
  ws.close();
  post({ type: 'result', requestId, ok: true, value: null });
  port.close();
}

function toWorkerError(err: unknown): WorkerError {
  if (err instanceof AppError)
    return { code: err.code, message: err.message, retryable: err.options.retryable ?? false };
  return { code: 'internal', message: err instanceof Error ? err.message : String(err), retryable: false };
}

// Runs in: a worker_threads Worker (Electron main process or plain Node). Owns: the sync engine off the main
// thread: opens the workspace's SQLite files itself, runs the commands it is sent, posts results and events.
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { openWorkspace } from '../../app/workspace.js';
import { silentLogger } from '../../core/logger.js';
import { MainThreadSecretStore } from './main-secrets.js';
import { MemorySecretStore } from './memory-secrets.js';
import { networkFollower } from './network.js';
import { stagedEngine } from './staged-engine.js';
import {
  toWorkerError,
  type EngineEvent,
  type EngineWorkerData,
  type WorkerCommand,
  type WorkerMessage,
} from './protocol.js';

if (!parentPort)
  throw new Error('engine-worker.ts runs only inside a worker thread (use startEngineWorker).');
const port = parentPort;
const data = workerData as EngineWorkerData;
const post = (m: WorkerMessage) => port.postMessage(m);
const emit = (event: EngineEvent) => post({ type: 'event', event });
const fromMain = data.secretsFrom === 'main' ? new MainThreadSecretStore(post) : undefined;
const network = networkFollower(
  (message) => emit({ kind: 'error', message }),
  data.proxyLoopback ? { proxyLoopback: true } : {},
);
if (data.network) network.apply(data.network);

const ws = openWorkspace({
  dir: data.dir,
  host: data.host,
  logger: silentLogger,
  ...(data.keychainService ? { keychainService: data.keychainService } : {}),
  ...(data.secrets ? { secrets: new MemorySecretStore(data.secrets) } : {}),
  ...(fromMain ? { secrets: fromMain } : {}),
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
    case 'network':
      network.apply(cmd.network);
      return;
    case 'secret-result':
      fromMain?.answer(cmd);
      return;
    case 'cancel':
      running.get(cmd.connectionId)?.abort();
      return;
    case 'status':
      post({
        type: 'result',
        requestId: cmd.requestId,
        ok: true,
        value: {
          threadId,
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
      onProgress: (progress) => {
        emit({ kind: 'progress', progress });
        emitDestination(cmd.connectionId);
      },
    });
    post({ type: 'result', requestId: cmd.requestId, ok: true, value });
  } catch (err) {
    post({ type: 'result', requestId: cmd.requestId, ok: false, error: toWorkerError(err) });
  } finally {
    if (!engine.isRunning(cmd.connectionId)) running.delete(cmd.connectionId);
    emitDestination(cmd.connectionId);
  }
}

/** The main thread answers `connections:status` from the last state it was told (it cannot wait on us). */
function emitDestination(connectionId: string): void {
  emit({ kind: 'destination', connectionId, state: engine.destinationState(connectionId) });
}

/** Cancelled syncs stop between batches; the databases close only after they have. */
async function close(requestId: number): Promise<void> {
  for (const c of running.values()) c.abort();
  await Promise.allSettled([...inFlight]);
  offBus();
  ws.close();
  await network.stop();
  post({ type: 'result', requestId, ok: true, value: null });
  port.close();
}

// Runs in: main thread and the engine worker. Owns: the messages between them: commands in, results and
// events out. Every message is structured-clone safe (plain data, no functions, no class instances).
import type { DesktopSettings } from '../../../shared/contract/app.js';
import type { AppInfo, EventName } from '../../../shared/contract/index.js';
import { AppError } from '../../core/errors.js';
import type { StagedResource } from '../connector.js';
import type { SyncProgress, SyncSummary } from '../sync-engine.js';

export interface EngineWorkerData {
  /** The workspace folder; the worker opens its own connections to its SQLite files (WAL allows it). */
  dir: string;
  host: AppInfo['host'];
  keychainService?: string;
  /** Secrets handed over by value (benchmarks, tests). */
  secrets?: Record<string, string>;
  /**
   * 'main': the worker asks the main thread for each secret it needs (the hosts: the keychain stays on the
   * main thread, one owner). Without it and without `secrets`, the worker reads the OS keychain itself.
   */
  secretsFrom?: 'main';
  nativeBinding?: string;
  maskPii?: boolean;
  /**
   * Where a sync reads its store: BigCommerce (the product), or only what is already staged (no network:
   * re-exporting staged data, and measuring the engine alone).
   */
  source?: 'bigcommerce' | 'staged';
  /**
   * The network setting (proxy, extra CAs) to install as the worker's fetch dispatcher, as the Electron main
   * thread does for itself; later changes arrive as `network` commands. Absent: Node's default route.
   */
  network?: DesktopSettings['network'];
  /** Loopback through the proxy too (tests, whose simulators live on loopback; see NetworkSettings). */
  proxyLoopback?: boolean;
}

export interface WorkerSyncOptions {
  historical?: boolean;
  from?: string;
  to?: string;
  resources?: StagedResource[];
  awaitConfirmation?: boolean;
}

export interface EngineStatus {
  /** The worker's thread id (worker_threads), never the main thread's 0. */
  threadId: number;
  running: string[];
  /** For each connection asked about: whether its destination answers (the breaker's view). */
  destinations: Record<string, DestinationState>;
}

export type WorkerCommand =
  | { type: 'sync'; requestId: number; connectionId: string; options: WorkerSyncOptions }
  | { type: 'cancel'; connectionId: string }
  | { type: 'status'; requestId: number; connectionIds: string[] }
  | { type: 'close'; requestId: number }
  | { type: 'network'; network: DesktopSettings['network'] }
  | SecretAnswer;

/** The worker asking the main thread's SecretStore (see `secretsFrom: 'main'`). */
export type SecretAsk =
  | { type: 'secret'; requestId: number; op: 'status' }
  | { type: 'secret'; requestId: number; op: 'get' | 'delete'; account: string }
  | { type: 'secret'; requestId: number; op: 'set'; account: string; secret: string };

export type SecretAnswer =
  | { type: 'secret-result'; requestId: number; ok: true; value: unknown }
  | { type: 'secret-result'; requestId: number; ok: false; error: WorkerError };

export interface WorkerError {
  code: string;
  message: string;
  retryable: boolean;
}

export type EngineEvent =
  | { kind: 'progress'; progress: SyncProgress }
  /** A push event of the workspace's bus (events:appended and the like), for the main bus to re-emit. */
  | { kind: 'bus'; event: EventName; payload: unknown }
  /** A connection's destination as the worker's circuit breaker sees it, after each progress step and run. */
  | { kind: 'destination'; connectionId: string; state: DestinationState }
  | { kind: 'error'; message: string };

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'result'; requestId: number; ok: true; value: SyncSummary | EngineStatus | null }
  | { type: 'result'; requestId: number; ok: false; error: WorkerError }
  | { type: 'event'; event: EngineEvent }
  | SecretAsk;

export type DestinationState = 'online' | 'offline' | 'probing';

/** An error as it crosses the thread boundary (class instances do not survive structured cloning). */
export function toWorkerError(err: unknown): WorkerError {
  if (err instanceof AppError)
    return { code: err.code, message: err.message, retryable: err.options.retryable ?? false };
  return { code: 'internal', message: err instanceof Error ? err.message : String(err), retryable: false };
}

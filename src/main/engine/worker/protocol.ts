// Runs in: main thread and the engine worker. Owns: the messages between them: commands in, results and
// events out. Everything here is structured-clone safe (plain data, no functions, no class instances).
import type { AppInfo, EventName } from '../../../shared/contract/index.js';
import type { StagedResource } from '../connector.js';
import type { SyncProgress, SyncSummary } from '../sync-engine.js';

export interface EngineWorkerData {
  /** The workspace folder; the worker opens its own connections to its SQLite files (WAL allows it). */
  dir: string;
  host: AppInfo['host'];
  keychainService?: string;
  /** Secrets handed over by value (benchmarks, tests); without it the worker reads the OS keychain. */
  secrets?: Record<string, string>;
  nativeBinding?: string;
  maskPii?: boolean;
  /**
   * Where a sync reads its store: BigCommerce (the product), or only what is already staged (no network:
   * re-exporting staged data, and measuring the engine alone).
   */
  source?: 'bigcommerce' | 'staged';
}

export interface WorkerSyncOptions {
  historical?: boolean;
  from?: string;
  to?: string;
  resources?: StagedResource[];
}

export interface EngineStatus {
  running: string[];
  /** For each connection asked about: whether its destination answers (the breaker's view). */
  destinations: Record<string, 'online' | 'offline' | 'probing'>;
}

export type WorkerCommand =
  | { type: 'sync'; requestId: number; connectionId: string; options: WorkerSyncOptions }
  | { type: 'cancel'; connectionId: string }
  | { type: 'status'; requestId: number; connectionIds: string[] }
  | { type: 'close'; requestId: number };

export interface WorkerError {
  code: string;
  message: string;
  retryable: boolean;
}

export type EngineEvent =
  | { kind: 'progress'; progress: SyncProgress }
  /** A push event of the workspace's bus (events:appended and the like), for the main bus to re-emit. */
  | { kind: 'bus'; event: EventName; payload: unknown }
  | { kind: 'error'; message: string };

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'result'; requestId: number; ok: true; value: SyncSummary | EngineStatus | null }
  | { type: 'result'; requestId: number; ok: false; error: WorkerError }
  | { type: 'event'; event: EngineEvent };

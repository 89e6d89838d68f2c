// Runs in: the main thread. Owns: the engine worker's public surface.
export { startEngineWorker, type EngineWorker, type EngineWorkerOptions } from './start.js';
export type { EngineEvent, EngineStatus, WorkerSyncOptions } from './protocol.js';
export { MemorySecretStore } from './memory-secrets.js';

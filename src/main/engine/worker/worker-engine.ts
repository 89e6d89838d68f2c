// Runs in: the main thread of a host (Electron main, browser host). Owns: the engine as handlers and the
// scheduler see it (EngineApi), with the work done in the engine worker: syncs, cancels and progress cross
// the thread boundary, and the worker's push events come back onto the workspace's bus.
import type { EventBus } from '../../core/emitter.js';
import type { EventPayload } from '../../../shared/contract/index.js';
import type { EngineApi, SyncOptions, SyncProgress, SyncSummary } from '../sync-engine.js';
import type { DestinationState, EngineStatus, WorkerSyncOptions } from './protocol.js';
import type { EngineWorker } from './start.js';

export class WorkerEngine implements EngineApi {
  private readonly running = new Map<string, Promise<SyncSummary>>();
  private readonly listeners = new Map<string, Set<(p: SyncProgress) => void>>();
  private readonly destinations = new Map<string, DestinationState>();
  private closing: Promise<void> | undefined;

  /** `worker` is still starting; calls made meanwhile wait for it, and fail with its reason if it cannot. */
  constructor(
    private readonly worker: Promise<EngineWorker>,
    bus: EventBus,
    onError: (message: string) => void = () => undefined,
  ) {
    void worker.then(
      (w) =>
        w.onEvent((e) => {
          if (e.kind === 'progress')
            for (const l of this.listeners.get(e.progress.connectionId) ?? []) l(e.progress);
          else if (e.kind === 'destination') this.destinations.set(e.connectionId, e.state);
          else if (e.kind === 'bus') bus.emit(e.event, e.payload as EventPayload<typeof e.event>);
          else onError(e.message);
        }),
      (err: unknown) => onError(err instanceof Error ? err.message : String(err)),
    );
  }

  /** Resolves once the worker answered; rejects with why it could not start. */
  get ready(): Promise<void> {
    return this.worker.then(() => undefined);
  }

  /** Starts a sync in the worker, or joins the one running; the signal and `onProgress` work as in process. */
  sync(connectionId: string, o: SyncOptions = {}): Promise<SyncSummary> {
    const existing = this.running.get(connectionId);
    if (existing) return existing;
    const { signal, onProgress, ...rest } = o;
    const options: WorkerSyncOptions = {
      ...(rest.historical !== undefined ? { historical: rest.historical } : {}),
      ...(rest.from ? { from: rest.from } : {}),
      ...(rest.to ? { to: rest.to } : {}),
      ...(rest.resources ? { resources: rest.resources } : {}),
    };
    const listeners = new Set<(p: SyncProgress) => void>();
    if (onProgress) listeners.add(onProgress);
    this.listeners.set(connectionId, listeners);
    const abort = () => this.cancel(connectionId);
    signal?.addEventListener('abort', abort, { once: true });
    const run = this.worker
      .then((w) => w.sync(connectionId, options))
      .finally(() => {
        this.running.delete(connectionId);
        this.listeners.delete(connectionId);
        signal?.removeEventListener('abort', abort);
      });
    this.running.set(connectionId, run);
    return run;
  }

  /** Asks the worker to stop the run after the batch in flight; true when one was running. */
  cancel(connectionId: string): boolean {
    if (!this.running.has(connectionId)) return false;
    void this.worker.then((w) => w.cancel(connectionId));
    return true;
  }

  isRunning(connectionId: string): boolean {
    return this.running.has(connectionId);
  }

  /** The state the worker last reported (after every progress step and run); 'online' before any. */
  destinationState(connectionId: string): DestinationState {
    return this.destinations.get(connectionId) ?? 'online';
  }

  /** Passes a changed network setting (proxy, extra CAs) on to the worker's outbound calls. */
  network(n: Parameters<EngineWorker['network']>[0]): void {
    void this.worker.then((w) => w.network(n));
  }

  /** The worker's own view, including its thread id. */
  async status(connectionIds: string[] = []): Promise<EngineStatus> {
    return (await this.worker).status(connectionIds);
  }

  /** Cancels running syncs, lets the batch in flight finish, closes the worker's databases; idempotent. */
  close(): Promise<void> {
    this.closing ??= this.worker.then(
      (w) => w.close(),
      () => undefined,
    );
    return this.closing;
  }
}

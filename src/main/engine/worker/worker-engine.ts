// Runs in: the main thread of a host (Electron main, browser host). Owns: the engine as handlers and the
// scheduler see it (EngineApi), with the work done in the engine worker: syncs, cancels and progress cross
// the thread boundary, the worker's push events come back onto the workspace's bus, and a worker that died
// is replaced by a fresh one for the next sync.
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
  private worker: Promise<EngineWorker>;
  /** The worker ended without being asked to (or could not start): the next call starts a new one. */
  private dead = false;

  /**
   * Starts the worker at once, in the background; calls made meanwhile wait for it, and fail with its
   * reason if it cannot start.
   */
  constructor(
    private readonly start: () => Promise<EngineWorker>,
    private readonly bus: EventBus,
    private readonly onError: (message: string) => void = () => undefined,
  ) {
    this.worker = this.connect();
  }

  /** Resolves once the worker answered; rejects with why it could not start. */
  get ready(): Promise<void> {
    return this.worker.then(() => undefined);
  }

  private connect(): Promise<EngineWorker> {
    const starting = this.start();
    void starting.then(
      (w) => {
        w.onEvent((e) => {
          if (e.kind === 'progress')
            for (const l of this.listeners.get(e.progress.connectionId) ?? []) l(e.progress);
          else if (e.kind === 'destination') this.destinations.set(e.connectionId, e.state);
          else if (e.kind === 'bus') this.bus.emit(e.event, e.payload as EventPayload<typeof e.event>);
          else this.onError(e.message);
        });
        w.onExit((why) => {
          if (this.closing || this.worker !== starting) return;
          // Its runs have failed with `why`; their leased jobs return to the queue when the leases expire.
          this.dead = true;
          this.destinations.clear();
          this.onError(`${why.message} A new engine worker starts for the next sync.`);
        });
      },
      (err: unknown) => {
        if (this.worker === starting) this.dead = true;
        this.onError(err instanceof Error ? err.message : String(err));
      },
    );
    return starting;
  }

  private current(): Promise<EngineWorker> {
    if (this.dead && !this.closing) {
      this.dead = false;
      this.worker = this.connect();
    }
    return this.worker;
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
      ...(rest.awaitConfirmation ? { awaitConfirmation: true } : {}),
    };
    const listeners = new Set<(p: SyncProgress) => void>();
    if (onProgress) listeners.add(onProgress);
    this.listeners.set(connectionId, listeners);
    const abort = () => this.cancel(connectionId);
    signal?.addEventListener('abort', abort, { once: true });
    const run = this.current()
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
    void this.worker.then(
      (w) => w.cancel(connectionId),
      () => undefined,
    );
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
    void this.worker.then(
      (w) => w.network(n),
      () => undefined,
    );
  }

  /** The worker's own view, including its thread id. */
  async status(connectionIds: string[] = []): Promise<EngineStatus> {
    return (await this.current()).status(connectionIds);
  }

  /** Ends the worker at once, as a crash would (tests; a worker that stopped answering). */
  async terminate(): Promise<void> {
    await (await this.worker).terminate();
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

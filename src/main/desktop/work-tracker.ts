// Runs in: main (Electron-free). Owns: the deliveries in flight, so quitting can stop new work, wait for what
// is running to be recorded, and abort (not cut) what does not finish in time.
export class NotAcceptingWork extends Error {
  constructor() {
    super('Storebridge is quitting: no new work is started');
    this.name = 'NotAcceptingWork';
  }
}

export class WorkTracker {
  private readonly running = new Map<
    number,
    { label: string; abort: AbortController; done: Promise<unknown> }
  >();
  private accepting = true;
  private seq = 0;
  private idleWaiters: Array<() => void> = [];

  /**
   * Runs one unit of work (a delivery batch: send, then record in one transaction). `signal` fires when
   * quitting gives up waiting: the work must stop before recording, leaving its jobs leased for next start.
   */
  run<T>(label: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (!this.accepting) return Promise.reject(new NotAcceptingWork());
    const id = ++this.seq;
    const abort = new AbortController();
    const done = (async () => work(abort.signal))();
    this.running.set(id, { label, abort, done });
    const forget = () => {
      this.running.delete(id);
      if (this.running.size === 0) for (const w of this.idleWaiters.splice(0)) w();
    };
    done.then(forget, forget);
    return done;
  }

  stopAccepting(): void {
    this.accepting = false;
  }

  get size(): number {
    return this.running.size;
  }

  labels(): string[] {
    return [...this.running.values()].map((r) => r.label);
  }

  whenIdle(): Promise<void> {
    if (this.running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  abortAll(reason = 'quitting'): number {
    for (const r of this.running.values()) r.abort.abort(new Error(reason));
    return this.running.size;
  }
}

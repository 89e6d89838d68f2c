// Runs in: main (Electron-free). Owns: spacing the individual requests a connector makes inside one deliver
// call (the engine paces batches; Connectif writes one record per request, Bloomreach splits big batches),
// and waiting out a window the platform says is spent.
import type { Clock } from '../../core/clock.js';

export class Pacer {
  private next = 0;
  private blockedUntil = 0;
  private last = 0;

  constructor(
    private perMinute: number,
    private readonly clock: Clock,
  ) {}

  setRate(perMinute: number): void {
    this.perMinute = perMinute;
  }

  /** The platform said the window is spent (429, or X-RateLimit-Remaining 0) until `at` (epoch ms). */
  blockUntil(at: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, at);
  }

  /** How long the next request would wait because the platform's window is spent. */
  blockedFor(): number {
    const now = this.follow(this.clock.now());
    return Math.max(0, this.blockedUntil - now);
  }

  async turn(signal: AbortSignal): Promise<void> {
    const now = this.follow(this.clock.now());
    const at = Math.max(now, this.next, this.blockedUntil);
    this.next = at + 60_000 / this.perMinute;
    const wait = at - now;
    if (wait > 0) await sleep(wait, signal);
  }

  /** The wall clock was set back: shift the pending times with it, or every request waits out the jump. */
  private follow(now: number): number {
    if (now < this.last) {
      const jump = this.last - now;
      this.next -= jump;
      this.blockedUntil -= jump;
    }
    this.last = now;
    return now;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(t);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

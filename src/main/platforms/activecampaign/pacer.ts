// Runs in: main (Electron-free). Owns: spacing requests to one ActiveCampaign account. The engine paces
// batches; ActiveCampaign counts every request (5 per second per account, no burst), and one record takes
// several requests, so each request waits its turn here.
import type { Clock } from '../../core/clock.js';

export class Pacer {
  private next = 0;
  private last = 0;

  constructor(
    private perSecond: number,
    private readonly clock: Clock,
  ) {}

  setRate(perSecond: number): void {
    this.perSecond = perSecond;
  }

  /** After a 429: nothing goes before `ms` from now. */
  pause(ms: number): void {
    this.next = Math.max(this.next, this.clock.now() + ms);
  }

  async turn(signal: AbortSignal): Promise<void> {
    const now = this.clock.now();
    // The wall clock was set back: shift the next turn with it, or every request waits out the jump.
    if (now < this.last) this.next -= this.last - now;
    this.last = now;
    const at = Math.max(now, this.next);
    this.next = at + 1000 / this.perSecond;
    const wait = at - now;
    if (wait > 0) await sleep(wait, signal);
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

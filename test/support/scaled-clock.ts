// Runs in: vitest. Owns: a clock that runs N times faster than real time, with the sleep that matches it, so
// minutes of engine time (outages, breaker probes, backoff) pass in seconds of a test.
import type { Clock } from '../../src/main/core/clock.js';

export class ScaledClock implements Clock {
  private readonly realStart = Date.now();
  constructor(
    readonly factor: number,
    private readonly start = Date.now(),
  ) {}

  now(): number {
    return this.start + Math.round((Date.now() - this.realStart) * this.factor);
  }

  /** Real milliseconds for `ms` of this clock's time. */
  real(ms: number): number {
    return Math.max(0, Math.ceil(ms / this.factor));
  }

  /** Waits `ms` of this clock's time, or less when the signal aborts. */
  sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise((resolve) => {
      if (ms <= 0 || signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(t);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const t = setTimeout(done, this.real(ms));
      signal?.addEventListener('abort', done, { once: true });
    });
}

// Runs in: main (Electron-free). Owns: one drain's view of rate-limit refusals: how long the jobs it held wait
// (the scope's limiter decides) and how long nothing but refusals has come back.
import type { JobResult } from '../connector.js';
import type { TokenBucket } from '../rate-limiter.js';

/**
 * A refused batch throttles the scope's limiter (every connection in the scope waits, not just this batch)
 * and its jobs wait exactly as long as the limiter does.
 */
export class RateHold {
  /** When the jobs this drain held for a rate limit are due again (epoch ms). */
  until = 0;
  private lastProgress: number;

  constructor(
    private readonly bucket: TokenBucket,
    start: number,
  ) {
    this.lastProgress = start;
  }

  apply(results: JobResult[], now: number): JobResult[] {
    const limited = results.filter((r) => r.outcome === 'rateLimited');
    if (limited.length < results.length) this.lastProgress = now;
    if (limited.length === 0) return results;
    const asked = limited.flatMap((r) => (r.retryAfterMs !== undefined ? [r.retryAfterMs] : []));
    const wait = this.bucket.throttle(asked.length > 0 ? Math.max(...asked) : undefined);
    this.until = Math.max(this.until, now + wait);
    return results.map((r) => (r.outcome === 'rateLimited' ? { ...r, retryAfterMs: wait } : r));
  }

  /** How long only rate-limit refusals have come back. */
  stalledFor(now: number): number {
    return now - this.lastProgress;
  }
}

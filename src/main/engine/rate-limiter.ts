// Runs in: main (Electron-free). Owns: pacing calls to a platform by the scope the platform enforces (per
// account, per IP, per API user), shared by every connection that falls in that scope.
import type { Clock } from '../core/clock.js';

export interface RateLimit {
  /** The key of the scope the platform counts in, e.g. `activecampaign:account:https://x.api-us1.com`. */
  scopeKey: string;
  /** Sustained calls per second. */
  perSecond: number;
  /** Calls allowed at once after an idle period. */
  burst: number;
}

/** A token bucket; `reserve()` returns how long to wait before the call may go (0 = now). */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private pausedUntil = 0;

  constructor(
    private limit: Omit<RateLimit, 'scopeKey'>,
    private readonly clock: Clock,
  ) {
    this.tokens = limit.burst;
    this.last = clock.now();
  }

  /** Takes one token now or books the next free one; callers wait the returned ms, then call. */
  reserve(): number {
    const now = this.clock.now();
    this.refill(now);
    const waitForPause = Math.max(0, this.pausedUntil - now);
    this.tokens -= 1;
    const waitForToken = this.tokens >= 0 ? 0 : (-this.tokens / this.limit.perSecond) * 1000;
    return Math.ceil(Math.max(waitForPause, waitForToken));
  }

  /** After a 429: nothing goes until `ms` from now, and the burst is spent. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
    this.tokens = Math.min(this.tokens, 0);
  }

  /**
   * After a rate-limit refusal: the whole scope waits `retryAfterMs`, or without one the time a full burst
   * takes to refill (at least a second), since the platform's window is evidently spent. Returns the wait.
   */
  throttle(retryAfterMs?: number): number {
    const wait =
      retryAfterMs !== undefined && retryAfterMs >= 0
        ? Math.ceil(retryAfterMs)
        : Math.max(1000, Math.ceil((this.limit.burst / this.limit.perSecond) * 1000));
    this.pause(wait);
    return wait;
  }

  update(limit: Omit<RateLimit, 'scopeKey'>): void {
    this.limit = limit;
    this.tokens = Math.min(this.tokens, limit.burst);
  }

  private refill(now: number): void {
    if (now < this.last) {
      // The wall clock was set back: shift the bucket's times with it, or the negative gap would drain the
      // bucket and make every call wait out the jump.
      if (this.pausedUntil > 0) this.pausedUntil -= this.last - now;
      this.last = now;
    }
    const start = Math.max(this.last, this.pausedUntil > now ? now : this.last);
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - start) / 1000) * this.limit.perSecond);
    this.last = now;
  }
}

/** One bucket per scope, so two connections to the same ActiveCampaign account share its 5 calls/s. */
export class RateLimiters {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly clock: Clock) {}

  for(limit: RateLimit): TokenBucket {
    let bucket = this.buckets.get(limit.scopeKey);
    if (!bucket) this.buckets.set(limit.scopeKey, (bucket = new TokenBucket(limit, this.clock)));
    return bucket;
  }
}

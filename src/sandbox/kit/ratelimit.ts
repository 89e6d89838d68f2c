// Runs in: Node (simulators). Owns: the two rate-limit shapes vendors use (fixed window, sliding per-second).

export interface WindowState {
  limit: number;
  remaining: number;
  windowMs: number;
  resetMs: number;
}

/** A fixed window that refills completely at each boundary (BigCommerce, dotdigital hourly). */
export class FixedWindowLimiter {
  private windowStart: number;
  private used = 0;

  constructor(
    public limit: number,
    public windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.windowStart = now();
  }

  /** Takes one unit; returns the state after taking, with `allowed` false when over the limit. */
  take(): WindowState & { allowed: boolean } {
    this.roll();
    const allowed = this.used < this.limit;
    if (allowed) this.used++;
    return { ...this.state(), allowed };
  }

  /** Consumes units as another app on the same quota would. */
  consume(units: number): void {
    this.roll();
    this.used = Math.min(this.limit, this.used + units);
  }

  state(): WindowState {
    this.roll();
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - this.used),
      windowMs: this.windowMs,
      resetMs: Math.max(0, this.windowStart + this.windowMs - this.now()),
    };
  }

  reset(): void {
    this.windowStart = this.now();
    this.used = 0;
  }

  private roll(): void {
    const t = this.now();
    if (t >= this.windowStart + this.windowMs) {
      const elapsedWindows = Math.floor((t - this.windowStart) / this.windowMs);
      this.windowStart += elapsedWindows * this.windowMs;
      this.used = 0;
    }
  }
}

/** A sliding log of request times: at most `limit` in any `windowMs` (ActiveCampaign's 5/s, per-minute tiers). */
export class SlidingWindowLimiter {
  private times: number[] = [];

  constructor(
    public limit: number,
    public windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Returns 0 when allowed (and records the request), else the ms until a slot frees. */
  take(): number {
    const t = this.now();
    const cutoff = t - this.windowMs;
    while (this.times.length > 0 && this.times[0]! <= cutoff) this.times.shift();
    if (this.times.length < this.limit) {
      this.times.push(t);
      return 0;
    }
    return Math.max(1, this.times[0]! + this.windowMs - t);
  }

  /** Slots left in the current window without taking one (for `RateLimit-Remaining`-style headers). */
  remaining(): number {
    const cutoff = this.now() - this.windowMs;
    while (this.times.length > 0 && this.times[0]! <= cutoff) this.times.shift();
    return Math.max(0, this.limit - this.times.length);
  }

  reset(): void {
    this.times = [];
  }
}

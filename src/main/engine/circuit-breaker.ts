// Runs in: main (Electron-free). Owns: pausing a destination that cannot be reached, probing it with
// backoff, and letting its backlog flow again when it answers. Offline is not a record's fault: jobs held
// back by an open breaker keep their attempt count.
import type { Clock } from '../core/clock.js';

export type BreakerState = 'closed' | 'open' | 'half-open';

export class CircuitBreaker {
  private state: BreakerState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probeAt = 0;
  private probeDelay = 0;

  constructor(
    private readonly clock: Clock,
    private readonly opts = { threshold: 3, firstProbeMs: 5_000, maxProbeMs: 5 * 60_000 },
  ) {}

  /** True when a call may go now (closed, or the one probe of a half-open breaker). */
  allow(): boolean {
    if (this.state === 'closed') return true;
    if (this.state === 'open' && this.now() >= this.probeAt) {
      this.state = 'half-open';
      return true;
    }
    return false;
  }

  /** True while calls must wait (open and not yet due for a probe); unlike `allow()`, it takes no probe. */
  blocked(): boolean {
    return this.state === 'open' && this.now() < this.probeAt;
  }

  /** The clock, with the next probe never further away than the delay it was set with (clock set back). */
  private now(): number {
    const now = this.clock.now();
    if (this.probeAt - now > this.probeDelay) this.probeAt = now + this.probeDelay;
    return now;
  }

  /** The destination answered (even with an error about a record): it is reachable. */
  reachable(): void {
    this.state = 'closed';
    this.failures = 0;
  }

  /** A connection error, DNS failure, timeout or 5xx outage. */
  unreachable(): void {
    this.failures++;
    if (this.state === 'half-open' || this.failures >= this.opts.threshold) {
      if (this.state === 'closed') this.openedAt = this.clock.now();
      this.state = 'open';
      const n = Math.max(0, this.failures - this.opts.threshold);
      this.probeDelay = Math.min(this.opts.maxProbeMs, this.opts.firstProbeMs * 2 ** n);
      this.probeAt = this.clock.now() + this.probeDelay;
    }
  }

  status(): { state: BreakerState; since?: number; nextProbeAt?: number } {
    if (this.state === 'closed') return { state: 'closed' };
    return { state: this.state, since: this.openedAt, nextProbeAt: this.probeAt };
  }
}

// Runs in: Node (simulators). Owns: the per-account request limit. SALESmanago publishes no figures, so the
// limit, window and answer (HTTP 429 with Retry-After) are assumptions that let connectors exercise backoff.
import { FixedWindowLimiter, type SimResponse } from '../kit/index.js';
import type { ResolvedOptions } from './options.js';

export const TOO_MANY_REQUESTS = 'Too many requests';

export class RateGate {
  private readonly limiters = new Map<string, FixedWindowLimiter>();

  constructor(private readonly opts: ResolvedOptions) {}

  /** Takes one request for the account; returns the over-limit answer when none is left. */
  take(clientId: string, api: 'v2' | 'v3'): SimResponse | undefined {
    const rl = this.opts.rateLimit;
    if (rl === false) return undefined;
    let limiter = this.limiters.get(clientId);
    if (!limiter) {
      limiter = new FixedWindowLimiter(rl.limit, rl.windowMs, this.opts.now);
      this.limiters.set(clientId, limiter);
    }
    const state = limiter.take();
    if (state.allowed) return undefined;
    const headers = { 'retry-after': String(Math.max(1, Math.ceil(state.resetMs / 1000))) };
    const body =
      api === 'v2' ? { success: false, message: [TOO_MANY_REQUESTS] } : { messages: [TOO_MANY_REQUESTS] };
    return { status: 429, headers, body };
  }

  /** Remaining requests in the account's current window (for /__sim/state). */
  remaining(clientId: string): number | undefined {
    return this.limiters.get(clientId)?.state().remaining;
  }

  reset(): void {
    this.limiters.clear();
  }
}

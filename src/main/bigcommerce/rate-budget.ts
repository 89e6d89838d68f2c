// Runs in: main (Electron-free). Owns: the per-store request budget every call to one store goes through:
// pacing from X-Rate-Limit-* headers, a configurable share of the quota, and waits after a 429.
import type { Clock } from '../core/clock.js';
import { AppError } from '../core/errors.js';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled(signal));
    const timer = setTimeout(done, Math.max(0, ms));
    function done(): void {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort(): void {
      clearTimeout(timer);
      reject(cancelled(signal));
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export function cancelled(signal?: AbortSignal): AppError {
  return new AppError('cancelled', 'The BigCommerce read was cancelled.', { cause: signal?.reason });
}

export interface RateBudgetOptions {
  /** Fraction of the store's quota this app may use per window; the rest is left to other apps. */
  share?: number;
  /** Requests in flight at once for this store. */
  maxConcurrency?: number;
  /** Extra wait after the announced reset, so a request never lands in the window that just closed. */
  resetSlackMs?: number;
  clock: Clock;
  sleep: Sleep;
}

export interface RateHeaders {
  quota: number;
  left: number;
  windowMs: number;
  resetMs: number;
}

export interface RateBudgetSnapshot {
  quota?: number;
  windowMs?: number;
  left?: number;
  resetAt?: number;
  usedThisWindow: number;
  inFlight: number;
  cap?: number;
}

/** Reads the four X-Rate-Limit headers (names are case-insensitive); undefined when any is missing. */
export function readRateHeaders(headers: Headers): RateHeaders | undefined {
  const num = (name: string): number | undefined => {
    const v = headers.get(name);
    if (v === null || v.trim() === '') return undefined;
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  };
  const quota = num('x-rate-limit-requests-quota');
  const left = num('x-rate-limit-requests-left');
  const windowMs = num('x-rate-limit-time-window-ms');
  const resetMs = num('x-rate-limit-time-reset-ms');
  if (quota === undefined || left === undefined || windowMs === undefined || resetMs === undefined) {
    return undefined;
  }
  return { quota, left, windowMs, resetMs };
}

/**
 * One per store, shared by every request to it. Before the first answer it lets a single probe through;
 * afterwards it keeps `usedThisWindow < share × quota` and `left > (1 − share) × quota`, so when the headers
 * show other apps consuming the quota, this app slows down instead of taking their part.
 */
export class RateBudget {
  private readonly share: number;
  private readonly maxConcurrency: number;
  private readonly slack: number;
  private quota: number | undefined;
  private windowMs: number | undefined;
  private left: number | undefined;
  private resetAt: number | undefined;
  /** True when a new window started locally and no answer from it has arrived yet. */
  private probing = true;
  private usedThisWindow = 0;
  private inFlight = 0;
  private blockedUntil = 0;
  private waiters: Array<() => void> = [];

  constructor(private readonly opts: RateBudgetOptions) {
    this.share = Math.min(1, Math.max(0.01, opts.share ?? 0.8));
    this.maxConcurrency = Math.max(1, opts.maxConcurrency ?? 3);
    this.slack = opts.resetSlackMs ?? 25;
  }

  snapshot(): RateBudgetSnapshot {
    return {
      quota: this.quota,
      windowMs: this.windowMs,
      left: this.left,
      resetAt: this.resetAt,
      usedThisWindow: this.usedThisWindow,
      inFlight: this.inFlight,
      cap: this.cap(),
    };
  }

  /** Waits for a slot; call the returned function when the answer (or failure) is in. */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    for (;;) {
      if (signal?.aborted) throw cancelled(signal);
      const now = this.opts.clock.now();
      this.roll(now);
      const wait = this.waitMs(now);
      if (wait === 0) {
        this.inFlight++;
        this.usedThisWindow++;
        if (this.left !== undefined) this.left--;
        let released = false;
        return () => {
          if (released) return;
          released = true;
          this.inFlight--;
          this.wake();
        };
      }
      if (wait === Infinity) await this.nextRelease(signal);
      else await this.opts.sleep(wait, signal);
    }
  }

  /** Feeds the headers of any answer (including errors) back into the budget. */
  observe(h: RateHeaders | undefined): void {
    if (!h) return;
    const now = this.opts.clock.now();
    this.quota = h.quota;
    this.windowMs = h.windowMs;
    const reportedReset = now + h.resetMs;
    const half = h.windowMs / 2;
    if (this.resetAt === undefined || this.probing || reportedReset > this.resetAt + half) {
      // First answer of a window (or of a newer one than we thought): adopt it. Requests still in flight
      // may not be counted in it yet.
      if (this.resetAt !== undefined && !this.probing && reportedReset > this.resetAt + half) {
        this.usedThisWindow = Math.min(this.usedThisWindow, this.inFlight);
      }
      this.resetAt = reportedReset;
      this.left = h.left - Math.max(0, this.inFlight - 1);
      this.probing = false;
    } else if (reportedReset >= this.resetAt - half) {
      // Same window: the earliest reset is the truest (later arrivals only add latency), and `left` only
      // falls within a window; a lower figure than ours means other apps are using the quota.
      this.resetAt = Math.min(this.resetAt, reportedReset);
      this.left = Math.min(this.left ?? h.left, h.left);
    }
    // else: a late answer from a window that has already closed; it says nothing about this one.
    this.wake();
  }

  /** After a 429: nothing left until the reset; `streak` counts consecutive 429s to back off further. */
  onRateLimited(h: RateHeaders | undefined, streak: number): number {
    const now = this.opts.clock.now();
    const extra = streak > 1 ? Math.min(30_000, 250 * 2 ** (streak - 2)) : 0;
    let wait: number;
    if (h) {
      this.observe(h);
      this.left = 0;
      this.resetAt = now + h.resetMs;
      wait = h.resetMs + this.slack + extra;
    } else {
      // A 429 without headers is platform load shedding: back off exponentially.
      wait = Math.min(60_000, 1_000 * 2 ** (streak - 1));
    }
    this.blockedUntil = Math.max(this.blockedUntil, now + wait);
    return wait;
  }

  private cap(): number | undefined {
    return this.quota === undefined ? undefined : Math.max(1, Math.floor(this.quota * this.share));
  }

  private roll(now: number): void {
    if (this.resetAt === undefined || now < this.resetAt + this.slack) return;
    const w = this.windowMs ?? 30_000;
    const missed = Math.floor((now - this.resetAt) / w);
    this.resetAt += (missed + 1) * w;
    this.usedThisWindow = 0;
    this.left = this.quota;
    this.probing = true;
  }

  private waitMs(now: number): number {
    if (now < this.blockedUntil) return this.blockedUntil - now;
    if (this.inFlight >= this.maxConcurrency) return Infinity;
    const cap = this.cap();
    // Unknown state (first call, or a fresh window): one probe at a time until an answer tells us more.
    if (cap === undefined || this.probing) return this.inFlight === 0 ? 0 : Infinity;
    const reserve = (this.quota ?? 0) - cap;
    if (this.usedThisWindow < cap && (this.left ?? 0) > reserve) return 0;
    // Spent for this window: wait for the reset (or for an in-flight answer that moves it).
    if (this.resetAt === undefined) return Infinity;
    return Math.max(1, this.resetAt + this.slack - now);
  }

  private nextRelease(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const onAbort = (): void => reject(cancelled(signal));
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

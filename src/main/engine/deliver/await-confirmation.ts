// Runs in: main (Electron-free). Owns: a sync that waits for the platform to confirm what it accepted
// asynchronously (bulk imports): asks again, paced and backing off, until nothing awaits, all that awaits has a
// not-before past the bound, a confirmation frees queued work (a contact's orders wait for the contact), a
// bound passes, the destination stops answering or the run is cancelled.
import { confirmSubmitted, type Log } from './confirm.js';
import type { ConnectionRuntime, DrainDeps, DrainOutcome } from './drain.js';
import type { RateHold } from './rate-hold.js';

export interface ConfirmWait {
  /** How long a sync keeps asking after its last delivery. Default 3 minutes. */
  maxMs?: number;
  /** The pause after the first round of asking (default 1 s); it doubles each round up to `capMs` (30 s). */
  firstMs?: number;
  capMs?: number;
  /** After each round: how many jobs still await the platform's confirmation. */
  onAwaiting?: (count: number) => void;
}

/**
 * `more`: confirmations settled jobs and others are queued (they may have waited for these): deliver again.
 * `deferred`: every job still submitted has a not-before after the bound, so waiting could not settle any.
 */
export type WaitEnd = 'confirmed' | 'more' | 'deferred' | 'bound' | 'offline' | 'cancelled';

const DEFAULTS = { maxMs: 180_000, firstMs: 1_000, capMs: 30_000 };

/** The pause after round `round` (0-based): first, 2×first, 4×first… never above the cap. */
export function confirmDelay(round: number, o: ConfirmWait = {}): number {
  const first = o.firstMs ?? DEFAULTS.firstMs;
  return Math.min(o.capMs ?? DEFAULTS.capMs, first * 2 ** Math.min(round, 30));
}

export async function awaitConfirmation(
  rt: ConnectionRuntime,
  deps: DrainDeps,
  wait: ConfirmWait,
  signal: AbortSignal,
  log: Log,
  out: DrainOutcome,
  hold: RateHold,
): Promise<WaitEnd> {
  if (!rt.connector.confirm) return 'confirmed';
  const pending = () => deps.queue.stats(rt.connectionId).submitted;
  if (pending() === 0) return 'confirmed';
  const start = deps.clock.now();
  const deadline = start + (wait.maxMs ?? DEFAULTS.maxMs);
  // Jobs the platform can still take before the bound; the others are not worth waiting for.
  const waitable = () => pending() - deps.queue.deferred(rt.connectionId, deadline).count;
  if (waitable() === 0) return 'deferred';
  // Status checks are calls like any other: they take their turn in the scope's limiter.
  const pace = () => deps.sleep(rt.bucket.reserve(), signal);
  const settled = () => out.delivered + out.retried + out.dead;
  for (let round = 0; ; round++) {
    const before = settled();
    await confirmSubmitted(rt, deps, log, out, hold, { pace, signal });
    if (signal.aborted) return 'cancelled';
    const left = pending();
    // Deferred jobs are not awaiting a confirmation: the platform has yet to take them.
    const awaiting = left - deps.queue.deferred(rt.connectionId, deps.clock.now()).count;
    wait.onAwaiting?.(awaiting);
    if (settled() > before && deps.queue.stats(rt.connectionId).queued > 0) return 'more';
    if (left === 0) return 'confirmed';
    if (waitable() === 0) return 'deferred';
    if (rt.breaker.blocked()) return 'offline';
    const remaining = deadline - deps.clock.now();
    if (remaining <= 0) {
      log({
        level: 'info',
        type: 'delivery.awaiting',
        message: `${awaiting} record(s) submitted, awaiting ${rt.connector.label}'s confirmation after ${Math.round((deps.clock.now() - start) / 1000)} s; checked again on the next sync.`,
      });
      return 'bound';
    }
    // The progress report above may have led to a cancel: do not start a pause an aborted signal cannot end.
    if (signal.aborted) return 'cancelled';
    await deps.sleep(Math.min(confirmDelay(round, wait), remaining), signal);
    if (signal.aborted) return 'cancelled';
  }
}

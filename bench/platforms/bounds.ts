// Runs in: Node (benchmarks). Owns: the bound of a platform benchmark: the least time the calls a sync really
// made need under each limit they count against, and the records/s that allows.
import type { LoggedRequest } from '../../src/sandbox/kit/index.js';
import type { PlatformLimit } from './adapters.js';

export interface LimitUse {
  name: string;
  /** Calls of this sync the limit counted (refused ones excluded: the sync did not need them). */
  calls: number;
  limit: number;
  windowMs: number;
  /** The least real time those calls need: see `minSeconds`. */
  seconds: number;
}

/**
 * Under "L calls per window W" (fixed or sliding), C calls need at least (ceil(C / L) - 1) × W: the first L can
 * go at once, and each further L only a window after the L before them. Zero when they all fit in one window.
 */
export function minSeconds(calls: number, limit: number, windowMs: number): number {
  return calls <= 0 ? 0 : ((Math.ceil(calls / limit) - 1) * windowMs) / 1000;
}

export function limitUses(requests: LoggedRequest[], limits: PlatformLimit[]): LimitUse[] {
  const needed = requests.filter((r) => r.status !== 429);
  return limits.map((l) => {
    const calls = needed.filter((r) => l.counts(r)).length;
    return {
      name: l.name,
      calls,
      limit: l.calls,
      windowMs: l.windowMs,
      seconds: minSeconds(calls, l.calls, l.windowMs),
    };
  });
}

export function describeUse(u: LimitUse): string {
  return `${u.calls} ${u.name} at ${u.limit}/${u.windowMs / 1000} s → ${u.seconds.toFixed(0)} s`;
}

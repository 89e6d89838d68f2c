// Runs in: vitest. Owns: one connection's delivery runtime as the deliver tests drive drainConnection: a real
// SQLite queue, a manual clock, a bucket that never waits unless a pace is asked for, a breaker that opens
// on the first failure, and the events the drain recorded.
import { ManualClock } from '../../src/main/core/clock.js';
import { silentLogger } from '../../src/main/core/logger.js';
import { CircuitBreaker } from '../../src/main/engine/circuit-breaker.js';
import type { Connector } from '../../src/main/engine/connector.js';
import type { ConnectionRuntime, DrainDeps } from '../../src/main/engine/deliver/drain.js';
import { JobQueue } from '../../src/main/engine/queue/job-queue.js';
import { TokenBucket } from '../../src/main/engine/rate-limiter.js';
import type { Db } from '../../src/main/storage/db.js';

export interface DrainRigOptions {
  clock?: ManualClock;
  settings?: unknown;
  /** Paces the connection's calls (burst 1); unpaced when absent. */
  perSecond?: number;
  confirmWait?: DrainDeps['confirmWait'];
}

/** Connection 'conn-a' of engineDb()'s store, delivering to `connector`. */
export function drainRig(db: Db, connector: Connector<unknown, unknown>, o: DrainRigOptions = {}) {
  const clock = o.clock ?? new ManualClock(0);
  const queue = new JobQueue(db, { baseMs: 10, maxMs: 100, maxAttempts: 5 }, () => 1);
  const events: Array<{ type: string; message: string }> = [];
  const breaker = new CircuitBreaker(clock, { threshold: 1, firstProbeMs: 1000, maxProbeMs: 8000 });
  const rt: ConnectionRuntime = {
    connectionId: 'conn-a',
    storeId: 'store-1',
    connector,
    ctx: {
      credentials: {},
      settings: o.settings ?? {},
      account: { id: 'acct-1', name: 'A' },
      clock,
      logger: silentLogger,
      signal: new AbortController().signal,
    },
    bucket: new TokenBucket({ perSecond: o.perSecond ?? 1e6, burst: o.perSecond ? 1 : 1e6 }, clock),
    breaker,
  };
  const deps: DrainDeps = {
    queue,
    events: { append: (...e) => (events.push(...e), []) },
    clock,
    sleep: async (ms) => clock.advance(ms),
    owner: 'test',
    leaseMs: 60_000,
    ...(o.confirmWait ? { confirmWait: o.confirmWait } : {}),
  };
  return { clock, queue, events, breaker, rt, deps };
}

// Runs in: vitest. Owns: the real engine pieces a platform harness drives one connection through on the system
// clock (SQLite queue, drain loop, token bucket, breaker): records planned and enqueued, drained until nothing
// waits. The ActiveCampaign, Bloomreach and Connectif harnesses wrap it around their simulators.
import { systemClock } from '../../../src/main/core/clock.js';
import { silentLogger } from '../../../src/main/core/logger.js';
import { CircuitBreaker } from '../../../src/main/engine/circuit-breaker.js';
import type { Connector, ConnectorContext, StagedRecord } from '../../../src/main/engine/connector.js';
import {
  drainConnection,
  type ConnectionRuntime,
  type DrainDeps,
} from '../../../src/main/engine/deliver/drain.js';
import { JobQueue } from '../../../src/main/engine/queue/job-queue.js';
import { TokenBucket } from '../../../src/main/engine/rate-limiter.js';
import { engineDb } from '../../support/engine-db.js';

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

/**
 * One connection ('conn-a' of 'store-1') through `connector`, with `credentials`, `settings` and `account`;
 * the rig adds the clock, logger and abort signal of the context.
 */
export function engineRig<C, S>(
  /** The whole connector; typed by `plan` alone so the credentials' type is read from `base`. */
  connector: Pick<Connector<C, S>, 'plan'>,
  base: Pick<ConnectorContext<C, S>, 'credentials' | 'settings' | 'account'>,
) {
  const db = engineDb();
  const queue = new JobQueue(db, { baseMs: 5, maxMs: 50, maxAttempts: 10 }, () => 0);
  const abort = new AbortController();
  const ctx: ConnectorContext<C, S> = {
    ...base,
    clock: systemClock,
    logger: silentLogger,
    signal: abort.signal,
  };
  const events: Array<{ type: string; message: string }> = [];
  const rt: ConnectionRuntime = {
    connectionId: 'conn-a',
    storeId: 'store-1',
    connector: connector as unknown as Connector<unknown, unknown>,
    ctx,
    bucket: new TokenBucket({ perSecond: 1e6, burst: 1e6 }, systemClock),
    breaker: new CircuitBreaker(systemClock, { threshold: 1, firstProbeMs: 20, maxProbeMs: 100 }),
  };
  const deps: DrainDeps = {
    queue,
    events: { append: (...e) => (events.push(...e), []) },
    clock: systemClock,
    sleep,
    owner: 'test',
    leaseMs: 60_000,
  };
  const { settings } = base;
  return {
    queue,
    ctx,
    events,
    enqueue: (records: StagedRecord[], historical: boolean): ReturnType<JobQueue['enqueue']> =>
      queue.enqueue(
        'conn-a',
        records.flatMap((r) =>
          connector.plan({ ...r, historical }, { settings, connectionId: 'conn-a', storeId: 'store-1' }),
        ),
        historical,
        Date.now(),
      ),
    /** Drains until nothing is queued or leased (retries included), or fails after `ms`. */
    async drainAll(ms = 15_000): Promise<{ delivered: number; dead: number; rounds: number }> {
      const until = Date.now() + ms;
      const total = { delivered: 0, dead: 0, rounds: 0 };
      for (;;) {
        const out = await drainConnection(rt, deps, abort.signal);
        total.delivered += out.delivered;
        total.dead += out.dead;
        total.rounds++;
        const s = queue.stats('conn-a');
        if (s.queued === 0 && s.leased === 0) return total;
        if (Date.now() > until)
          throw new Error(
            `queue not drained: ${JSON.stringify(s)}; last events: ${JSON.stringify(events.slice(-5))}`,
          );
        await sleep(10);
      }
    },
    /** Stops a drain in progress and closes the database. */
    close(): void {
      abort.abort();
      db.close();
    },
  };
}

// Runs in: main (Electron-free). Owns: asking the platform about the jobs it accepted asynchronously
// (submitted), a page at a time, and recording what it answered.
import type { NewEvent } from '../../events/event-log.js';
import { DestinationUnreachable, type DeliveryJob, type JobResult } from '../connector.js';
import { describe } from './describe.js';
import type { ConnectionRuntime, DrainDeps, DrainOutcome } from './drain.js';
import type { RateHold } from './rate-hold.js';

export type Log = (...e: NewEvent[]) => unknown;

/**
 * Asks the platform about every submitted job, a page at a time. Each page is split by record type and the
 * groups are confirmed concurrently, so one slow kind (a large import still processing) never holds back the
 * others. Jobs whose not-before has not come are not asked about. A confirm that throws leaves its jobs submitted for the next drain: an unreachable platform trips
 * the breaker, any other error is logged; neither stops delivery. `o.pace`, when given, runs before each call
 * (the scope's limiter), for callers that ask again and again; after `o.signal` aborts nothing more is asked.
 */
export async function confirmSubmitted(
  rt: ConnectionRuntime,
  deps: DrainDeps,
  log: Log,
  out: DrainOutcome,
  hold: RateHold,
  o: { signal?: AbortSignal; pace?: () => Promise<void> } = {},
): Promise<void> {
  const confirm = rt.connector.confirm?.bind(rt.connector);
  if (!confirm) return;
  let afterId = 0;
  for (;;) {
    // Peek, never take the breaker's single probe: delivery below needs it when the destination is back.
    if (rt.breaker.blocked() || o.signal?.aborted) return;
    const page = deps.queue.submitted(rt.connectionId, rt.connector.batchSize, afterId, deps.clock.now());
    if (page.length === 0) return;
    afterId = page[page.length - 1]!.jobId;
    const groups = new Map<string, DeliveryJob[]>();
    for (const j of page) groups.set(j.entityType, [...(groups.get(j.entityType) ?? []), j]);
    await Promise.all(
      [...groups.values()].map(async (group) => {
        let answered: JobResult[];
        try {
          await o.pace?.();
          if (o.signal?.aborted) return;
          answered = await confirm(group, rt.ctx);
          rt.breaker.reachable();
        } catch (err) {
          // A cancelled run aborts the call in flight: nothing went wrong, the jobs simply stay submitted.
          if (o.signal?.aborted) return;
          const message = err instanceof Error ? err.message : String(err);
          if (err instanceof DestinationUnreachable) rt.breaker.unreachable();
          log({
            level: 'warn',
            type:
              err instanceof DestinationUnreachable ? 'connection.unreachable' : 'delivery.confirm_failed',
            message: `${rt.connector.label} could not confirm ${group.length} submitted ${group[0]!.entityType} record(s): ${message}. They stay submitted and are asked about again.`,
          });
          return;
        }
        const ids = new Set(group.map((j) => j.jobId));
        const now = deps.clock.now();
        // Still pending but with a (new) not-before: kept with the job, so a watched sync knows not to wait.
        const later = answered.filter((r) => r.outcome === 'submitted' && r.notBefore && ids.has(r.jobId));
        if (later.length > 0) deps.queue.complete(later, now);
        const results = hold.apply(
          answered.filter((r) => r.outcome !== 'submitted' && ids.has(r.jobId)),
          now,
        );
        if (results.length === 0) return;
        const counts = deps.queue.complete(results, now);
        out.delivered += counts.ok;
        out.retried += counts.retry + counts.rateLimited;
        out.rateLimited += counts.rateLimited;
        out.dead += counts.dead;
        log(...describe(group, results, rt.connector.label, true));
      }),
    );
    if (page.length < rt.connector.batchSize) return;
  }
}

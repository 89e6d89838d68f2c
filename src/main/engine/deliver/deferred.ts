// Runs in: main (Electron-free). Owns: what a drain reports of submitted jobs the platform only takes later
// (a not-before, e.g. an hourly allowance spent): how many, from when, and the connector's sentence for them.
import type { Connector } from '../connector.js';
import type { JobQueue } from '../queue/job-queue.js';

export interface DeferredFigures {
  /** Submitted jobs the platform cannot take before `deferredUntil`: not awaiting a confirmation yet. */
  deferred: number;
  /** The earliest not-before of those jobs (epoch ms). */
  deferredUntil: number;
  /** The connector's sentence for them, e.g. "12 enrolments deferred by dotdigital's hourly limit, sent after …". */
  deferredNote: string;
}

/** "2026-01-05 11:00 UTC", rounded up to the minute so "after" stays true; the same on every machine. */
export function formatAfter(ms: number): string {
  const up = Math.ceil(ms / 60_000) * 60_000;
  return `${new Date(up).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function deferredFigures(
  connector: Pick<Connector, 'label' | 'describeDeferred'>,
  queue: Pick<JobQueue, 'deferred'>,
  connectionId: string,
  now: number,
): DeferredFigures | undefined {
  const { count, until } = queue.deferred(connectionId, now);
  if (count === 0 || until === null) return undefined;
  const after = formatAfter(until);
  const deferredNote =
    connector.describeDeferred?.(count, after) ??
    `${count} record(s) deferred by ${connector.label}, sent after ${after}`;
  return { deferred: count, deferredUntil: until, deferredNote };
}

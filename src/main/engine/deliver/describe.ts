// Runs in: main (Electron-free). Owns: what the event log says about a batch's results: one event per batch,
// plus one per record that failed, was retried, held for a rate limit, submitted or dead-lettered.
import type { NewEvent } from '../../events/event-log.js';
import type { DeliveryJob, JobResult } from '../connector.js';

/** A job the connector forgot to answer for is retried, never silently dropped. */
export function coverEveryJob(jobs: DeliveryJob[], results: JobResult[], label: string): JobResult[] {
  const answered = new Set(results.map((r) => r.jobId));
  const missing = jobs.filter((j) => !answered.has(j.jobId));
  return [
    ...results.filter((r) => jobs.some((j) => j.jobId === r.jobId)),
    ...missing.map((j): JobResult => ({
      jobId: j.jobId,
      outcome: 'retryable',
      reason: `${label} gave no result for this record`,
    })),
  ];
}

/**
 * One event per batch, plus one per record that failed, was retried or dead-lettered. `confirmed` marks the
 * platform's answers about jobs it had already accepted (their `submitted` was counted when they went out).
 */
export function describe(
  jobs: DeliveryJob[],
  results: JobResult[],
  label: string,
  confirmed = false,
): NewEvent[] {
  const byId = new Map(jobs.map((j) => [j.jobId, j]));
  const ok = results.filter((r) => r.outcome === 'ok').length;
  const events: NewEvent[] = [
    {
      level: ok === results.length ? 'info' : 'warn',
      type: 'delivery.batch',
      message: confirmed
        ? `${label}: ${ok} of ${results.length} submitted record(s) confirmed`
        : `${label}: ${ok} of ${results.length} record(s) accepted`,
      payload: confirmed ? { counts: countBy(results), confirmed: true } : { counts: countBy(results) },
    },
  ];
  for (const r of results) {
    const job = byId.get(r.jobId);
    if (!job || r.outcome === 'ok') continue;
    const record = { recordType: job.entityType, recordId: job.entityId };
    if (r.outcome === 'permanent')
      events.push({
        level: 'error',
        type: 'delivery.dead',
        message: `${label} rejected ${job.entityType} ${job.entityId}: ${r.reason}`,
        ...record,
        payload: job.payload,
      });
    else if (r.outcome === 'rateLimited')
      events.push({
        level: 'warn',
        type: 'delivery.retry',
        message: `${label} held ${job.entityType} ${job.entityId} for its rate limit, ${r.retryAfterMs ?? 0} ms (no attempt spent): ${r.reason}`,
        ...record,
      });
    else if (r.outcome === 'retryable')
      events.push({
        level: 'warn',
        type: 'delivery.retry',
        message: `${label} did not take ${job.entityType} ${job.entityId} (attempt ${job.attempts}): ${r.reason}`,
        ...record,
      });
    else
      events.push({
        level: 'info',
        type: 'delivery.submitted',
        message: `${label} accepted ${job.entityType} ${job.entityId} for processing (${r.ref})`,
        ...record,
      });
  }
  return events;
}

function countBy(results: JobResult[]): Record<string, number> {
  const c: Record<string, number> = {};
  for (const r of results) c[r.outcome] = (c[r.outcome] ?? 0) + 1;
  return c;
}

// Runs in: main (Electron-free). Owns: delivering PURCHASE, CANCELLATION and RETURN events through
// contact/batchAddContactExtEvent, one event per contact per call so each failure line names one job.
import type { DeliveryJob } from '../../engine/connector.js';
import type { SalesmanagoClient } from './client.js';
import { failuresByEmail } from './contacts.js';
import { type BatchRun, isObject, platformMessage } from './outcome.js';
import { type ContactEvent, type EventPayload, SOURCE_DETAIL } from './payloads.js';

export const MAX_BATCH_EVENTS = 1000;

/** The contact is not there yet (its upsert is still retrying): the event can arrive later. */
const NOT_YET = /contact not found|too many requests/i;

/** Archive and live events are told apart in SALESmanago by this detail, for rules and reports. */
export function withSource(event: ContactEvent, historical: boolean): ContactEvent {
  return { ...event, [SOURCE_DETAIL]: historical ? 'storebridge-archive' : 'storebridge-live' };
}

/** Splits jobs into rounds in which every e-mail appears once. */
function rounds<T extends DeliveryJob & { payload: { email: string } }>(jobs: T[]): T[][] {
  const out: T[][] = [];
  for (const job of jobs) {
    const key = job.payload.email.toLowerCase();
    const round = out.find((r) => !r.some((j) => j.payload.email.toLowerCase() === key));
    if (round && round.length < MAX_BATCH_EVENTS) round.push(job);
    else out.push([job]);
  }
  return out;
}

export async function sendEvents(
  client: SalesmanagoClient,
  run: BatchRun,
  jobs: Array<DeliveryJob & { payload: EventPayload }>,
): Promise<void> {
  for (const round of rounds(jobs)) {
    const events = round.map((j) => ({
      email: j.payload.email,
      contactEvent: withSource(j.payload.event, j.historical),
    }));
    const a = await run.send(round, () => client.v2('contact/batchAddContactExtEvent', { events }));
    if (!a) continue;
    const body = isObject(a.body) ? a.body : {};
    const failed = failuresByEmail(body['message']);
    const whole = body['success'] === false ? platformMessage(a) : undefined;
    for (const job of round) {
      const reason = failed.get(job.payload.email.toLowerCase()) ?? whole;
      if (reason === undefined) run.ok(job);
      else
        run.fail(job, {
          kind: NOT_YET.test(reason) ? 'retryable' : 'permanent',
          reason: `${job.payload.label}: ${reason}`,
        });
    }
  }
}

// Runs in: main (Electron-free). Owns: delivering PURCHASE, CANCELLATION and RETURN events effectively once:
// each through integration/upsert with its mark on the contact in the same call (see event-marks.ts), after
// one contact/list read of the marks already there.
import type { DeliveryJob } from '../../engine/connector.js';
import type { SalesmanagoClient } from './client.js';
import { emailOf, listMarks, markOf, readMarks, withMark } from './event-marks.js';
import { type BatchRun, isObject, platformMessage } from './outcome.js';
import { type ContactEvent, EVENTS_PROPERTY, type EventPayload, SOURCE_DETAIL } from './payloads.js';

type EventJob = DeliveryJob & { payload: EventPayload };

/** The contact is not there yet (its upsert is still retrying): the event can arrive later. */
const NOT_YET = /contact not found|too many requests/i;

/** Archive and live events are told apart in SALESmanago by this detail, for rules and reports. */
export function withSource(event: ContactEvent, historical: boolean): ContactEvent {
  return { ...event, [SOURCE_DETAIL]: historical ? 'storebridge-archive' : 'storebridge-live' };
}

/** The vendor util's union call: the contact part only sets the mark (all force flags off changes nothing). */
function unionBody(client: SalesmanagoClient, job: EventJob, marks: string[]) {
  const { owner } = client.credentials;
  const email = job.payload.email;
  return {
    contactUpsertRequest: {
      owner,
      contact: { email },
      forceOptIn: false,
      forceOptOut: false,
      forcePhoneOptIn: false,
      forcePhoneOptOut: false,
      properties: { [EVENTS_PROPERTY]: marks.join(' ') },
    },
    addContactExtEventRequest: { owner, email, contactEvent: withSource(job.payload.event, job.historical) },
  };
}

export async function sendEvents(client: SalesmanagoClient, run: BatchRun, jobs: EventJob[]): Promise<void> {
  const read = await run.send(jobs, () => listMarks(client, jobs));
  if (!read) return;
  const marks = readMarks(read);
  // A contact's next event goes only after its previous one succeeded: resolveInDoubt relies on that order.
  const halted = new Map<string, string>();
  for (const job of jobs) {
    const email = emailOf(job);
    const have = marks.get(email) ?? [];
    // Sent before, its answer lost (a timeout, a connection dropped mid-batch): it arrived, do not repeat it.
    if (have.includes(markOf(job))) {
      run.ok(job);
      continue;
    }
    const waiting = halted.get(email);
    if (waiting !== undefined) {
      run.fail(job, {
        kind: 'retryable',
        reason: `${job.payload.label}: waits for an earlier event of this contact (${waiting})`,
      });
      continue;
    }
    const next = withMark(have, markOf(job));
    const a = await run.send([job], () => client.v2('integration/upsert', unionBody(client, job, next)));
    if (!a) {
      halted.set(email, 'not sent');
      continue;
    }
    const body = isObject(a.body) ? a.body : {};
    const eventId = typeof body['eventId'] === 'string' ? body['eventId'] : undefined;
    if (body['success'] === false || !eventId) {
      const reason = platformMessage(a);
      halted.set(email, reason);
      run.fail(job, {
        kind: NOT_YET.test(reason) ? 'retryable' : 'permanent',
        reason: `${job.payload.label}: ${reason}`,
      });
      continue;
    }
    marks.set(email, next);
    run.ok(job, eventId);
  }
}

// Runs in: main (Electron-free). Owns: the marks that make external events effectively-once. SALESmanago
// appends every event and cannot list them back, so each event is sent with integration/upsert, which writes
// its key into the contact property `storebridge_events` in the same call; the marks say what arrived.
import type { DeliveryJob } from '../../engine/connector.js';
import type { Answer, SalesmanagoClient } from './client.js';
import { isObject } from './outcome.js';
import { EVENTS_PROPERTY, type EventPayload } from './payloads.js';

type EventJob = DeliveryJob & { payload: EventPayload };

/** Property values are kept this short: SALESmanago documents no limit [UNVERIFIED], 255 is the usual. */
export const MAX_MARKS_CHARS = 255;

/** `P1042` for the PURCHASE of order 1042, `C…` cancellation, `R…` return: the job's ledger identity. */
export function markOf(job: Pick<DeliveryJob, 'entityType' | 'entityId'>): string {
  return `${job.entityType.charAt(0).toUpperCase()}${job.entityId}`;
}

/** The marks after adding one, oldest dropped first so the value stays within the limit. */
export function withMark(marks: readonly string[], mark: string): string[] {
  const out = [...marks.filter((m) => m !== mark), mark];
  while (out.length > 1 && out.join(' ').length > MAX_MARKS_CHARS) out.shift();
  return out;
}

export const emailOf = (job: EventJob): string => job.payload.email.trim().toLowerCase();

/** The marks of each e-mail, from one contact/list call (`contact/list` answers live contacts only). */
export function readMarks(a: Answer): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const contacts = isObject(a.body) && Array.isArray(a.body['contacts']) ? a.body['contacts'] : [];
  for (const c of contacts.filter(isObject)) {
    const props = Array.isArray(c['properties']) ? c['properties'] : [];
    const p = props.find((x) => isObject(x) && x['name'] === EVENTS_PROPERTY);
    const value = isObject(p) && typeof p['value'] === 'string' ? p['value'] : '';
    out.set(String(c['email']).toLowerCase(), value.split(' ').filter(Boolean));
  }
  return out;
}

export function listMarks(client: SalesmanagoClient, jobs: EventJob[]): Promise<Answer> {
  return client.v2('contact/list', { email: [...new Set(jobs.map(emailOf))] });
}

/**
 * The in-doubt jobs that arrived. Jobs of one crashed batch were sent in job order, one contact's next event
 * only after the previous one was answered with success, so a mark that is there also vouches for the
 * contact's earlier jobs of that batch whose marks were pushed out by the length limit.
 */
export function arrived(jobs: EventJob[], marks: Map<string, string[]>): Set<number> {
  const out = new Set<number>();
  const byEmail = new Map<string, EventJob[]>();
  for (const j of [...jobs].sort((a, b) => a.jobId - b.jobId))
    byEmail.set(emailOf(j), [...(byEmail.get(emailOf(j)) ?? []), j]);
  for (const [email, list] of byEmail) {
    const have = new Set(marks.get(email) ?? []);
    let last = -1;
    list.forEach((j, i) => {
      if (have.has(markOf(j))) last = i;
    });
    for (const j of list.slice(0, last + 1)) out.add(j.jobId);
  }
  return out;
}

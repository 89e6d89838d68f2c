// Runs in: main (Electron-free). Owns: delivering contact jobs through contact/batchupsertv2 and reading its
// per-contact results (contactIds by e-mail, failedContacts, one "email: reason" line per failure).
import type { DeliveryJob } from '../../engine/connector.js';
import type { SalesmanagoClient } from './client.js';
import { type BatchRun, isObject, platformMessage } from './outcome.js';
import type { ContactPayload, UpsertDetail } from './payloads.js';

/** Undocumented; third-party clients chunk at 1000. */
export const MAX_BATCH_CONTACTS = 1000;

/** Messages that say the contact can arrive later rather than that the record is wrong. */
const TRANSIENT = /too many requests|temporar|timeout|try again/i;

export function failuresByEmail(messages: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!Array.isArray(messages)) return out;
  for (const m of messages) {
    if (typeof m !== 'string') continue;
    const i = m.indexOf(': ');
    if (i > 0) out.set(m.slice(0, i).toLowerCase(), m.slice(i + 2));
  }
  return out;
}

export async function sendContacts(
  client: SalesmanagoClient,
  run: BatchRun,
  jobs: Array<DeliveryJob & { payload: ContactPayload }>,
): Promise<void> {
  for (let i = 0; i < jobs.length; i += MAX_BATCH_CONTACTS) {
    const chunk = jobs.slice(i, i + MAX_BATCH_CONTACTS);
    const details = await fillOnlyEmpty(client, run, chunk);
    if (details) await upsertChunk(client, run, details, chunk);
  }
}

/** Drops `fillOnly` fields the contact already has in SALESmanago (one contact/list call for the chunk). */
async function fillOnlyEmpty(
  client: SalesmanagoClient,
  run: BatchRun,
  jobs: Array<DeliveryJob & { payload: ContactPayload }>,
): Promise<UpsertDetail[] | undefined> {
  const careful = jobs.filter((j) => j.payload.fillOnly?.length);
  if (careful.length === 0) return jobs.map((j) => j.payload.detail);
  const emails = [...new Set(careful.map((j) => j.payload.detail.contact.email.toLowerCase()))];
  const a = await run.send(jobs, () => client.v2('contact/list', { email: emails }));
  if (!a) return undefined;
  const known = new Map<string, Record<string, unknown>>();
  const list = isObject(a.body) && Array.isArray(a.body['contacts']) ? a.body['contacts'] : [];
  for (const c of list) if (isObject(c)) known.set(String(c['email']).toLowerCase(), c);
  // A name set by an earlier job of this chunk counts as held; a later customer row still overrides.
  const setHere = new Set<string>();
  return jobs.map((j) => {
    const d = j.payload.detail;
    const email = d.contact.email.toLowerCase();
    const held = known.get(email);
    const contact = { ...d.contact };
    for (const f of j.payload.fillOnly ?? []) {
      const has = (held && typeof held[f] === 'string' && held[f] !== '') || setHere.has(`${email}|${f}`);
      if (has) delete contact[f];
    }
    if (contact.name) setHere.add(`${email}|name`);
    return { ...d, contact };
  });
}

/** Upserts `details` for `jobs`; also used with property-only details (the open CART event). */
export async function upsertChunk(
  client: SalesmanagoClient,
  run: BatchRun,
  details: UpsertDetail[],
  jobs: Array<DeliveryJob & { payload: { label: string } }>,
): Promise<boolean> {
  const a = await run.send(jobs, () => client.v2('contact/batchupsertv2', { upsertDetails: details }));
  if (!a) return false;
  const body = isObject(a.body) ? a.body : {};
  const failed = failuresByEmail(body['message']);
  const failedList = Array.isArray(body['failedContacts'])
    ? (body['failedContacts'] as unknown[]).map((x) => String(x).toLowerCase())
    : [];
  const ids = isObject(body['contactIds']) ? body['contactIds'] : {};
  const whole = body['success'] === false ? platformMessage(a) : undefined;
  jobs.forEach((job, k) => {
    const email = details[k]!.contact.email.toLowerCase();
    const reason =
      failed.get(email) ?? (failedList.includes(email) || whole ? (whole ?? 'refused') : undefined);
    if (reason === undefined) {
      const id = ids[email];
      run.ok(job, typeof id === 'string' ? id : undefined);
    } else if (TRANSIENT.test(reason))
      run.fail(job, { kind: 'retryable', reason: `${job.payload.label}: ${reason}` });
    else run.fail(job, { kind: 'permanent', reason: `${job.payload.label}: ${reason}` });
  });
  return true;
}

// Runs in: main (Electron-free). Owns: live changes, one call each: a contact upsert (v3 PATCH), an Insight
// record (v3 PUT, 201 created / 204 replaced), deletes, leaving the subscribers book, a deleted customer.
import type { DeliveryJob } from '../../engine/connector.js';
import type { Answer } from './client.js';
import { type BatchSender, type Verdict, verdictOf } from './outcome.js';
import type { ContactPayload, CustomerDeletePayload, InsightPayload, Payload } from './payloads.js';

const enc = encodeURIComponent;

export function contactBody(p: ContactPayload): Record<string, unknown> {
  return {
    identifiers: { email: p.email },
    dataFields: p.dataFields,
    ...(p.lists.length > 0 ? { lists: p.lists } : {}),
    // Never a `status`: syncing must not resubscribe someone who unsubscribed on dotdigital.
    channelProperties: { email: { optInType: p.optInType } },
  };
}

export type SingleResult = Verdict & { remoteId?: string };

/** One job, one call (two for the lookups); undefined when the sender could not send it. */
export async function sendSingle(job: DeliveryJob, s: BatchSender): Promise<SingleResult | undefined> {
  const p = job.payload as Payload;
  switch (p.op) {
    case 'contact': {
      const a = await s.send(
        'PATCH',
        `/contacts/v3/email/${enc(p.email)}?merge-option=overwrite`,
        contactBody(p),
      );
      if (!a) return undefined;
      const v = verdictOf(a, p.label);
      const id = (a.body as { contactId?: unknown } | undefined)?.contactId;
      return v.kind === 'ok' && id !== undefined ? { ...v, remoteId: String(id) } : v;
    }
    case 'insight':
      return sendInsight(p, s);
    case 'insight-delete': {
      const path =
        p.scope === 'account'
          ? `/insightData/v3/account/${enc(p.collection)}/${enc(p.key)}`
          : `/v2/contacts/transactional-data/${enc(p.collection)}/${enc(p.key)}`;
      const a = await s.send('DELETE', path);
      return a && gone(a, p.label);
    }
    case 'leave-book': {
      const found = await s.send('GET', `/contacts/v3/email/${enc(p.email)}`);
      if (!found) return undefined;
      if (found.status === 404) return { kind: 'ok' };
      const v = verdictOf(found, p.label);
      if (v.kind !== 'ok') return v;
      const id = (found.body as { contactId?: unknown }).contactId;
      const a = await s.send('DELETE', `/v2/address-books/${p.bookId}/contacts/${String(id)}`);
      return a && gone(a, p.label);
    }
    case 'customer-delete':
      return { kind: 'permanent', reason: `${p.label}: handled in bulk` }; // see removeDeletedCustomers
    case 'enrol':
      return { kind: 'permanent', reason: `${p.label}: enrolments go through the enrolment batcher` };
  }
}

/** Already absent is what a delete wants. */
function gone(a: Answer, label: string): Verdict {
  return a.status === 404 ? { kind: 'ok' } : verdictOf(a, label);
}

async function sendInsight(p: InsightPayload, s: BatchSender): Promise<SingleResult | undefined> {
  if (p.scope === 'contact' && !p.email)
    return {
      kind: 'permanent',
      reason: `${p.label}: has no email address, so it belongs to no dotdigital contact`,
    };
  const path =
    p.scope === 'account'
      ? `/insightData/v3/account/${enc(p.collection)}/${enc(p.key)}`
      : `/insightData/v3/contacts/email/${enc(p.email ?? '')}/${enc(p.collection)}/${enc(p.key)}`;
  const a = await s.send('PUT', path, p.json);
  if (!a) return undefined;
  if (a.status === 404 && p.scope === 'contact')
    return { kind: 'permanent', reason: `${p.label}: dotdigital has no contact ${p.email ?? ''} to hold it` };
  return verdictOf(a, p.label);
}

/**
 * Deleted BigCommerce customers carry no email. They are found in the customers book by the data field that
 * holds the BigCommerce customer id (one paged read of the book for the whole batch), then taken out of it.
 * The contact itself stays: it may be a subscriber and has order history; erasure is a separate request.
 */
export async function removeDeletedCustomers(
  jobs: DeliveryJob[],
  s: BatchSender,
): Promise<Map<number, SingleResult | undefined>> {
  const out = new Map<number, SingleResult | undefined>();
  const byBook = new Map<number, DeliveryJob[]>();
  for (const j of jobs) {
    const p = j.payload as CustomerDeletePayload;
    if (p.bookId === null)
      out.set(j.jobId, { kind: 'ok' }); // no customers book: nothing to leave
    else if (!p.idField)
      out.set(j.jobId, {
        kind: 'permanent',
        reason: `${p.label}: map the BigCommerce customer id to a data field so deleted customers can be found`,
      });
    else byBook.set(p.bookId, [...(byBook.get(p.bookId) ?? []), j]);
  }
  for (const [bookId, group] of byBook) {
    const wanted = new Map(group.map((j) => [String((j.payload as CustomerDeletePayload).customerId), j]));
    const field = (group[0]!.payload as CustomerDeletePayload).idField!.toUpperCase();
    const found = new Map<string, number>();
    for (let skip = 0; ; skip += 1000) {
      const a = await s.send('GET', `/v2/address-books/${bookId}/contacts?select=1000&skip=${skip}`);
      const v = a && verdictOf(a, `address book ${bookId}`);
      if (!a || v?.kind !== 'ok') {
        for (const j of group) out.set(j.jobId, v);
        return out;
      }
      const page =
        (a.body as Array<{ id: number; dataFields?: Array<{ key: string; value: unknown }> }>) ?? [];
      for (const c of page) {
        const idValue = c.dataFields?.find((f) => f.key.toUpperCase() === field)?.value;
        if (idValue !== undefined && wanted.has(String(idValue))) found.set(String(idValue), c.id);
      }
      if (page.length < 1000) break;
    }
    for (const [customerId, job] of wanted) {
      const contactId = found.get(customerId);
      if (contactId === undefined) {
        out.set(job.jobId, { kind: 'ok' }); // not in the book: nothing to remove
        continue;
      }
      const a = await s.send('DELETE', `/v2/address-books/${bookId}/contacts/${contactId}`);
      out.set(job.jobId, a && gone(a, (job.payload as CustomerDeletePayload).label));
    }
  }
  return out;
}

// Runs in: main (Electron-free). Owns: writing a person: the contact (upsert by email), its tag, its list
// status under the consent rules, and its e-commerce customer record (looked up before it is created).
import { answeredId } from './answer-ids.js';
import type { AcClient } from './client.js';
import type { FieldValuePayload } from './payloads.js';

type Row = Record<string, unknown> & { id: string };
const list = (body: unknown, key: string): Row[] => ((body as Record<string, unknown>)[key] as Row[]) ?? [];

export interface PersonInput {
  email: string;
  firstName: string;
  lastName: string;
  phone: string;
  fieldValues: FieldValuePayload[];
}

/** Upserts by email; empty names are left out so a subscriber row cannot blank a customer's name. */
export async function syncContact(c: AcClient, p: PersonInput, tagId: string): Promise<string> {
  const contact: Record<string, unknown> = { email: p.email };
  if (p.firstName) contact['firstName'] = p.firstName;
  if (p.lastName) contact['lastName'] = p.lastName;
  if (p.phone) contact['phone'] = p.phone;
  if (p.fieldValues.length > 0) contact['fieldValues'] = p.fieldValues;
  const id = answeredId((await c.post('/contact/sync', { contact })).body, 'contact', 'POST /contact/sync');
  // Tagging twice keeps one link on ActiveCampaign's side, so this is safe to repeat.
  await c.post('/contactTags', { contactTag: { contact: Number(id), tag: Number(tagId) } });
  return id;
}

export type MarketingOutcome = 'subscribed' | 'unsubscribed' | 'unchanged' | 'kept-unsubscribed';

/**
 * Applies a BigCommerce marketing choice to the list. Someone who unsubscribed in ActiveCampaign is never
 * resubscribed by a sync (moving 2 → 1 is a resubscribe there); an unsubscribe from BigCommerce is applied
 * only when BigCommerce changed after the list status did: the most recent action wins.
 */
export async function setMarketing(
  c: AcClient,
  contactId: string,
  listId: string,
  wanted: boolean,
  changedAt?: string,
): Promise<MarketingOutcome> {
  const memberships = list((await c.get(`/contacts/${contactId}/contactLists`)).body, 'contactLists');
  const m = memberships.find((x) => String(x['list']) === listId);
  const status = m ? String(m['status']) : undefined;
  const post = (s: 1 | 2) =>
    c.post('/contactLists', { contactList: { list: Number(listId), contact: Number(contactId), status: s } });
  if (wanted) {
    if (status === '1') return 'unchanged';
    if (status === '2') return 'kept-unsubscribed';
    await post(1);
    return 'subscribed';
  }
  if (status !== '1') return 'unchanged';
  const listChanged = Date.parse(String(m?.['udate'] ?? ''));
  const bcChanged = changedAt ? Date.parse(changedAt) : Number.NaN;
  if (Number.isNaN(bcChanged) || (!Number.isNaN(listChanged) && bcChanged <= listChanged)) return 'unchanged';
  await post(2);
  return 'unsubscribed';
}

export async function findEcomCustomer(
  c: AcClient,
  connectionId: string,
  externalid: string,
): Promise<Row | undefined> {
  const q = `filters[connectionid]=${connectionId}&filters[externalid]=${encodeURIComponent(externalid)}`;
  return list((await c.get(`/ecomCustomers?${q}`)).body, 'ecomCustomers').find(
    (r) => r['externalid'] === externalid && String(r['connectionid']) === connectionId,
  );
}

/** Creates or updates the e-commerce customer; `acceptsMarketing` is only written when known. */
export async function upsertEcomCustomer(
  c: AcClient,
  connectionId: string,
  externalid: string,
  email: string,
  acceptsMarketing: boolean | undefined,
  existing?: Row,
): Promise<string> {
  const found = existing ?? (await findEcomCustomer(c, connectionId, externalid));
  const am = acceptsMarketing === undefined ? undefined : acceptsMarketing ? '1' : '0';
  if (found) {
    const changes: Record<string, unknown> = {};
    if (String(found['email']).toLowerCase() !== email.toLowerCase()) changes['email'] = email;
    // A checkout without the box ticked does not take back an earlier yes.
    if (am === '1' && found['acceptsMarketing'] !== '1') changes['acceptsMarketing'] = am;
    if (Object.keys(changes).length > 0) await c.put(`/ecomCustomers/${found.id}`, { ecomCustomer: changes });
    return found.id;
  }
  const res = await c.post('/ecomCustomers', {
    ecomCustomer: { connectionid: connectionId, externalid, email, acceptsMarketing: am ?? '0' },
  });
  return answeredId(res.body, 'ecomCustomer', 'POST /ecomCustomers');
}

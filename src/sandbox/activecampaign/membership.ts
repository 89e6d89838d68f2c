// Runs in: Node (simulators). Owns: changing a contact's list status and keeping the consent log.
import type { Ctx } from './http.js';
import type { ContactList } from './store.js';

export interface ConsentChange {
  at: number;
  contact: number;
  email: string;
  list: number;
  from: number | null;
  to: number;
  /** `api` when an integration changed it; `person` when the contact did (a form, a link, a preference centre). */
  by: 'api' | 'person';
}

/** Subscribes, unsubscribes or confirms; the contact's `udate` moves too so `filters[updated_after]` finds it. */
export function setMembership(
  ctx: Ctx,
  contact: number,
  list: number,
  status: number,
  by: 'api' | 'person',
  sourceid?: number,
  reason?: string,
): ContactList {
  const t = ctx.now();
  let cl = ctx.store.membership(contact, list);
  const from = cl?.status ?? null;
  if (!cl) {
    cl = {
      id: ctx.store.nextId('contactList'),
      contact,
      list,
      status,
      sourceid: 0,
      sdate: t,
      udate: t,
      unsubreason: null,
      changedBy: by,
    };
    ctx.store.contactLists.set(cl.id, cl);
  }
  cl.status = status;
  cl.udate = t;
  cl.changedBy = by;
  // The docs: a move from unsubscribed back to active is a resubscribe (sourceid 4).
  cl.sourceid = sourceid ?? (from === 2 && status === 1 ? 4 : cl.sourceid);
  if (status === 2) cl.unsubreason = reason ?? cl.unsubreason ?? '';
  const c = ctx.store.contacts.get(contact);
  if (c) c.udate = t;
  if (from !== status)
    ctx.store.consentLog.push({ at: t, contact, email: c?.email ?? '', list, from, to: status, by });
  return cl;
}

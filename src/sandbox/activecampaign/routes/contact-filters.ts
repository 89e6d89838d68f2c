// Runs in: Node (simulators). Owns: the query filters of GET /contacts (email, list and status, tag, dates, ids).
import { parseAcDate, type AcRequest } from '../http.js';
import type { Contact } from '../store.js';

function dateFilter(req: AcRequest, name: string): number | undefined {
  const v = req.query.get(`filters[${name}]`);
  return v ? parseAcDate(v, req.ctx.utcOffsetMinutes) : undefined;
}

/** True when contact `c` passes every filter the request gives; unknown filters are ignored, as by the API. */
export function contactMatches(req: AcRequest, c: Contact): boolean {
  const q = req.query;
  const store = req.ctx.store;
  const email = q.get('email');
  if (email && c.email.toLowerCase() !== email.trim().toLowerCase()) return false;
  const like = q.get('email_like');
  if (like && !c.email.toLowerCase().includes(like.toLowerCase())) return false;
  const search = q.get('search')?.toLowerCase();
  if (search && ![c.email, c.firstName, c.lastName, c.phone].some((f) => f.toLowerCase().includes(search)))
    return false;
  const ids = [...q.getAll('ids[]'), ...q.getAll('ids')].flatMap((v) => v.split(',')).filter((v) => v !== '');
  if (ids.length > 0 && !ids.includes(String(c.id))) return false;
  const greater = q.get('id_greater');
  if (greater && !(c.id > Number(greater))) return false;
  const less = q.get('id_less');
  if (less && !(c.id < Number(less))) return false;

  // `status` is a list status (-1 any, 0 unconfirmed, 1 active, 2 unsubscribed, 3 bounced), read with `listid`.
  const listid = q.get('listid');
  const status = q.get('status');
  if (listid || (status && status !== '-1')) {
    const memberships = [...store.contactLists.values()].filter(
      (cl) => cl.contact === c.id && (!listid || String(cl.list) === listid),
    );
    const hit = memberships.some((cl) => !status || status === '-1' || String(cl.status) === status);
    if (!hit) return false;
  }
  const tagid = q.get('tagid');
  if (tagid && ![...store.contactTags.values()].some((ct) => ct.contact === c.id && String(ct.tag) === tagid))
    return false;

  const cb = dateFilter(req, 'created_before');
  if (cb !== undefined && !(c.cdate < cb)) return false;
  const ca = dateFilter(req, 'created_after');
  if (ca !== undefined && !(c.cdate > ca)) return false;
  const ub = dateFilter(req, 'updated_before');
  if (ub !== undefined && !(c.udate < ub)) return false;
  const ua = dateFilter(req, 'updated_after');
  if (ua !== undefined && !(c.udate > ua)) return false;
  return true;
}

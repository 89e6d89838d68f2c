// Runs in: Node (simulators). Owns: v2 contact calls: create-or-update by email, with consent, read by
// id or email, update, delete, and the paged lists (all, created-since, modified-since).
import type { SimContext } from '../gate.js';
import { msg, v2Error } from '../errors.js';
import { parseV2Contact, upsertV2 } from '../v2-upsert.js';
import { v2Contact } from '../views.js';
import { type Add, isObj, ok, page, parseSince } from './shared.js';

export function v2ContactRoutes(add: Add, ctx: SimContext): void {
  add('POST', '/v2/contacts', 'medium', (req, acct) => {
    const input = parseV2Contact(acct, req.body);
    if ('status' in input) return input;
    const r = upsertV2(acct, input, undefined, ctx.now());
    return 'error' in r ? r.error : ok(v2Contact(r.contact), 201);
  });

  add('POST', '/v2/contacts/with-consent', 'medium', (req, acct) => {
    const body = isObj(req.body) ? req.body : {};
    const input = parseV2Contact(acct, body.contact);
    if ('status' in input) return input;
    const r = upsertV2(acct, input, undefined, ctx.now());
    if ('error' in r) return r.error;
    const c = r.contact;
    // The spec shows consentFields as an object in the request and an array in the answer; accept both.
    const groups = Array.isArray(body.consentFields)
      ? body.consentFields
      : body.consentFields
        ? [body.consentFields]
        : [];
    const now = new Date(ctx.now()).toISOString();
    const answer = [];
    for (const g of groups) {
      const fields = isObj(g) && Array.isArray(g.fields) ? g.fields.filter(isObj) : [];
      const get = (k: string) => String(fields.find((f) => String(f.key).toUpperCase() === k)?.value ?? '');
      c.consentRecords.push({
        text: get('TEXT'),
        dateTimeConsented: get('DATETIMECONSENTED') || now,
        url: get('URL'),
        ipAddress: get('IPADDRESS'),
        userAgent: get('USERAGENT'),
        dateTimeCreated: now,
      });
      answer.push({ fields: fields.map((f) => ({ key: String(f.key), value: String(f.value ?? '') })) });
    }
    return ok({ contact: v2Contact(c), consentFields: answer }, 201);
  });

  add('GET', '/v2/contacts', 'low', (req, acct) => {
    const p = page(
      req,
      [...acct.store.contacts.values()].sort((a, b) => a.id - b.id),
    );
    return 'error' in p ? p.error : ok(p.items.map(v2Contact));
  });

  for (const kind of ['created', 'modified'] as const) {
    add('GET', `/v2/contacts/${kind}-since/:date`, 'low', (req, acct) => {
      const since = parseSince(req.params.date);
      if (since === undefined) return v2Error(400, msg.invalid('The date is not a valid ISO 8601 date.'));
      const all = [...acct.store.contacts.values()]
        .filter((c) => (kind === 'created' ? c.created : c.updated) >= since)
        .sort((a, b) => a.id - b.id);
      const p = page(req, all);
      return 'error' in p ? p.error : ok(p.items.map(v2Contact));
    });
  }

  add('GET', '/v2/contacts/:id/address-books', 'high', (req, acct) => {
    const c = acct.store.byIdOrEmail(req.params.id!);
    if (!c) return v2Error(404, msg.contactNotFound);
    return ok(
      [...c.lists.entries()]
        .filter(([, m]) => m === 'subscribed')
        .map(([id]) => acct.store.books.get(id))
        .filter((b) => b !== undefined)
        .map((b) => ({
          id: b.id,
          name: b.name,
          visibility: b.visibility,
          contacts: acct.store.bookMembers(b.id).length,
        })),
    );
  });

  add('GET', '/v2/contacts/:id', 'high', (req, acct) => {
    const c = acct.store.byIdOrEmail(req.params.id!);
    return c ? ok(v2Contact(c)) : v2Error(404, msg.contactNotFound);
  });

  add('PUT', '/v2/contacts/:id', 'medium', (req, acct) => {
    const c = acct.store.contacts.get(Number(req.params.id));
    if (!c) return v2Error(404, msg.contactNotFound);
    const input = parseV2Contact(acct, req.body);
    if ('status' in input) return input;
    const other = acct.store.byEmail(input.email);
    if (other && other.id !== c.id)
      return v2Error(400, msg.invalid('Another contact already has this email address.'));
    c.email = input.email;
    const r = upsertV2(acct, input, undefined, ctx.now());
    return 'error' in r ? r.error : ok(v2Contact(r.contact), 201);
  });

  add('DELETE', '/v2/contacts/:id', 'medium', (req, acct) => {
    const id = Number(req.params.id);
    if (!acct.store.contacts.delete(id)) return v2Error(404, msg.contactNotFound);
    // Deleting a contact erases its contact-scoped Insight data too.
    for (const col of acct.store.collections.values())
      for (const [key, r] of col.records) if (r.contactId === id) col.records.delete(key);
    return { status: 204 };
  });
}

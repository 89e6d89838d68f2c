// Runs in: Node (simulators). Owns: v2 address books (lists): create/read/update/delete, adding,
// listing and removing their contacts, and list-scoped unsubscribe.
import { msg, v2Error } from '../errors.js';
import type { SimContext } from '../gate.js';
import type { AddressBook } from '../store.js';
import type { Account } from '../account.js';
import { emailPattern, suppressedView, unsubscribeFromBook } from '../subscription.js';
import { parseV2Contact, upsertV2 } from '../v2-upsert.js';
import { v2Contact } from '../views.js';
import { type Add, obj, ok, page, parseSince } from './shared.js';

const reserved = ['test', 'all contacts'];

export function v2AddressBookRoutes(add: Add, ctx: SimContext): void {
  const view = (acct: Account, b: AddressBook) => ({
    id: b.id,
    name: b.name,
    visibility: b.visibility,
    contacts: acct.store.bookMembers(b.id).length,
  });
  const validate = (acct: Account, body: unknown, selfId?: number) => {
    const b = obj(body);
    if (typeof b.name !== 'string' || b.name.trim() === '')
      return v2Error(400, msg.invalid('name is required.'));
    if (b.name.length > 128) return v2Error(400, msg.invalid('name must be 128 characters or fewer.'));
    if (b.visibility !== undefined && b.visibility !== 'Private' && b.visibility !== 'Public')
      return v2Error(400, msg.invalid('visibility must be Private or Public.'));
    const lower = b.name.trim().toLowerCase();
    const taken = [...acct.store.books.values()].some(
      (x) => x.id !== selfId && x.name.toLowerCase() === lower,
    );
    if (taken || reserved.includes(lower)) return v2Error(400, msg.addressBookDuplicate);
    return { name: b.name.trim(), visibility: (b.visibility ?? 'Private') as 'Private' | 'Public' };
  };
  const book = (acct: Account, id: string | undefined) => acct.store.books.get(Number(id));

  add('POST', '/v2/address-books', 'medium', (req, acct) => {
    const v = validate(acct, req.body);
    return 'status' in v ? v : ok(view(acct, acct.store.addBook(v.name, v.visibility)));
  });
  add('GET', '/v2/address-books', 'low', (req, acct) => {
    const p = page(req, [...acct.store.books.values()]);
    return 'error' in p ? p.error : ok(p.items.map((b) => view(acct, b)));
  });
  add('GET', '/v2/address-books/:id', 'high', (req, acct) => {
    const b = book(acct, req.params.id);
    return b ? ok(view(acct, b)) : v2Error(404, msg.addressBookNotFound);
  });
  add('PUT', '/v2/address-books/:id', 'medium', (req, acct) => {
    const b = book(acct, req.params.id);
    if (!b) return v2Error(404, msg.addressBookNotFound);
    if (!b.writable) return v2Error(400, msg.addressBookNotWritable);
    const v = validate(acct, req.body, b.id);
    if ('status' in v) return v;
    Object.assign(b, v);
    return ok(view(acct, b));
  });
  add('DELETE', '/v2/address-books/:id', 'medium', (req, acct) => {
    const b = book(acct, req.params.id);
    if (!b) return v2Error(404, msg.addressBookNotFound);
    if (!b.writable) return v2Error(400, msg.addressBookNotWritable);
    acct.store.books.delete(b.id);
    for (const c of acct.store.contacts.values()) c.lists.delete(b.id);
    return { status: 204 };
  });

  add('POST', '/v2/address-books/:id/contacts', 'medium', (req, acct) => {
    const b = book(acct, req.params.id);
    if (!b) return v2Error(404, msg.addressBookNotFound);
    if (!b.writable) return v2Error(400, msg.addressBookNotWritable);
    const input = parseV2Contact(acct, req.body);
    if ('status' in input) return input;
    const r = upsertV2(acct, input, b.id, ctx.now());
    return 'error' in r ? r.error : ok(v2Contact(r.contact));
  });
  add('GET', '/v2/address-books/:id/contacts', 'low', (req, acct) => {
    const b = book(acct, req.params.id);
    if (!b) return v2Error(404, msg.addressBookNotFound);
    const p = page(req, acct.store.bookMembers(b.id));
    return 'error' in p ? p.error : ok(p.items.map(v2Contact));
  });
  add('DELETE', '/v2/address-books/:bookId/contacts/:contactId', 'medium', (req, acct) => {
    const b = book(acct, req.params.bookId);
    if (!b) return v2Error(404, msg.addressBookNotFound);
    const c = acct.store.contacts.get(Number(req.params.contactId));
    if (!c) return v2Error(404, msg.contactNotFound);
    c.lists.delete(b.id);
    return { status: 204 };
  });

  add('POST', '/v2/address-books/:id/contacts/unsubscribe', 'medium', (req, acct) => {
    const b = book(acct, req.params.id);
    if (!b) return v2Error(404, msg.addressBookNotFound);
    const email = obj(req.body).email;
    if (typeof email !== 'string' || !emailPattern.test(email)) return v2Error(400, msg.invalidEmail);
    const c = acct.store.byEmail(email);
    if (!c) return v2Error(404, msg.contactNotFound);
    unsubscribeFromBook(c, b.id, ctx.now());
    return ok({
      suppressedContact: v2Contact(c),
      dateRemoved: new Date(ctx.now()).toISOString(),
      reason: 'Unsubscribed',
    });
  });
  add('GET', '/v2/address-books/:id/contacts/unsubscribed-since/:date', 'low', (req, acct) => {
    const b = book(acct, req.params.id);
    if (!b) return v2Error(404, msg.addressBookNotFound);
    const since = parseSince(req.params.date);
    if (since === undefined) return v2Error(400, msg.invalid('The date is not a valid ISO 8601 date.'));
    const rows = [...acct.store.contacts.values()].flatMap((c) => {
      const u = c.listUnsubscribes.filter((x) => x.bookId === b.id && x.at >= since).at(-1);
      if (u)
        return [
          {
            suppressedContact: v2Contact(c),
            dateRemoved: new Date(u.at).toISOString(),
            reason: 'Unsubscribed',
          },
        ];
      // A global unsubscribe also removes the contact from this book.
      if (c.suppressedAt !== undefined && c.suppressedAt >= since && c.wasInBooks?.includes(b.id))
        return [{ suppressedContact: v2Contact(c), ...suppressedView(c) }];
      return [];
    });
    const p = page(req, rows);
    return 'error' in p ? p.error : ok(p.items);
  });
}

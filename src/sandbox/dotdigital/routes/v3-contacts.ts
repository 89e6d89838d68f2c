// Runs in: Node (simulators). Owns: v3 contacts: PATCH upsert (201 created / 200 updated, merge-option,
// 409 on identifier conflict), create, read, delete, the marker-paged list, and bulk imports.
import { v3Error } from '../errors.js';
import type { SimContext } from '../gate.js';
import type { MergeOption } from '../merge.js';
import type { Contact } from '../store.js';
import { applyV3Body, conflict, findBy, validateV3Body } from '../v3-contact.js';
import { v3Contact } from '../views.js';
import { type Add, isObj, ok } from './shared.js';
import { markerPage } from './v3-paging.js';

const identifiers = ['email', 'mobileNumber', 'contactId'];
const kebabMerge: Record<string, MergeOption> = {
  overwrite: 'overwrite',
  'overwrite-if-not-empty': 'overwrite-if-not-empty',
  'overwrite-if-empty': 'overwrite-if-empty',
};
const camelMerge: Record<string, MergeOption> = {
  overwrite: 'overwrite',
  overwriteIfNotEmpty: 'overwrite-if-not-empty',
  overwriteIfEmpty: 'overwrite-if-empty',
};
const notFound = () => v3Error(404, 'contacts:contactNotFound', 'The contact was not found.');

export function v3ContactRoutes(add: Add, ctx: SimContext): void {
  add('PATCH', '/contacts/v3/:identifier/:value', 'medium', (req, acct) => {
    const { identifier = '', value = '' } = req.params;
    if (!identifiers.includes(identifier))
      return v3Error(400, 'contacts:invalidIdentifier', `Unknown identifier ${identifier}.`, [
        { item: 'identifier', description: 'Use email, mobileNumber or contactId.' },
      ]);
    const merge = kebabMerge[req.query.get('merge-option') ?? 'overwrite'];
    if (!merge)
      return v3Error(400, 'contacts:validationFailed', 'merge-option is not valid.', [
        { item: 'merge-option', description: 'Use overwrite, overwrite-if-not-empty or overwrite-if-empty.' },
      ]);
    const p = validateV3Body(acct, req.body);
    if (p)
      return v3Error(400, p.code, 'The contact is not valid.', [
        { item: p.item, description: p.description },
      ]);
    const body = req.body as Record<string, unknown>;
    let c = findBy(acct, identifier, value);
    if (!c && identifier === 'contactId') return notFound();
    const clash = conflict(acct, c, body);
    if (clash)
      return v3Error(409, 'contacts:identifierConflict', `Another contact already has this ${clash}.`, [
        { item: `identifiers.${clash}`, description: 'The identifier is in use.' },
      ]);
    const isNew = !c;
    if (!c) {
      if (identifier === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))
        return v3Error(400, 'contacts:validationFailed', 'The email address is not valid.', [
          { item: 'value', description: 'Not a valid email address.' },
        ]);
      c = acct.store.newContact(
        identifier === 'email'
          ? value
          : String(isObj(body.identifiers) ? (body.identifiers.email ?? '') : ''),
        ctx.now(),
      );
      if (identifier === 'mobileNumber') c.mobileNumber = value;
    }
    applyV3Body(acct, c, body, merge, isNew, ctx.now());
    return ok(v3Contact(acct.store, c), isNew ? 201 : 200);
  });

  add('POST', '/contacts/v3', 'medium', (req, acct) => {
    const p = validateV3Body(acct, req.body);
    if (p)
      return v3Error(400, p.code, 'The contact is not valid.', [
        { item: p.item, description: p.description },
      ]);
    const body = req.body as Record<string, unknown>;
    const ids = isObj(body.identifiers) ? body.identifiers : {};
    if (typeof ids.email !== 'string' && typeof ids.mobileNumber !== 'string')
      return v3Error(400, 'contacts:validationFailed', 'identifiers are required.', [
        { item: 'identifiers', description: 'Give an email or a mobileNumber.' },
      ]);
    const clash = conflict(acct, undefined, body);
    if (clash)
      return v3Error(409, 'contacts:identifierConflict', `A contact with this ${clash} already exists.`, [
        { item: `identifiers.${clash}`, description: 'The identifier is in use.' },
      ]);
    const c = acct.store.newContact(typeof ids.email === 'string' ? ids.email : '', ctx.now());
    applyV3Body(acct, c, body, 'overwrite', true, ctx.now());
    return ok(v3Contact(acct.store, c), 201);
  });

  add('GET', '/contacts/v3', 'low', (req, acct) => {
    const modified = req.query.get('~modified');
    let since = -Infinity;
    if (modified !== null) {
      const m = /^gte::(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z)$/.exec(modified);
      if (!m)
        return v3Error(
          400,
          'contacts:validationFailed',
          '~modified must look like gte::2024-01-01T00:00:00Z.',
          [{ item: '~modified', description: 'Bad filter.' }],
        );
      since = Date.parse(m[1]!);
    }
    const all = [...acct.store.contacts.values()]
      .filter((c) => c.updated >= since)
      .sort((a, b) => a.id - b.id);
    const p = markerPage(req, all, (c: Contact) => c.id);
    return 'error' in p
      ? p.error
      : ok({ _links: p.links, _items: p.items.map((c) => v3Contact(acct.store, c)) });
  });

  add('GET', '/contacts/v3/:identifier/:value', 'high', (req, acct) => {
    const c = findBy(acct, req.params.identifier!, req.params.value!);
    return c ? ok(v3Contact(acct.store, c)) : notFound();
  });

  add('DELETE', '/contacts/v3/:identifier/:value', 'medium', (req, acct) => {
    const c = findBy(acct, req.params.identifier!, req.params.value!);
    if (!c) return notFound();
    acct.store.contacts.delete(c.id);
    for (const col of acct.store.collections.values())
      for (const [key, r] of col.records) if (r.contactId === c.id) col.records.delete(key);
    return ok({ contactId: c.id });
  });
}

export { camelMerge };

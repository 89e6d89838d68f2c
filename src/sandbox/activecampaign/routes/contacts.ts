// Runs in: Node (simulators). Owns: /contacts and /contact/sync (create, upsert by email, list, read, update, delete).
import { parseFieldValues, setFieldValue } from '../field-values.js';
import {
  created,
  deleted,
  fieldError,
  idParam,
  isEmail,
  notFound,
  ok,
  paginate,
  str,
  unprocessable,
  wrapped,
  type AcRequest,
  type AcRouter,
  type Ctx,
  type FieldError,
} from '../http.js';
import { contactListRecord, contactRecord, contactWritten, fieldValueRecord } from '../serialize-contacts.js';
import type { Contact } from '../store.js';
import { contactMatches } from './contact-filters.js';

interface ContactInput {
  email?: string;
  firstName?: string;
  lastName?: string;
  phone?: string;
  fieldValues: Array<{ field: number; value: string }>;
}

function readContact(req: AcRequest, emailRequired: boolean): { input?: ContactInput; errors: FieldError[] } {
  const body = wrapped(req, 'contact');
  if (!body) return { errors: [fieldError('contact', 'field_missing', 'The contact object is missing')] };
  const errors: FieldError[] = [];
  const email = str(body['email'])?.trim();
  if (email === undefined || email === '') {
    if (emailRequired) errors.push(fieldError('email', 'field_missing', 'Email address is required'));
  } else if (!isEmail(email)) errors.push(fieldError('email', 'field_invalid', 'Email address is invalid'));
  const fv = parseFieldValues(req.ctx, body['fieldValues']);
  errors.push(...fv.errors);
  const input: ContactInput = { email, fieldValues: fv.pairs };
  for (const k of ['firstName', 'lastName', 'phone'] as const) {
    const v = str(body[k]);
    if (v !== undefined) input[k] = v;
  }
  return errors.length > 0 ? { errors } : { input, errors };
}

/** Writes the input onto a contact (new or existing) and its field values. */
function apply(ctx: Ctx, input: ContactInput, existing?: Contact): Contact {
  const t = ctx.now();
  const c: Contact = existing ?? {
    id: ctx.store.nextId('contact'),
    email: input.email ?? '',
    firstName: '',
    lastName: '',
    phone: '',
    cdate: t,
    udate: t,
  };
  if (input.email !== undefined) c.email = input.email;
  if (input.firstName !== undefined) c.firstName = input.firstName;
  if (input.lastName !== undefined) c.lastName = input.lastName;
  if (input.phone !== undefined) c.phone = input.phone;
  c.udate = t;
  ctx.store.contacts.set(c.id, c);
  for (const p of input.fieldValues) setFieldValue(ctx, c.id, p.field, p.value);
  return c;
}

function writtenBody(ctx: Ctx, c: Contact): unknown {
  const values = [...ctx.store.fieldValues.values()].filter((v) => v.contact === c.id);
  return { fieldValues: values.map((v) => fieldValueRecord(ctx, v)), contact: contactWritten(ctx, c) };
}

export function contactRoutes(r: AcRouter): void {
  r.add('POST', '/contact/sync', (req) => {
    const { input, errors } = readContact(req, true);
    if (!input) return unprocessable(errors);
    const existing = req.ctx.store.contactByEmail(input.email!);
    const c = apply(req.ctx, input, existing);
    // Created answers 201 (documented); an update of an existing contact answers 200.
    return existing ? ok(writtenBody(req.ctx, c)) : created(writtenBody(req.ctx, c));
  });

  r.add('POST', '/contacts', (req) => {
    const { input, errors } = readContact(req, true);
    if (!input) return unprocessable(errors);
    if (req.ctx.store.contactByEmail(input.email!))
      return unprocessable([fieldError('email', 'duplicate', 'Email address already exists in the system')]);
    return created(writtenBody(req.ctx, apply(req.ctx, input)));
  });

  r.add('GET', '/contacts', (req) => {
    const ctx = req.ctx;
    const all = [...ctx.store.contacts.values()]
      .filter((c) => contactMatches(req, c))
      .sort((a, b) => a.id - b.id);
    const page = paginate(req, all);
    return ok({ scoreValues: [], contacts: page.items.map((c) => contactRecord(ctx, c)), meta: page.meta });
  });

  r.add('GET', '/contacts/:id', (req) => {
    const ctx = req.ctx;
    const c = ctx.store.contacts.get(idParam(req) ?? -1);
    if (!c) return notFound('Subscriber', req.params['id'] ?? '');
    const lists = [...ctx.store.contactLists.values()].filter((cl) => cl.contact === c.id);
    const values = [...ctx.store.fieldValues.values()].filter((v) => v.contact === c.id);
    return ok({
      contactAutomations: [],
      contactLists: lists.map((cl) => contactListRecord(ctx, cl)),
      deals: [],
      fieldValues: values.map((v) => fieldValueRecord(ctx, v)),
      geoAddresses: [],
      geoIps: [],
      contact: {
        ...contactRecord(ctx, c),
        contactAutomations: [],
        contactLists: lists.map((cl) => String(cl.id)),
        fieldValues: values.map((v) => String(v.id)),
        geoIps: [],
        accountContacts: [],
      },
    });
  });

  r.add('PUT', '/contacts/:id', (req) => {
    const ctx = req.ctx;
    const c = ctx.store.contacts.get(idParam(req) ?? -1);
    if (!c) return notFound('Subscriber', req.params['id'] ?? '');
    const { input, errors } = readContact(req, false);
    if (!input) return unprocessable(errors);
    const other = input.email ? ctx.store.contactByEmail(input.email) : undefined;
    if (other && other.id !== c.id)
      return unprocessable([fieldError('email', 'duplicate', 'Email address already exists in the system')]);
    apply(ctx, input, c);
    const values = [...ctx.store.fieldValues.values()].filter((v) => v.contact === c.id);
    return ok({ fieldValues: values.map((v) => fieldValueRecord(ctx, v)), contact: contactRecord(ctx, c) });
  });

  r.add('DELETE', '/contacts/:id', (req) => {
    const id = idParam(req);
    if (id === undefined || !req.ctx.store.contacts.has(id))
      return notFound('contact', req.params['id'] ?? '', 'No result found for');
    req.ctx.store.deleteContact(id);
    return deleted();
  });

  r.add('GET', '/contacts/:id/contactLists', (req) => {
    const ctx = req.ctx;
    const id = idParam(req) ?? -1;
    if (!ctx.store.contacts.has(id)) return notFound('Subscriber', req.params['id'] ?? '');
    const lists = [...ctx.store.contactLists.values()].filter((cl) => cl.contact === id);
    return ok({ contactLists: lists.map((cl) => contactListRecord(ctx, cl)) });
  });

  r.add('GET', '/contacts/:id/fieldValues', (req) => {
    const ctx = req.ctx;
    const id = idParam(req) ?? -1;
    if (!ctx.store.contacts.has(id)) return notFound('Subscriber', req.params['id'] ?? '');
    const values = [...ctx.store.fieldValues.values()].filter((v) => v.contact === id);
    return ok({ fieldValues: values.map((v) => fieldValueRecord(ctx, v)) });
  });
}

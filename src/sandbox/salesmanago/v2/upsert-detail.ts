// Runs in: Node (simulators). Owns: validating and applying one contact upsert (the body of
// /contact/upsert or one `upsertDetails[]` entry): fields, rename, tags, properties, opt-in, consents.
import type { ResolvedOptions } from '../options.js';
import { newId, type AccountStore, type Contact } from '../store.js';
import { emailProblem, normaliseTag, stringArray } from '../validate.js';
import { isObject, str, type Body } from './reply.js';

export type UpsertOutcome =
  | { ok: true; contact: Contact; created: boolean }
  | { ok: false; email: string | undefined; message: string };

const scalarFields = ['name', 'phone', 'fax', 'company', 'externalId', 'state'] as const;
const topScalars = ['birthday', 'province', 'lang'] as const;
const addressFields = ['streetAddress', 'zipCode', 'city', 'country'] as const;

export function applyUpsert(
  store: AccountStore,
  detail: Body,
  owner: string,
  opts: ResolvedOptions,
): UpsertOutcome {
  const c = detail['contact'];
  const email = isObject(c) ? str(c['email']) : undefined;
  const contactId = str(detail['contactId']) ?? (isObject(c) ? str(c['contactId']) : undefined);
  const bad = (message: string): UpsertOutcome => ({ ok: false, email, message });

  // The documented failure for `contacts:[…]` or a missing e-mail.
  if (!isObject(c) || (!email && !contactId)) return bad('No email specified');
  if (email) {
    const problem = emailProblem(email);
    if (problem) return bad(problem);
  }
  const existing = contactId ? store.findById(contactId) : store.findByEmail(email!);
  if (contactId && !existing) return bad(`Contact not found: ${contactId}`);

  const tags = stringArray(detail['tags']);
  const removeTags = stringArray(detail['removeTags']);
  if (!tags || !removeTags) return bad('tags and removeTags must be arrays of strings');
  const props = detail['properties'];
  if (props !== undefined && props !== null && !isObject(props)) return bad('properties must be an object');
  if (c['address'] !== undefined && c['address'] !== null && !isObject(c['address'])) {
    return bad('contact.address must be an object');
  }
  if (detail['forceOptIn'] === true && detail['forceOptOut'] === true) {
    return bad('forceOptIn and forceOptOut cannot both be true');
  }
  if (detail['forcePhoneOptIn'] === true && detail['forcePhoneOptOut'] === true) {
    return bad('forcePhoneOptIn and forcePhoneOptOut cannot both be true');
  }
  const doi = doubleOptInFields(detail);
  if (typeof doi === 'string') return bad(doi);
  const consents = detail['consentDetails'];
  if (consents !== undefined && consents !== null) {
    if (!Array.isArray(consents) || consents.some((x) => !isObject(x) || !str(x['consentName']))) {
      return bad('consentDetails must be a list of objects with consentName');
    }
  }
  const newEmail = str(detail['newEmail']);
  if (newEmail) {
    const problem = emailProblem(newEmail);
    if (problem) return bad(problem);
    const holder = store.findByEmail(newEmail);
    if (holder && holder !== existing && !holder.deleted) return bad(`Contact already exists: ${newEmail}`);
  }

  const now = opts.now();
  const contact: Contact = existing ?? {
    contactId: newId(),
    email: email!.toLowerCase(),
    owner,
    address: {},
    tags: [],
    properties: {},
    optedOut: opts.newContactsOptedOut,
    optedOutPhone: opts.newContactsOptedOut,
    consents: {},
    deleted: false,
    createdOn: now,
    modifiedOn: now,
  };
  if (!existing) store.contacts.set(contact.email, contact);
  // Re-sending a removed contact before the overnight purge restores it.
  contact.deleted = false;
  delete contact.deletedAt;

  for (const f of scalarFields) if (typeof c[f] === 'string') contact[f] = c[f];
  for (const f of topScalars) if (typeof detail[f] === 'string') contact[f] = detail[f];
  const address = c['address'];
  if (isObject(address))
    for (const f of addressFields) if (typeof address[f] === 'string') contact.address[f] = address[f];
  if (newEmail && newEmail.toLowerCase() !== contact.email) {
    const stale = store.findByEmail(newEmail);
    if (stale && stale !== contact) store.contacts.delete(stale.email);
    store.rename(contact, newEmail);
  }

  const tagSet = new Set(contact.tags);
  for (const t of tags) if (t.trim()) tagSet.add(normaliseTag(t));
  for (const t of removeTags) tagSet.delete(normaliseTag(t));
  contact.tags = [...tagSet];
  if (isObject(props)) for (const [k, v] of Object.entries(props)) contact.properties[k] = String(v);

  applyOptIn(contact, detail, doi, now);
  if (Array.isArray(consents)) {
    for (const x of consents as Body[]) {
      contact.consents[x['consentName'] as string] = {
        accept: x['consentAccept'] === true,
        agreementDate: typeof x['agreementDate'] === 'number' ? x['agreementDate'] : undefined,
        ip: str(x['ip']),
        optOut: x['optOut'] === true,
        consentDescriptionId:
          typeof x['consentDescriptionId'] === 'number' ? x['consentDescriptionId'] : undefined,
      };
    }
  }
  contact.modifiedOn = now;
  return { ok: true, contact, created: !existing };
}

interface DoiFields {
  use: boolean;
  emailTemplateId?: string;
  emailAccountId?: string;
  emailSubject?: string;
}

/** The template id, e-mail account id and subject go together: all three or none (account default). */
function doubleOptInFields(d: Body): DoiFields | string {
  const use = d['useApiDoubleOptIn'] === true;
  const t = d['apiDoubleOptInEmailTemplateId'];
  const a = d['apiDoubleOptInEmailAccountId'];
  const s = d['apiDoubleOptInEmailSubject'];
  const given = [t, a, s].filter((x) => x !== undefined && x !== null && x !== '').length;
  if (use && given !== 0 && given !== 3) {
    return 'apiDoubleOptInEmailTemplateId, apiDoubleOptInEmailAccountId and apiDoubleOptInEmailSubject go together';
  }
  return {
    use,
    emailTemplateId: t === undefined || t === null ? undefined : String(t),
    emailAccountId: a === undefined || a === null ? undefined : String(a),
    emailSubject: typeof s === 'string' ? s : undefined,
  };
}

/**
 * Double opt-in only starts for a contact who is not already opted in: it stays opted out until the
 * confirmation (POST /__sim/contacts/confirm-doi). A contact already opted in keeps it.
 */
function applyOptIn(contact: Contact, d: Body, doi: DoiFields, now: number): void {
  if (d['forceOptOut'] === true) {
    contact.optedOut = true;
    if (contact.doubleOptIn?.status === 'pending') delete contact.doubleOptIn;
  } else if (doi.use && contact.optedOut) {
    contact.doubleOptIn = {
      status: 'pending',
      emailTemplateId: doi.emailTemplateId,
      emailAccountId: doi.emailAccountId,
      emailSubject: doi.emailSubject,
      requestedAt: now,
    };
  } else if (d['forceOptIn'] === true) {
    contact.optedOut = false;
  }
  if (d['forcePhoneOptOut'] === true) contact.optedOutPhone = true;
  else if (d['forcePhoneOptIn'] === true) contact.optedOutPhone = false;
}

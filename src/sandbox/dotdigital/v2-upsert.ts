// Runs in: Node (simulators). Owns: validating a v2 contact body ({email, optInType, emailType,
// dataFields[{key,value}]}) and upserting it by email, optionally into an address book.
import type { SimResponse } from '../kit/index.js';
import type { Account } from './account.js';
import { msg, v2Error } from './errors.js';
import { resolveFields } from './fields.js';
import type { Contact, EmailType, OptInType } from './store.js';
import { emailPattern, isConfirmed, isSuppressed, joinBooks } from './subscription.js';
import { isObj } from './routes/shared.js';

const optInTypes = ['Unknown', 'Single', 'Double', 'VerifiedDouble'];
const emailTypes = ['PlainText', 'Html'];

export interface V2ContactInput {
  email: string;
  optInType?: OptInType;
  emailType?: EmailType;
  dataFields: Record<string, unknown>;
}

export function parseV2Contact(acct: Account, body: unknown): V2ContactInput | SimResponse {
  if (!isObj(body)) return v2Error(400, msg.invalid('The request body must be a contact object.'));
  const email = body.email;
  if (typeof email !== 'string' || !emailPattern.test(email.trim())) return v2Error(400, msg.invalidEmail);
  if (body.optInType !== undefined && !optInTypes.includes(String(body.optInType)))
    return v2Error(400, msg.invalid(`optInType must be one of ${optInTypes.join(', ')}.`));
  if (body.emailType !== undefined && !emailTypes.includes(String(body.emailType)))
    return v2Error(400, msg.invalid(`emailType must be one of ${emailTypes.join(', ')}.`));
  const raw: Record<string, unknown> = {};
  if (body.dataFields !== undefined && body.dataFields !== null) {
    if (!Array.isArray(body.dataFields))
      return v2Error(400, msg.invalid('dataFields must be an array of {key, value}.'));
    for (const df of body.dataFields) {
      if (!isObj(df) || typeof df.key !== 'string')
        return v2Error(400, msg.invalid('Each data field needs a key.'));
      raw[df.key] = df.value ?? null;
    }
  }
  const fields = resolveFields(acct.store, raw);
  if ('problem' in fields) {
    const p = fields.problem;
    return v2Error(
      400,
      p.kind === 'unknown'
        ? msg.dataFieldNotFound(p.name)
        : msg.invalid(`The value of ${p.name} is not a valid ${p.type}.`),
    );
  }
  return {
    email: email.trim(),
    optInType: body.optInType as OptInType | undefined,
    emailType: body.emailType as EmailType | undefined,
    dataFields: fields.ok,
  };
}

/** Upserts by email (case-insensitive). Into a book, a suppressed contact is refused. */
export function upsertV2(
  acct: Account,
  input: V2ContactInput,
  bookId: number | undefined,
  now: number,
): { contact: Contact } | { error: SimResponse } {
  const store = acct.store;
  let c = store.byEmail(input.email);
  if (c && bookId !== undefined && isSuppressed(c)) return { error: v2Error(400, msg.contactSuppressed) };
  const isNew = !c;
  c ??= store.newContact(input.email, now);
  const wasConfirmed = isConfirmed(c, isNew);
  // A confirmed double opt-in is not downgraded by a later "Single" from a sync.
  if (input.optInType && !wasConfirmed) c.optInType = input.optInType;
  if (input.emailType) c.emailType = input.emailType;
  for (const [k, v] of Object.entries(input.dataFields)) {
    if (v === null) delete c.dataFields[k];
    else c.dataFields[k] = v;
  }
  c.updated = now;
  joinBooks(
    store,
    c,
    bookId === undefined ? [] : [bookId],
    { isNew, wasConfirmed, askedVerifiedDouble: input.optInType === 'VerifiedDouble' },
    now,
  );
  return { contact: c };
}

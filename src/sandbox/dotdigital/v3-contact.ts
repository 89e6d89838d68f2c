// Runs in: Node (simulators). Owns: applying a v3 contact body (identifiers, dataFields object,
// channelProperties.email, lists, consentRecords) under a merge option; shared by PATCH, POST and imports.
import type { Account } from './account.js';
import { resolveFields } from './fields.js';
import { type MergeOption, mergeFields } from './merge.js';
import type { Contact, EmailType, OptInType } from './store.js';
import {
  emailPattern,
  isConfirmed,
  isSuppressed,
  joinBooks,
  markSubscribed,
  unsubscribe,
} from './subscription.js';
import { isObj, type Obj } from './routes/shared.js';

export interface V3Problem {
  code: string;
  item: string;
  description: string;
}

const emailTypes: Record<string, EmailType> = { plainText: 'PlainText', html: 'Html' };
const optInTypes: Record<string, OptInType> = {
  unknown: 'Unknown',
  single: 'Single',
  double: 'Double',
  verifiedDouble: 'VerifiedDouble',
};
const problem = (item: string, description: string, code = 'contacts:validationFailed'): V3Problem => ({
  code,
  item,
  description,
});

/** Checks the body shape before anything changes, so a bad request leaves no trace. */
export function validateV3Body(acct: Account, body: unknown): V3Problem | undefined {
  if (!isObj(body)) return problem('body', 'The request body must be a JSON object.');
  const ids = body.identifiers;
  if (ids !== undefined && !isObj(ids)) return problem('identifiers', 'identifiers must be an object.');
  if (
    isObj(ids) &&
    ids.email !== undefined &&
    (typeof ids.email !== 'string' || !emailPattern.test(ids.email))
  )
    return problem('identifiers.email', 'The email address is not valid.');
  if (
    isObj(ids) &&
    ids.mobileNumber !== undefined &&
    (typeof ids.mobileNumber !== 'string' || !/^\+?[1-9]\d{6,14}$/.test(ids.mobileNumber))
  )
    return problem('identifiers.mobileNumber', 'The mobile number must be in E.164 format.');
  if (body.dataFields !== undefined) {
    if (!isObj(body.dataFields)) return problem('dataFields', 'dataFields must be an object.');
    const r = resolveFields(acct.store, body.dataFields);
    if ('problem' in r)
      return r.problem.kind === 'unknown'
        ? problem(`dataFields.${r.problem.name}`, `The data field ${r.problem.name} does not exist.`)
        : problem(`dataFields.${r.problem.name}`, `The value is not a valid ${r.problem.type}.`);
  }
  const email = isObj(body.channelProperties) ? body.channelProperties.email : undefined;
  if (email !== undefined) {
    if (!isObj(email))
      return problem('channelProperties.email', 'channelProperties.email must be an object.');
    if (
      email.status !== undefined &&
      !['subscribed', 'unsubscribed', 'suppressed'].includes(String(email.status))
    )
      return problem(
        'channelProperties.email.status',
        'status must be subscribed, unsubscribed or suppressed.',
      );
    if (email.emailType !== undefined && !(String(email.emailType) in emailTypes))
      return problem('channelProperties.email.emailType', 'emailType must be plainText or html.');
    if (email.optInType !== undefined && !(String(email.optInType) in optInTypes))
      return problem(
        'channelProperties.email.optInType',
        'optInType must be unknown, single, double or verifiedDouble.',
      );
  }
  if (body.lists !== undefined) {
    if (
      !Array.isArray(body.lists) ||
      body.lists.length < 1 ||
      body.lists.length > 100 ||
      !body.lists.every(Number.isInteger)
    )
      return problem('lists', 'lists must be 1 to 100 list ids.');
    const bad = body.lists.find((id) => !acct.store.books.get(id as number)?.writable);
    if (bad !== undefined)
      return problem(
        'lists',
        `List ${String(bad)} does not exist or cannot be written to.`,
        'contacts:invalidLists',
      );
  }
  if (body.consentRecords !== undefined) {
    const recs = body.consentRecords;
    if (!Array.isArray(recs) || recs.length < 1 || recs.length > 5)
      return problem('consentRecords', 'consentRecords must hold 1 to 5 records.');
    for (const r of recs) {
      if (!isObj(r)) return problem('consentRecords', 'Each consent record must be an object.');
      for (const k of ['text', 'dateTimeConsented', 'url', 'ipAddress', 'userAgent'])
        if (typeof r[k] !== 'string' || r[k] === '')
          return problem(`consentRecords.${k}`, `${k} is required.`);
      if (Number.isNaN(Date.parse(String(r.dateTimeConsented))))
        return problem(
          'consentRecords.dateTimeConsented',
          'dateTimeConsented must be an ISO 8601 date-time.',
        );
    }
  }
  return undefined;
}

/** Applies a validated body. `isNew` contacts were just created by the caller. */
export function applyV3Body(
  acct: Account,
  c: Contact,
  body: Obj,
  merge: MergeOption,
  isNew: boolean,
  now: number,
): void {
  const ids = isObj(body.identifiers) ? body.identifiers : {};
  if (typeof ids.email === 'string') c.email = ids.email.trim();
  if (typeof ids.mobileNumber === 'string') c.mobileNumber = ids.mobileNumber;
  if (isObj(body.dataFields)) {
    const r = resolveFields(acct.store, body.dataFields);
    if ('ok' in r) mergeFields(c.dataFields, r.ok, merge);
  }
  const email =
    isObj(body.channelProperties) && isObj(body.channelProperties.email) ? body.channelProperties.email : {};
  const wasConfirmed = isConfirmed(c, isNew);
  if (typeof email.emailType === 'string') c.emailType = emailTypes[email.emailType] ?? c.emailType;
  const askedOptIn = typeof email.optInType === 'string' ? optInTypes[email.optInType] : undefined;
  if (askedOptIn && !wasConfirmed) c.optInType = askedOptIn;
  if (email.status === 'unsubscribed' || email.status === 'suppressed') {
    if (!isSuppressed(c)) unsubscribe(c, 'Unsubscribed', now);
  } else if (email.status === 'subscribed' && c.status === 'Unsubscribed') {
    const opts = isObj(email.resubscribeOptions) ? email.resubscribeOptions : {};
    if (opts.resubscribeWithNoChallenge === false) c.status = 'PendingOptIn';
    else markSubscribed(c, now);
  }
  const lists = Array.isArray(body.lists) ? (body.lists as number[]) : [];
  if (!isSuppressed(c))
    joinBooks(
      acct.store,
      c,
      lists,
      { isNew, wasConfirmed, askedVerifiedDouble: askedOptIn === 'VerifiedDouble' },
      now,
    );
  if (Array.isArray(body.consentRecords))
    for (const r of body.consentRecords.filter(isObj))
      c.consentRecords.push({
        text: String(r.text),
        dateTimeConsented: new Date(String(r.dateTimeConsented)).toISOString(),
        url: String(r.url),
        ipAddress: String(r.ipAddress),
        userAgent: String(r.userAgent),
        dateTimeCreated: new Date(now).toISOString(),
      });
  c.updated = now;
}

/** Finds a contact by a v3 identifier name and value. */
export function findBy(acct: Account, identifier: string, value: string): Contact | undefined {
  if (identifier === 'email') return acct.store.byEmail(value);
  if (identifier === 'mobileNumber') return acct.store.byMobile(value);
  if (identifier === 'contactId')
    return /^\d+$/.test(value) ? acct.store.contacts.get(Number(value)) : undefined;
  return undefined;
}

/** Another contact already holding one of the body's identifiers (409). */
export function conflict(acct: Account, self: Contact | undefined, body: Obj): string | undefined {
  const ids = isObj(body.identifiers) ? body.identifiers : {};
  if (typeof ids.email === 'string') {
    const o = acct.store.byEmail(ids.email);
    if (o && o !== self) return 'email';
  }
  if (typeof ids.mobileNumber === 'string') {
    const o = acct.store.byMobile(ids.mobileNumber);
    if (o && o !== self) return 'mobileNumber';
  }
  return undefined;
}

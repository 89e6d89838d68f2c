// Runs in: Node (simulators). Owns: v3 bulk contact imports (PUT /contacts/v3/import): 202 with an
// importId, 429 over the active-import cap, and a status with created / updated / per-contact failures.
import type { Account } from '../account.js';
import { v3Error } from '../errors.js';
import type { SimContext } from '../gate.js';
import type { MergeOption } from '../merge.js';
import { applyV3Body, conflict, findBy, validateV3Body } from '../v3-contact.js';
import { isSuppressed } from '../subscription.js';
import { type Add, isObj, ok, type Obj } from './shared.js';
import { camelMerge } from './v3-contacts.js';

interface Failure {
  matchIdentifier: string;
  identifiers: Record<string, unknown>;
  failures: Array<{ failureCode: string; description: string }>;
}

function runImport(acct: Account, contacts: Obj[], merge: MergeOption, now: number) {
  const created: unknown[] = [];
  const updated: unknown[] = [];
  const failures: Failure[] = [];
  const seen = new Set<string>();
  const fail = (c: Obj, failureCode: string, description: string) =>
    failures.push({
      matchIdentifier: String(c.matchIdentifier ?? ''),
      identifiers: isObj(c.identifiers) ? c.identifiers : {},
      failures: [{ failureCode, description }],
    });
  for (const item of contacts) {
    const match = String(item.matchIdentifier ?? '');
    const ids = isObj(item.identifiers) ? item.identifiers : {};
    const value = ids[match];
    if (
      !['email', 'mobileNumber', 'contactId'].includes(match) ||
      (typeof value !== 'string' && typeof value !== 'number')
    ) {
      fail(item, 'NoValidIdentifiers', 'The match identifier has no value.');
      continue;
    }
    const dedupe = `${match}:${String(value).toLowerCase()}`;
    if (seen.has(dedupe)) {
      fail(item, 'Duplicate', 'The contact appears more than once in this import.');
      continue;
    }
    seen.add(dedupe);
    const p = validateV3Body(acct, item);
    if (p) {
      fail(
        item,
        p.item === 'identifiers.email'
          ? 'InvalidEmail'
          : p.code === 'contacts:invalidLists'
            ? 'InvalidAddressBookIds'
            : 'InvalidData',
        p.description,
      );
      continue;
    }
    let c = findBy(acct, match, String(value));
    if (c && isSuppressed(c) && c.status !== 'Unsubscribed') {
      fail(item, 'GloballySuppressed', 'The contact is suppressed.');
      continue;
    }
    if (conflict(acct, c, item)) {
      fail(item, 'Duplicate', 'Another contact already has one of these identifiers.');
      continue;
    }
    const isNew = !c;
    if (!c) {
      if (match === 'contactId') {
        fail(item, 'NoValidIdentifiers', 'No contact has this contactId.');
        continue;
      }
      c = acct.store.newContact(typeof ids.email === 'string' ? ids.email : '', now);
    }
    applyV3Body(acct, c, item, merge, isNew, now);
    (isNew ? created : updated).push({
      contactId: c.id,
      identifiers: { email: c.email, ...(c.mobileNumber ? { mobileNumber: c.mobileNumber } : {}) },
    });
  }
  return { created, updated, failures };
}

export function v3ImportRoutes(add: Add, ctx: SimContext): void {
  add('PUT', '/contacts/v3/import', 'low', (req, acct) => {
    const body = isObj(req.body) ? req.body : {};
    const merge = camelMerge[String(body.mergeOption ?? 'overwrite')];
    if (!merge)
      return v3Error(400, 'contacts:validationFailed', 'mergeOption is not valid.', [
        { item: 'mergeOption', description: 'Use overwrite, overwriteIfNotEmpty or overwriteIfEmpty.' },
      ]);
    if (!Array.isArray(body.contacts) || body.contacts.length === 0 || !body.contacts.every(isObj))
      return v3Error(400, 'contacts:validationFailed', 'contacts must be a non-empty array.', [
        { item: 'contacts', description: 'At least one contact.' },
      ]);
    if (ctx.jobs.active(acct, ['contacts-v2', 'contacts-v3']) >= ctx.maxActiveContactImports)
      return v3Error(429, 'contacts:tooManyImportRequests', 'Too many import requests.');
    const contacts = body.contacts as Obj[];
    const job = ctx.jobs.start(acct, 'contacts-v3', () => runImport(acct, contacts, merge, ctx.now()));
    return ok({ importId: job.id }, 202);
  });
  add('GET', '/contacts/v3/import/:id', 'unlimited', (req, acct) => {
    const j = acct.store.jobs.get(req.params.id!);
    if (j?.kind !== 'contacts-v3')
      return v3Error(404, 'contacts:importNotFound', 'The import was not found.');
    if (j.state === 'pending') return ok({ importId: j.id, status: 'NotFinished' });
    if (j.state === 'failed') return ok({ importId: j.id, status: 'Failed' });
    const r = j.report as ReturnType<typeof runImport>;
    return ok({
      importId: j.id,
      status: 'Finished',
      summary: {
        newContacts: r.created.length,
        updatedContacts: r.updated.length,
        globallySuppressed: r.failures.filter((f) => f.failures[0]?.failureCode === 'GloballySuppressed')
          .length,
        invalidEntries: r.failures.length,
      },
      created: r.created,
      updated: r.updated,
      failures: r.failures,
    });
  });
}

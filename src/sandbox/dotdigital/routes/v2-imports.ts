// Runs in: Node (simulators). Owns: v2 contact imports (base64 JSON or multipart CSV, into the account
// or a book): 202 then status polling, the counted report, and report-faults as CSV.
import type { SimRequest, SimResponse } from '../../kit/index.js';
import type { Account } from '../account.js';
import { multipartFile, parseCsv } from '../csv.js';
import { msg, v2Error } from '../errors.js';
import { resolveFields } from '../fields.js';
import type { SimContext } from '../gate.js';
import { type MergeOption, mergeFields, v2MergeOptions } from '../merge.js';
import { emailPattern, isSuppressed, joinBooks } from '../subscription.js';
import { type Add, obj, ok } from './shared.js';

interface Report {
  counts: Record<string, number>;
  faults: Array<{ email: string; reason: string }>;
}

function readFile(req: SimRequest): { filename: string; text: string } | SimResponse {
  const type = String(req.headers['content-type'] ?? '');
  if (type.includes('multipart/form-data')) {
    const f = multipartFile(type, req.rawBody);
    return f ? { filename: f.filename, text: f.data.toString('utf8') } : v2Error(400, 'file must be valid');
  }
  const b = obj(req.body);
  if (typeof b.filename !== 'string' || typeof b.data !== 'string')
    return v2Error(400, msg.invalid('filename and data are required.'));
  return { filename: b.filename, text: Buffer.from(b.data, 'base64').toString('utf8') };
}

function runImport(
  acct: Account,
  text: string,
  bookId: number | undefined,
  merge: MergeOption,
  now: () => number,
): Report {
  const counts: Record<string, number> = {
    newContacts: 0,
    updatedContacts: 0,
    globallySuppressed: 0,
    invalidEntries: 0,
    duplicateEmails: 0,
    unsubscribed: 0,
    pendingDoubleOptin: 0,
    failures: 0,
  };
  const faults: Report['faults'] = [];
  const [header = [], ...rows] = parseCsv(text);
  const emailCol = header.findIndex((h) => h.trim().toLowerCase() === 'email');
  const seen = new Set<string>();
  for (const row of rows) {
    const email = (row[emailCol] ?? '').trim();
    if (!emailPattern.test(email)) {
      counts.invalidEntries!++;
      faults.push({ email, reason: 'InvalidEmail' });
      continue;
    }
    if (seen.has(email.toLowerCase())) {
      counts.duplicateEmails!++;
      faults.push({ email, reason: 'DuplicateEmail' });
      continue;
    }
    seen.add(email.toLowerCase());
    const raw: Record<string, unknown> = {};
    // Columns that name no data field are not imported (the UI would ask to map them).
    header.forEach((h, i) => {
      if (i !== emailCol && acct.store.field(h.trim())) raw[h.trim()] = row[i] ?? '';
    });
    const fields = resolveFields(acct.store, raw);
    if ('problem' in fields) {
      counts.failures!++;
      faults.push({ email, reason: `InvalidDataField:${fields.problem.name}` });
      continue;
    }
    let c = acct.store.byEmail(email);
    if (c && isSuppressed(c)) {
      counts.globallySuppressed!++;
      faults.push({ email, reason: 'GloballySuppressed' });
      continue;
    }
    const isNew = !c;
    c ??= acct.store.newContact(email, now());
    mergeFields(c.dataFields, fields.ok, merge);
    joinBooks(
      acct.store,
      c,
      bookId === undefined ? [] : [bookId],
      { isNew, wasConfirmed: false, askedVerifiedDouble: false },
      now(),
    );
    if (c.status === 'PendingOptIn') counts.pendingDoubleOptin!++;
    counts[isNew ? 'newContacts' : 'updatedContacts']!++;
  }
  return { counts, faults };
}

export function v2ImportRoutes(add: Add, ctx: SimContext): void {
  const start = (
    req: SimRequest,
    acct: Account,
    bookId: number | undefined,
    merge: MergeOption,
  ): SimResponse => {
    if (bookId !== undefined) {
      const b = acct.store.books.get(bookId);
      if (!b) return v2Error(404, msg.addressBookNotFound);
      if (!b.writable) return v2Error(400, msg.addressBookNotWritable);
    }
    const file = readFile(req);
    if ('status' in file) return file;
    if (!/\.(csv|xls|xlsx)$/i.test(file.filename))
      return v2Error(400, msg.invalid('The file must be .csv, .xls or .xlsx.'));
    if (ctx.jobs.active(acct, ['contacts-v2', 'contacts-v3']) >= ctx.maxActiveContactImports)
      return v2Error(400, msg.tooManyImports);
    const job = ctx.jobs.start(acct, 'contacts-v2', () => runImport(acct, file.text, bookId, merge, ctx.now));
    return ok({ id: job.id, status: 'NotFinished' }, 202);
  };
  add('POST', '/v2/contacts/import', 'low', (req, acct) => start(req, acct, undefined, 'overwrite'));
  add('POST', '/v2/address-books/:id/contacts/import', 'low', (req, acct) =>
    start(req, acct, Number(req.params.id), 'overwrite'),
  );
  add('POST', '/v2/address-books/:id/contacts/import/with-merge-option/:merge', 'low', (req, acct) => {
    const merge = v2MergeOptions[req.params.merge!];
    return merge
      ? start(req, acct, Number(req.params.id), merge)
      : v2Error(400, msg.invalid('mergeOption must be 0, 1 or 2.'));
  });

  const job = (acct: Account, id: string | undefined) => {
    const j = acct.store.jobs.get(id ?? '');
    return j?.kind === 'contacts-v2' ? j : undefined;
  };
  add('GET', '/v2/contacts/import/:id', 'unlimited', (req, acct) => {
    const j = job(acct, req.params.id);
    if (!j) return v2Error(404, msg.importNotFound);
    return ok({
      id: j.id,
      status: j.state === 'pending' ? 'NotFinished' : j.state === 'finished' ? 'Finished' : 'Failed',
    });
  });
  add('GET', '/v2/contacts/import/:id/report', 'low', (req, acct) => {
    const j = job(acct, req.params.id);
    if (!j) return v2Error(404, msg.importNotFound);
    if (j.state !== 'finished') return v2Error(400, msg.reportNotFound);
    return ok((j.report as Report).counts);
  });
  add('GET', '/v2/contacts/import/:id/report-faults', 'low', (req, acct) => {
    const j = job(acct, req.params.id);
    if (!j) return v2Error(404, msg.importNotFound);
    if (j.state !== 'finished') return v2Error(400, msg.reportNotFound);
    const lines = ['Email,Reason', ...(j.report as Report).faults.map((f) => `${f.email},${f.reason}`)];
    return { status: 200, rawBody: lines.join('\r\n'), headers: { 'content-type': 'text/csv' } };
  });
}

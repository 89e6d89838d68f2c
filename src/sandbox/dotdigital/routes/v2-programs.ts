// Runs in: Node (simulators). Owns: programs and program enrolments: validation, the 20-per-hour
// enrolment allowance, 404 / 422 for missing or inactive programs, and Processing -> Finished.
import { randomUUID } from 'node:crypto';
import { msg, v2Error } from '../errors.js';
import type { SimContext } from '../gate.js';
import type { Enrolment } from '../store.js';
import { type Add, obj, ok } from './shared.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const intArray = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => Number.isInteger(x));

export function v2ProgramRoutes(add: Add, ctx: SimContext): void {
  const denied = (p: boolean | undefined) => p === false;
  const view = (e: Enrolment, status: string) => ({
    id: e.id,
    programId: e.programId,
    status,
    dateCreated: new Date(e.dateCreated).toISOString(),
    contacts: e.contacts,
    addressBooks: e.addressBooks,
  });

  add('GET', '/v2/programs', 'medium', (_req, acct) => {
    if (denied(acct.option.programsPermission)) return v2Error(403, msg.accessDenied);
    return ok(
      [...acct.store.programs.values()].map((p) => ({ ...p, dateCreated: '2024-01-01T00:00:00.000Z' })),
    );
  });
  add('GET', '/v2/programs/:id', 'high', (req, acct) => {
    if (denied(acct.option.programsPermission)) return v2Error(403, msg.accessDenied);
    const p = acct.store.programs.get(Number(req.params.id));
    return p ? ok({ ...p, dateCreated: '2024-01-01T00:00:00.000Z' }) : v2Error(404, msg.programNotFound);
  });

  add('POST', '/v2/programs/enrolments', 'medium', (req, acct) => {
    if (denied(acct.option.programsPermission)) return v2Error(403, msg.accessDenied);
    const b = obj(req.body);
    if (!Number.isInteger(b.programId)) return v2Error(400, 'programId is required. ERROR_ENROLMENT_INVALID');
    const contacts = b.contacts ?? [];
    const books = b.addressBooks ?? [];
    if (!intArray(contacts) || !intArray(books))
      return v2Error(400, 'contacts and addressBooks must be arrays of ids. ERROR_ENROLMENT_INVALID');
    if (contacts.length > 25)
      return v2Error(400, 'At most 25 contacts per enrolment. ERROR_ENROLMENT_INVALID');
    if (books.length > 10)
      return v2Error(400, 'At most 10 address books per enrolment. ERROR_ENROLMENT_ADDRESSBOOK_TOOMANY');
    if (contacts.length === 0 && books.length === 0)
      return v2Error(400, 'Enrol at least one contact or address book. ERROR_ENROLMENT_INVALID');
    const program = acct.store.programs.get(b.programId as number);
    if (!program) return v2Error(404, msg.programNotFound);
    if (program.status !== 'Active') return v2Error(422, msg.programNotActive);
    const missing = contacts.find((id) => !acct.store.contacts.has(id));
    if (missing !== undefined)
      return v2Error(400, `Contact ${missing} was not found. ERROR_ENROLMENT_CONTACT_NOT_FOUND`);
    if (books.some((id) => !acct.store.books.has(id))) return v2Error(400, msg.addressBookNotFound);
    // The allowance counts accepted enrolments only, checked last so a bad request does not use it up.
    if (acct.enrolments.take() > 0) return v2Error(400, msg.enrolmentAllowance);
    const e: Enrolment = {
      id: randomUUID(),
      programId: program.id,
      contacts,
      addressBooks: books,
      dateCreated: ctx.now(),
    };
    acct.store.enrolments.set(e.id, e);
    ctx.jobs.start(acct, 'enrolment', () => ({ faults: [] }), { enrolmentId: e.id }, e.id as string);
    return ok(view(e, 'Processing'), 201);
  });

  add('GET', '/v2/programs/enrolments/:idOrStatus', 'unlimited', (req, acct) => {
    if (denied(acct.option.programsPermission)) return v2Error(403, msg.accessDenied);
    const key = req.params.idOrStatus!;
    const status = (id: string) => (acct.store.jobs.get(id)?.state === 'pending' ? 'Processing' : 'Finished');
    if (uuidPattern.test(key)) {
      const e = acct.store.enrolments.get(key.toLowerCase());
      return e ? ok(view(e, status(e.id))) : v2Error(404, 'Error: ERROR_ENROLMENT_NOT_FOUND');
    }
    if (key !== 'Processing' && key !== 'Finished')
      return v2Error(400, msg.invalid('status must be Processing or Finished.'));
    return ok(
      [...acct.store.enrolments.values()].filter((e) => status(e.id) === key).map((e) => view(e, key)),
    );
  });
}

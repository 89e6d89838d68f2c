// Runs in: Node (simulators). Owns: the v2 contact methods: upsert, batchupsert(v2), delete, basic, list,
// hasContact, modifiedContacts (plain and paginated), and the owner list (user/listByClient).
import type { AccountStore } from '../store.js';
import type { V2Context } from './auth.js';
import { basicView, fullView } from './contact-view.js';
import type { V2Env, V2Method } from './method.js';
import { fail, isObject, ok, str, type Body } from './reply.js';
import { applyUpsert } from './upsert-detail.js';

function upsert(ctx: V2Context, env: V2Env) {
  const run = () => applyUpsert(ctx.store, ctx.body, ctx.owner, env.opts);
  if (ctx.body['async'] === true) {
    const job = env.jobs.submit(ctx.store, 'contact/upsert', () => {
      const r = run();
      if (!r.ok) throw new Error(r.message);
      return { contactId: r.contact.contactId };
    });
    return ok({ requestId: job.requestId });
  }
  const r = run();
  if (!r.ok) return fail(r.message);
  return ok({ contactId: r.contact.contactId, externalId: r.contact.externalId ?? null });
}

/** Each detail succeeds or fails on its own: ids for the good ones, e-mails and reasons for the rest. */
function runBatch(store: AccountStore, details: Body[], owner: string, env: V2Env) {
  const contactIds: Record<string, string> = {};
  const failedContacts: string[] = [];
  const messages: string[] = [];
  details.forEach((d, i) => {
    const r = applyUpsert(store, d, owner, env.opts);
    if (r.ok) contactIds[r.contact.email] = r.contact.contactId;
    else {
      failedContacts.push(r.email ?? `upsertDetails[${i}]`);
      messages.push(`${r.email ?? `upsertDetails[${i}]`}: ${r.message}`);
    }
  });
  return { contactIds, failedContacts, messages };
}

function batchUpsert(method: string) {
  return (ctx: V2Context, env: V2Env) => {
    const details = ctx.body['upsertDetails'];
    if (!Array.isArray(details) || details.length === 0) return fail('No upsertDetails specified');
    if (details.length > env.opts.maxBatchContacts) {
      return fail(`Too many contacts in one request: ${details.length} (max ${env.opts.maxBatchContacts})`);
    }
    if (details.some((d) => !isObject(d))) return fail('Every upsertDetails entry must be an object');
    const owner = ctx.owner;
    if (ctx.body['async'] === true) {
      const job = env.jobs.submit(ctx.store, method, () =>
        runBatch(ctx.store, details as Body[], owner, env),
      );
      return ok({ requestId: job.requestId });
    }
    const r = runBatch(ctx.store, details as Body[], owner, env);
    if (Object.keys(r.contactIds).length === 0) return fail(...r.messages);
    return ok({ contactIds: r.contactIds, failedContacts: r.failedContacts }, r.messages);
  };
}

function remove(ctx: V2Context, env: V2Env) {
  const email = str(ctx.body['email']);
  if (!email) return fail('No email specified');
  const c = ctx.store.findLive({ email });
  if (!c) return fail(`Contact not found: ${email}`);
  c.deleted = true;
  c.deletedAt = env.opts.now();
  c.modifiedOn = c.deletedAt;
  return ok();
}

function emailList(body: Body): string[] | undefined {
  const e = body['email'];
  if (typeof e === 'string' && e) return [e];
  if (Array.isArray(e) && e.length > 0 && e.every((x) => typeof x === 'string')) return e as string[];
  return undefined;
}

function basic(ctx: V2Context) {
  const emails = emailList(ctx.body);
  if (!emails) return fail('No email specified');
  const found = emails.map((e) => ctx.store.findByEmail(e)).filter((c) => c !== undefined);
  return ok({ contacts: found.map(basicView) });
}

function list(ctx: V2Context) {
  const emails = emailList(ctx.body);
  if (!emails) return fail('No email specified');
  const found = emails.map((e) => ctx.store.findLive({ email: e })).filter((c) => c !== undefined);
  return ok({ contacts: found.map(fullView) });
}

function hasContact(ctx: V2Context) {
  const email = str(ctx.body['email']);
  if (!email) return fail('No email specified');
  const c = ctx.store.findLive({ email });
  return ok({ result: c !== undefined, contactId: c?.contactId ?? null });
}

function timeRange(body: Body): { from: number; to: number } | string {
  const from = body['from'];
  const to = body['to'];
  if (typeof from !== 'number' || typeof to !== 'number') return 'from and to must be timestamps in ms';
  if (from > to) return 'from must not be after to';
  return { from, to };
}

function modifiedIn(store: AccountStore, range: { from: number; to: number }) {
  return [...store.contacts.values()]
    .filter((c) => c.modifiedOn >= range.from && c.modifiedOn <= range.to)
    .sort((a, b) => a.modifiedOn - b.modifiedOn || a.contactId.localeCompare(b.contactId))
    .map((c) => ({ id: c.contactId, email: c.email, modifiedOn: c.modifiedOn }));
}

function modifiedContacts(ctx: V2Context) {
  const range = timeRange(ctx.body);
  if (typeof range === 'string') return fail(range);
  return ok({ modifiedContacts: modifiedIn(ctx.store, range) });
}

const MAX_PAGE_SIZE = 1000;

/** Pages count from 1. */
function paginatedModifiedContacts(ctx: V2Context) {
  const range = timeRange(ctx.body);
  if (typeof range === 'string') return fail(range);
  const page = ctx.body['page'];
  const size = ctx.body['size'];
  if (typeof page !== 'number' || !Number.isInteger(page) || page < 1)
    return fail('page must be an integer from 1');
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    return fail(`size must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  const all = modifiedIn(ctx.store, range);
  const start = (page - 1) * size;
  return ok({ modifiedContacts: all.slice(start, start + size), hasMore: start + size < all.length });
}

function listByClient(ctx: V2Context) {
  return ok({ users: ctx.store.account.owners });
}

export const contactMethods: Record<string, V2Method> = {
  'contact/upsert': { needsOwner: true, handle: upsert },
  'contact/batchupsert': { needsOwner: true, handle: batchUpsert('contact/batchupsert') },
  'contact/batchupsertv2': { needsOwner: true, handle: batchUpsert('contact/batchupsertv2') },
  'contact/delete': { needsOwner: true, handle: remove },
  'contact/basic': { needsOwner: true, handle: basic },
  'contact/list': { needsOwner: true, handle: list },
  'contact/hasContact': { needsOwner: true, handle: hasContact },
  'contact/modifiedContacts': { needsOwner: true, handle: modifiedContacts },
  'contact/paginatedModifiedContacts': { needsOwner: true, handle: paginatedModifiedContacts },
  'user/listByClient': { needsOwner: false, handle: listByClient },
};

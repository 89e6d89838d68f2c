// Runs in: Node (simulators). Owns: running a queued bulk contact import (per-contact success and failure).
import { checkFieldValue, setFieldValue } from './field-values.js';
import { int, isEmail, str, type Ctx } from './http.js';
import { setMembership } from './membership.js';
import type { BulkImportContact, BulkImportJob, Contact } from './store.js';

/** Imports one contact; returns the new contact's id, `updated` for an existing one, or the failure reason. */
function importOne(ctx: Ctx, raw: BulkImportContact): { created?: number; updated?: true; failed?: string } {
  const email = str(raw.email)?.trim() ?? '';
  if (!isEmail(email)) return { failed: 'invalid email' };
  const fields = Array.isArray(raw.fields) ? (raw.fields as Array<Record<string, unknown>>) : [];
  for (const f of fields)
    if (checkFieldValue(ctx, int(f['id']), f['value'], '')) return { failed: 'invalid field value' };
  const listIds = (v: unknown): number[] =>
    Array.isArray(v) ? (v as Array<Record<string, unknown>>).map((s) => int(s['listid']) ?? -1) : [];
  const subscribe = listIds(raw.subscribe);
  const unsubscribe = listIds(raw.unsubscribe);
  if ([...subscribe, ...unsubscribe].some((l) => !ctx.store.lists.has(l))) return { failed: 'unknown list' };

  const t = ctx.now();
  const existing = ctx.store.contactByEmail(email);
  const c: Contact = existing ?? {
    id: ctx.store.nextId('contact'),
    email,
    firstName: '',
    lastName: '',
    phone: '',
    cdate: t,
    udate: t,
  };
  const first = str(raw.first_name);
  const last = str(raw.last_name);
  const phone = str(raw.phone);
  if (first !== undefined) c.firstName = first;
  if (last !== undefined) c.lastName = last;
  if (phone !== undefined) c.phone = phone;
  c.udate = t;
  ctx.store.contacts.set(c.id, c);
  for (const f of fields) setFieldValue(ctx, c.id, int(f['id'])!, str(f['value'])!);
  const tags = Array.isArray(raw.tags) ? raw.tags.map((x) => str(x)).filter((x): x is string => !!x) : [];
  for (const name of tags) linkTag(ctx, c.id, name);
  for (const l of subscribe) setMembership(ctx, c.id, l, 1, 'api');
  for (const l of unsubscribe) setMembership(ctx, c.id, l, 2, 'api');
  return existing ? { updated: true } : { created: c.id };
}

function linkTag(ctx: Ctx, contact: number, name: string): void {
  let tag = [...ctx.store.tags.values()].find((t) => t.tag.toLowerCase() === name.toLowerCase());
  if (!tag) {
    tag = { id: ctx.store.nextId('tag'), tag: name, tagType: 'contact', description: '', cdate: ctx.now() };
    ctx.store.tags.set(tag.id, tag);
  }
  const tagId = tag.id;
  if (![...ctx.store.contactTags.values()].some((ct) => ct.contact === contact && ct.tag === tagId)) {
    const id = ctx.store.nextId('contactTag');
    ctx.store.contactTags.set(id, { id, contact, tag: tagId, cdate: ctx.now() });
  }
}

/**
 * Processes a job. As documented, `success` lists the ids of newly created contacts only and `failure` the
 * emails that could not be imported; contacts that already existed are updated and appear in neither.
 */
export function runJob(ctx: Ctx, job: BulkImportJob): void {
  if (job.status !== 'waiting' && job.status !== 'claimed' && job.status !== 'active') return;
  for (const raw of job.contacts) {
    const r = importOne(ctx, raw);
    if (r.created !== undefined) job.success.push(String(r.created));
    else if (r.failed !== undefined) job.failure.push(str(raw.email) ?? '');
  }
  job.status = 'completed';
}

/** In `auto` mode a job completes once its delay has passed; it is settled whenever someone looks. */
export function settleJobs(ctx: Ctx, mode: 'auto' | 'manual', delayMs: number): void {
  if (mode !== 'auto') return;
  for (const job of ctx.store.jobs.values()) if (ctx.now() >= job.createdAt + delayMs) runJob(ctx, job);
}

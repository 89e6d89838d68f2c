// Runs in: Node (simulators). Owns: integration/upsert, the vendor util's "transferBoth": a contact upsert
// (`contactUpsertRequest`) and an external event (`addContactExtEventRequest`) in one call, either part optional.
import type { V2Context } from './auth.js';
import { addOne, parseEvent } from './events.js';
import type { V2Env, V2Method } from './method.js';
import { type Body, fail, isObject, ok, str } from './reply.js';
import { applyUpsert } from './upsert-detail.js';

/**
 * Both parts are checked before either is applied, so a failed call writes nothing [UNVERIFIED: the docs do
 * not say what a half-valid call does]. The contact goes first, so the event can belong to a new contact.
 */
function upsertBoth(ctx: V2Context, env: V2Env) {
  const contactPart = ctx.body['contactUpsertRequest'];
  const eventPart = ctx.body['addContactExtEventRequest'];
  if (contactPart === undefined && eventPart === undefined)
    return fail('No contactUpsertRequest or addContactExtEventRequest specified');
  if (contactPart !== undefined && !isObject(contactPart))
    return fail('contactUpsertRequest must be an object');
  if (eventPart !== undefined && !isObject(eventPart))
    return fail('addContactExtEventRequest must be an object');
  if (eventPart) {
    const fields = parseEvent(eventPart['contactEvent'], false);
    if (typeof fields === 'string') return fail(fields);
    const missing = unknownContact(ctx, env, eventPart, contactPart);
    if (missing) return fail(missing);
  }
  let contactId: string | undefined;
  if (contactPart) {
    const r = applyUpsert(ctx.store, contactPart, ctx.owner, env.opts);
    if (!r.ok) return fail(r.message);
    contactId = r.contact.contactId;
  }
  if (!eventPart) return ok({ contactId });
  const ev = addOne(ctx, env, eventPart);
  if (typeof ev === 'string') return fail(ev);
  return ok({ ...(contactId ? { contactId } : {}), eventId: ev.eventId });
}

/** Why the event's contact cannot be found even after the contact part, or undefined when it can. */
function unknownContact(ctx: V2Context, env: V2Env, ev: Body, contactPart: Body | undefined) {
  const contactId = str(ev['contactId']);
  const email = contactId ? undefined : str(ev['email']);
  if (!contactId && !email) return 'No email specified';
  if (ctx.store.findLive({ contactId, email })) return undefined;
  const c = contactPart?.['contact'];
  const upserted = isObject(c) ? str(c['email']) : undefined;
  if (email && upserted?.toLowerCase() === email.toLowerCase()) return undefined;
  if (email && env.opts.unknownContactEvents === 'create') return undefined;
  return `Contact not found: ${contactId ?? email}`;
}

export const integrationMethods: Record<string, V2Method> = {
  'integration/upsert': { needsOwner: true, handle: upsertBoth },
};

// Runs in: Node (simulators). Owns: the v2 external-event methods: add (every call stores a new event, so
// a double send shows up twice), update by eventId, batch add with per-event failures, delete.
import type { AccountStore, Contact, ExtEvent } from '../store.js';
import { newId } from '../store.js';
import type { V2Context } from './auth.js';
import type { V2Env, V2Method } from './method.js';
import { fail, isObject, ok, str, type Body } from './reply.js';
import { applyUpsert } from './upsert-detail.js';

export const eventTypes = new Set([
  'PURCHASE',
  'CART',
  'VISIT',
  'PHONE_CALL',
  'OTHER',
  'RESERVATION',
  'CANCELLED',
  'ACTIVATION',
  'MEETING',
  'OFFER',
  'DOWNLOAD',
  'LOGIN',
  'TRANSACTION',
  'CANCELLATION',
  'RETURN',
  'SURVEY',
  'APP_STATUS',
  'APP_TYPE_WEB',
  'APP_TYPE_MANUAL',
  'APP_TYPE_RETENTION',
  'APP_TYPE_UPSALE',
  'LOAN_STATUS',
  'LOAN_ORDER',
  'FIRST_LOAN',
  'REPEATED_LOAN',
]);

type EventFields = Omit<
  ExtEvent,
  'eventId' | 'contactId' | 'email' | 'owner' | 'createdAt' | 'updatedAt' | 'updates'
>;

/** Checks `contactEvent`; `partial` (updates) lets type and date be left out. */
export function parseEvent(ev: unknown, partial: boolean): Partial<EventFields> | string {
  if (!isObject(ev)) return 'No contactEvent specified';
  const out: Partial<EventFields> = { details: {} };
  const type = ev['contactExtEventType'];
  if (type !== undefined || !partial) {
    if (typeof type !== 'string' || !eventTypes.has(type))
      return `Unknown contactExtEventType: ${String(type)}`;
    out.contactExtEventType = type;
  }
  const date = ev['date'];
  if (date !== undefined || !partial) {
    if (typeof date !== 'number' || !Number.isFinite(date))
      return 'contactEvent.date must be a timestamp in ms';
    out.date = date;
  }
  if (ev['value'] !== undefined && ev['value'] !== null) {
    if (typeof ev['value'] !== 'number') return 'contactEvent.value must be a number';
    out.value = ev['value'];
  }
  if (ev['products'] !== undefined && ev['products'] !== null && typeof ev['products'] !== 'string') {
    return 'contactEvent.products must be a comma-separated string of product ids';
  }
  for (const f of ['products', 'description', 'location', 'externalId', 'shopDomain'] as const) {
    if (typeof ev[f] === 'string') out[f] = ev[f];
  }
  for (const [k, v] of Object.entries(ev)) {
    const m = /^detail(\d+)$/.exec(k);
    if (!m) continue;
    const n = Number(m[1]);
    if (n < 1 || n > 20) return `Unknown field ${k}: details go from detail1 to detail20`;
    if (v !== null && v !== undefined) out.details![k] = String(v);
  }
  return out;
}

/** The contact an event belongs to: by contactId (wins) or e-mail; created first when the option says so. */
function resolveContact(ctx: V2Context, env: V2Env, ref: Body): Contact | string {
  const contactId = str(ref['contactId']);
  const email = contactId ? undefined : str(ref['email']);
  if (!contactId && !email) return 'No email specified';
  const c = ctx.store.findLive({ contactId, email });
  if (c) return c;
  if (contactId || env.opts.unknownContactEvents === 'reject')
    return `Contact not found: ${contactId ?? email}`;
  const r = applyUpsert(ctx.store, { contact: { email } }, ctx.owner, env.opts);
  return r.ok ? r.contact : r.message;
}

export function addOne(ctx: V2Context, env: V2Env, ref: Body): ExtEvent | string {
  const fields = parseEvent(ref['contactEvent'], false);
  if (typeof fields === 'string') return fields;
  const contact = resolveContact(ctx, env, ref);
  if (typeof contact === 'string') return contact;
  if (ref['forceOptIn'] === true) contact.optedOut = false;
  const now = env.opts.now();
  const event: ExtEvent = {
    ...(fields as EventFields),
    eventId: newId(),
    contactId: contact.contactId,
    email: contact.email,
    owner: ctx.owner,
    createdAt: now,
    updatedAt: now,
    updates: 0,
  };
  ctx.store.events.set(event.eventId, event);
  return event;
}

function add(ctx: V2Context, env: V2Env) {
  const r = addOne(ctx, env, ctx.body);
  return typeof r === 'string' ? fail(r) : ok({ eventId: r.eventId });
}

function update(ctx: V2Context, env: V2Env) {
  const ev = ctx.body['contactEvent'];
  const eventId = isObject(ev) ? str(ev['eventId']) : undefined;
  if (!eventId) return fail('No eventId specified');
  const event = ctx.store.events.get(eventId);
  if (!event) return fail(`Event not found: ${eventId}`);
  const fields = parseEvent(ev, true);
  if (typeof fields === 'string') return fail(fields);
  const { details, ...rest } = fields;
  Object.assign(event, rest);
  Object.assign(event.details, details);
  event.updatedAt = env.opts.now();
  event.updates++;
  return ok({ eventId });
}

function batchAdd(ctx: V2Context, env: V2Env) {
  const events = ctx.body['events'];
  if (!Array.isArray(events) || events.length === 0) return fail('No events specified');
  if (events.length > env.opts.maxBatchEvents) {
    return fail(`Too many events in one request: ${events.length} (max ${env.opts.maxBatchEvents})`);
  }
  const failedContacts: string[] = [];
  const messages: string[] = [];
  let createdAmount = 0;
  events.forEach((e, i) => {
    const r = isObject(e) ? addOne(ctx, env, e) : 'Every events entry must be an object';
    if (typeof r !== 'string') createdAmount++;
    else {
      const who = (isObject(e) && (str(e['contactId']) ?? str(e['email']))) || `events[${i}]`;
      failedContacts.push(who);
      messages.push(`${who}: ${r}`);
    }
  });
  return ok({ createdAmount, failedAmount: failedContacts.length, failedContacts }, messages);
}

function remove(ctx: V2Context) {
  const eventId = str(ctx.body['eventId']);
  if (!eventId) return fail('No eventId specified');
  if (!ctx.store.events.delete(eventId)) return fail(`Event not found: ${eventId}`);
  return ok();
}

export function eventsOf(store: AccountStore): ExtEvent[] {
  return [...store.events.values()];
}

export const eventMethods: Record<string, V2Method> = {
  'contact/addContactExtEvent': { needsOwner: true, handle: add },
  'contact/updateContactExtEvent': { needsOwner: true, handle: update },
  'contact/batchAddContactExtEvent': { needsOwner: true, handle: batchAdd },
  'contact/deleteContactExtEvent': { needsOwner: true, handle: remove },
};

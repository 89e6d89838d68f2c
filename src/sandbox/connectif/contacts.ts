// Runs in: Node (simulators). Owns: the contact routes: read, upsert by email (ContactPatch and
// ContactPatchByEmail), delete; and how consent fields change on a write.
import type { Router, SimRequest, SimResponse } from '../kit/index.js';
import { notFound, unprocessable } from './errors.js';
import type { Ctx, Gate } from './gate.js';
import { emailKey, newId, type ContactRecord, type StoreState } from './state.js';
import {
  checkEnum,
  checkFieldValue,
  checkInteger,
  checkString,
  isEmail,
  isIntlPhone,
  isIsoDate,
  isObject,
  type Problems,
} from './validate.js';

const subscription = ['subscribed', 'unsubscribed', 'none'] as const;
const systemChecks: Record<string, (p: Problems, v: unknown) => void> = {
  _name: (p, v) => checkString(p, '_name', v, 255),
  _surname: (p, v) => checkString(p, '_surname', v, 255),
  _birthdate: (p, v) => {
    if (v !== null && !isIsoDate(v)) p.push('_birthdate must be an ISO-8601 date');
  },
  _mobilePhone: (p, v) => {
    if (v !== null && !isIntlPhone(v)) p.push('_mobilePhone must be in international format (+34...)');
  },
  _mobilePhoneStatus: (p, v) => checkEnum(p, '_mobilePhoneStatus', v, ['active', 'bounced', 'paused']),
  _emailStatus: (p, v) => checkEnum(p, '_emailStatus', v, ['active', 'bounced', 'paused', 'banned']),
  _newsletterSubscriptionStatus: (p, v) => checkEnum(p, '_newsletterSubscriptionStatus', v, subscription),
  _smsSubscriptionStatus: (p, v) => checkEnum(p, '_smsSubscriptionStatus', v, subscription),
  _points: (p, v) => checkInteger(p, '_points', v),
};

export interface ContactDeps {
  gate: Gate;
  now: () => number;
  doubleOptIn: boolean;
  deletePath: string;
}

export function addContactRoutes(router: Router, deps: ContactDeps): void {
  const { gate } = deps;
  router.get(
    '/contacts/:email',
    gate.wrap('contacts:read', (req, { store }) => {
      const c = store.contacts.get(emailKey(req.params['email'] ?? ''));
      return c ? { status: 200, body: store.contactRead(c) } : notFound('Contact');
    }),
  );
  router.patch(
    '/contacts/email/:email',
    gate.wrap('contacts:write', (req, ctx) => patch(req, ctx, deps, true)),
  );
  router.patch(
    '/contacts/:email',
    gate.wrap('contacts:write', (req, ctx) => patch(req, ctx, deps, false)),
  );
  router.delete(
    deps.deletePath,
    gate.wrap('contacts:delete', (req, { store }) => {
      const key = emailKey(req.params['email'] ?? '');
      if (!eraseContact(store, key)) return notFound('Contact');
      return { status: 204 };
    }),
  );
}

/** Deleting a profile keeps its purchases for store analytics, detached from the person. */
export function eraseContact(store: StoreState, key: string): boolean {
  if (!store.contacts.delete(key)) return false;
  for (const p of store.purchases)
    if (p.contactEmail === key) {
      p.contactEmail = '';
      p.body['contactEmail'] = null;
    }
  store.customEvents = store.customEvents.filter((e) => e.email !== key);
  store.activities = store.activities.filter((a) => a.email !== key);
  return true;
}

function patch(req: SimRequest, { store }: Ctx, deps: ContactDeps, byEmailRoute: boolean): SimResponse {
  const email = req.params['email'] ?? '';
  if (!isEmail(email)) return unprocessable([`'${email}' is not a valid email address`]);
  if (!isObject(req.body)) return unprocessable(['the body must be a JSON object']);
  const problems = validatePatch(store, req.body, byEmailRoute);
  if (problems.length) return unprocessable(problems);
  const key = emailKey(email);
  const t = deps.now();
  let contact = store.contacts.get(key);
  if (!contact) {
    contact = { id: newId(), email: key, createdAt: t, updatedAt: t, data: {} };
    store.contacts.set(key, contact);
  }
  applyPatch(store, contact, req.body, { now: t, doubleOptIn: deps.doubleOptIn });
  return { status: 200, body: store.contactRead(contact) };
}

export function validatePatch(
  store: StoreState,
  body: Record<string, unknown>,
  byEmailRoute: boolean,
): Problems {
  const p: Problems = [];
  for (const [k, v] of Object.entries(body)) {
    if (k === '_externalId' && byEmailRoute) checkString(p, k, v, 255);
    else if (k.startsWith('_')) {
      const check = systemChecks[k];
      if (check) check(p, v);
      else p.push(`${k} is not a writable contact field`);
    } else {
      const def = store.customFields.find((f) => f.id === k);
      if (byEmailRoute)
        p.push(`${k}: custom fields are not accepted on this route; use PATCH /contacts/{email}`);
      else if (!def) p.push(`${k} is not a custom field of this store`);
      else checkFieldValue(p, k, def, v);
    }
  }
  return p;
}

export function applyPatch(
  store: StoreState,
  c: ContactRecord,
  body: Record<string, unknown>,
  opts: { now: number; doubleOptIn: boolean; ip?: string },
): void {
  const before = c.data['_newsletterSubscriptionStatus'] ?? 'none';
  for (const [k, v] of Object.entries(body)) {
    if (k === '_newsletterSubscriptionStatus') continue;
    c.data[k] = v;
  }
  const next = body['_newsletterSubscriptionStatus'];
  if (typeof next === 'string' && next !== before) {
    if (next === 'subscribed' && opts.doubleOptIn) c.pendingOptIn = true;
    else setNewsletter(store, c, next, opts.now, opts.ip);
  }
  c.updatedAt = opts.now;
}

export function setNewsletter(
  store: StoreState,
  c: ContactRecord,
  status: string,
  now: number,
  ip?: string,
): void {
  c.data['_newsletterSubscriptionStatus'] = status;
  c.pendingOptIn = undefined;
  if (status === 'unsubscribed') {
    c.data['_emailLastUnsubscribedDate'] = new Date(now).toISOString();
    c.data['_emailLastUnsubscribedIp'] = ip ?? null;
  }
  store.activities.push({ type: `newsletter-${status}`, email: c.email, at: now });
  c.updatedAt = now;
}

// Runs in: Node (simulators). Owns: Connectif's own /__sim/ routes: inspect a store's data, and act as
// the store's users would (unsubscribe, change consent, confirm a double opt-in, erase, move jobs, settings).
import type { Router, SimRequest, SimResponse } from '../kit/index.js';
import { eraseContact, setNewsletter } from './contacts.js';
import type { Gate } from './gate.js';
import type { JobRunner } from './jobs.js';
import { allScopes, fieldTypes, type FieldDef, type Scope } from './options.js';
import { emailKey, newId, type StoreState } from './state.js';
import { checkEnum, isEmail, isObject } from './validate.js';

export interface ControlDeps {
  stores: StoreState[];
  gate: Gate;
  runner: JobRunner;
  now: () => number;
}

const bad = (error: string, status = 400): SimResponse => ({ status, body: { error } });
const ok = (body: unknown): SimResponse => ({ status: 200, body });

export function addControlRoutes(router: Router, deps: ControlDeps): void {
  /** `?store=<id>` picks a store; the first one by default. */
  const on =
    (fn: (req: SimRequest, store: StoreState) => SimResponse) =>
    (req: SimRequest): SimResponse => {
      const id = req.query.get('store');
      const store = id ? deps.stores.find((s) => s.id === id) : deps.stores[0];
      return store ? fn(req, store) : bad(`no store ${id ?? ''}`, 404);
    };
  const withContact = (
    fn: (
      req: SimRequest,
      store: StoreState,
      c: NonNullable<ReturnType<StoreState['contacts']['get']>>,
    ) => SimResponse,
  ) =>
    on((req, store) => {
      const c = store.contacts.get(emailKey(req.params['email'] ?? ''));
      return c ? fn(req, store, c) : bad('no such contact', 404);
    });
  const body = (req: SimRequest): Record<string, unknown> => {
    const v = json(req);
    return isObject(v) ? v : {};
  };

  router.get('/__sim/stores', () =>
    ok(deps.stores.map((s) => ({ id: s.id, name: s.name, currency: s.currency }))),
  );
  router.get(
    '/__sim/contacts',
    on((_req, s) =>
      ok([...s.contacts.values()].map((c) => ({ ...s.contactRead(c), pendingOptIn: !!c.pendingOptIn }))),
    ),
  );
  router.get(
    '/__sim/contacts/:email',
    withContact((_req, s, c) => ok({ ...s.contactRead(c), pendingOptIn: !!c.pendingOptIn })),
  );
  router.post(
    '/__sim/contacts',
    on((req, s) => {
      const { _email: email, ...data } = body(req);
      if (!isEmail(email)) return bad('_email must be an email address');
      const t = deps.now();
      const c = s.contacts.get(emailKey(email)) ?? {
        id: newId(),
        email: emailKey(email),
        createdAt: t,
        updatedAt: t,
        data: {},
      };
      Object.assign(c.data, data);
      s.contacts.set(c.email, c);
      return { status: 201, body: s.contactRead(c) };
    }),
  );
  router.delete(
    '/__sim/contacts/:email',
    withContact((_req, s, c) => (eraseContact(s, c.email), { status: 204 })),
  );
  router.post(
    '/__sim/contacts/:email/unsubscribe',
    withContact((req, s, c) => {
      const b = body(req);
      const t = deps.now();
      if (b['channel'] === 'sms') {
        c.data['_smsSubscriptionStatus'] = 'unsubscribed';
        c.updatedAt = t;
        s.activities.push({ type: 'sms-unsubscribed', email: c.email, at: t });
      } else setNewsletter(s, c, 'unsubscribed', t, typeof b['ip'] === 'string' ? b['ip'] : undefined);
      return ok(s.contactRead(c));
    }),
  );
  router.post(
    '/__sim/contacts/:email/consent',
    withContact((req, s, c) => {
      const b = body(req);
      const p: string[] = [];
      const subs = ['subscribed', 'unsubscribed', 'none'];
      checkEnum(p, '_newsletterSubscriptionStatus', b['_newsletterSubscriptionStatus'], subs);
      checkEnum(p, '_smsSubscriptionStatus', b['_smsSubscriptionStatus'], subs);
      checkEnum(p, '_emailStatus', b['_emailStatus'], ['active', 'bounced', 'paused', 'banned']);
      checkEnum(p, '_mobilePhoneStatus', b['_mobilePhoneStatus'], ['active', 'bounced', 'paused']);
      for (const k of Object.keys(b)) if (!k.endsWith('Status')) p.push(`${k} is not a consent field`);
      if (p.length) return bad(p.join('; '));
      const t = deps.now();
      for (const [k, v] of Object.entries(b)) if (k !== '_newsletterSubscriptionStatus') c.data[k] = v;
      const news = b['_newsletterSubscriptionStatus'];
      if (typeof news === 'string') setNewsletter(s, c, news, t);
      if (b['_emailStatus'] === 'bounced') c.data['_emailLastBouncedDate'] = new Date(t).toISOString();
      c.updatedAt = t;
      return ok(s.contactRead(c));
    }),
  );
  router.post(
    '/__sim/contacts/:email/confirm-opt-in',
    withContact((_req, s, c) => {
      if (!c.pendingOptIn) return bad('this contact has no pending double opt-in', 409);
      setNewsletter(s, c, 'subscribed', deps.now());
      return ok(s.contactRead(c));
    }),
  );
  router.get(
    '/__sim/products',
    on((_req, s) => ok([...s.products.values()].map((p) => s.productRead(p)))),
  );
  router.get(
    '/__sim/purchases',
    on((_req, s) =>
      ok(s.purchases.map((p) => ({ ...s.purchaseRead(p), triggerPurchaseEvent: p.triggerPurchaseEvent }))),
    ),
  );
  router.get(
    '/__sim/custom-events',
    on((_req, s) => ok(s.customEvents)),
  );
  router.get(
    '/__sim/activities',
    on((_req, s) => ok(s.activities)),
  );
  router.get(
    '/__sim/coupons',
    on((_req, s) => ok(Object.fromEntries([...s.coupons].map(([k, v]) => [k, [...v]])))),
  );
  router.get(
    '/__sim/jobs',
    on((_req, s) => {
      deps.runner.advance(s.jobs);
      return ok(s.jobs.map(({ complete: _c, ...j }) => j));
    }),
  );
  router.post(
    '/__sim/jobs/:id/:action',
    on((req, s) => {
      deps.runner.advance(s.jobs);
      const job = s.jobs.find((j) => j.id === req.params['id']);
      if (!job) return bad('no such job', 404);
      const action = req.params['action'];
      const r = deps.runner;
      const done =
        action === 'start'
          ? r.start(job)
          : action === 'finish'
            ? r.finish(job)
            : action === 'fail'
              ? r.fail(job)
              : action === 'cancel'
                ? r.cancel(job)
                : undefined;
      if (done === undefined) return bad('action must be start, finish, fail or cancel', 404);
      if (!done) return bad(`job is ${job.status}`, 409);
      return ok({ id: job.id, status: job.status });
    }),
  );
  router.get(
    '/__sim/custom-fields',
    on((_req, s) => ok(s.customFields)),
  );
  router.put(
    '/__sim/custom-fields',
    on((req, s) => {
      const defs = json(req);
      if (!Array.isArray(defs) || !defs.every(isFieldDef))
        return bad('expected an array of {id, type, name?, options?}');
      s.customFields = defs;
      return ok(s.customFields);
    }),
  );
  router.put(
    '/__sim/custom-event-types',
    on((req, s) => {
      const types = json(req);
      if (!Array.isArray(types)) return bad('expected an array of {alias, fields}');
      s.customEventTypes = types as StoreState['customEventTypes'];
      return ok(s.customEventTypes);
    }),
  );
  router.put(
    '/__sim/authorized-domains',
    on((req, s) => {
      const domains = json(req);
      if (!Array.isArray(domains) || domains.some((d) => typeof d !== 'string'))
        return bad('expected an array of strings');
      s.authorizedDomains = domains as string[];
      return ok(s.authorizedDomains);
    }),
  );
  router.put(
    '/__sim/account',
    on((req, s) => {
      const b = body(req);
      if (typeof b['blocked'] === 'boolean') s.blocked = b['blocked'];
      return ok({ id: s.id, blocked: s.blocked });
    }),
  );
  router.put(
    '/__sim/keys/:id',
    on((req, s) => {
      const key = s.keys.get(req.params['id'] ?? '');
      if (!key) return bad('no such key', 404);
      const scopes = body(req)['scopes'];
      if (!Array.isArray(scopes) || scopes.some((x) => !allScopes.includes(x as Scope)))
        return bad(`scopes must be an array among ${allScopes.join(', ')}`);
      key.scopes = new Set(scopes as Scope[]);
      return ok({ id: key.id, scopes: [...key.scopes] });
    }),
  );
  router.post('/__sim/rate-limit', (req) => {
    const b = body(req);
    if (typeof b['keyId'] !== 'string') return bad('keyId is required');
    const l = deps.gate.limiter(b['keyId']);
    if (typeof b['consume'] === 'number') l.consume(b['consume']);
    if (b['reset'] === true) l.reset();
    return ok(l.state());
  });
}

/** Control calls may come without a JSON content type (curl, fetch with a string body). */
function json(req: SimRequest): unknown {
  if (req.body !== undefined) return req.body;
  try {
    return req.rawBody.length ? (JSON.parse(req.rawBody.toString('utf8')) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

function isFieldDef(v: unknown): v is FieldDef {
  return isObject(v) && typeof v['id'] === 'string' && fieldTypes.includes(v['type'] as FieldDef['type']);
}

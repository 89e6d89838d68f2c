// Runs in: Node (simulators). Owns: the Customer and GDPR API routes under /data/v2 (attributes, export-one,
// export, events, anonymize, anonymize_bulk, consent categories).
import type { Router, SimResponse } from '../kit/index.js';
import { can, type Principal } from './auth.js';
import { consentAttribute, consentOf } from './consent.js';
import { api, type Ctx } from './context.js';
import { authError, customerNotFound, isPlainObject, ok } from './errors.js';
import { exportAll } from './export.js';
import { LIMITS, type Permission } from './options.js';
import type { Customer } from './store.js';
import { checkCustomerIds } from './validate.js';

const bad = (error: string): SimResponse => authError(400, error);

/** Reads resolve ids with the same transformations as writes; unknown ids are a 404. */
function findCustomer(ctx: Ctx, raw: unknown): Customer | SimResponse {
  const ids = checkCustomerIds(raw, ctx.opts.idTypes);
  if (!ids.ok) return bad(ids.error);
  return ctx.store.find(ids.value) ?? customerNotFound();
}

const isCustomer = (x: Customer | SimResponse): x is Customer => 'internalId' in x;

export function publicIds(c: Customer): Record<string, string | string[]> {
  return { ...c.hard, ...Object.fromEntries(Object.entries(c.soft).filter(([, v]) => v.length > 0)) };
}

export function propertyValues(c: Customer): Record<string, unknown> {
  return Object.fromEntries(Object.entries(c.properties).map(([k, v]) => [k, v.value]));
}

function attribute(ctx: Ctx, p: Principal, c: Customer, a: unknown): Record<string, unknown> {
  const denied = { success: false, error: 'No permission' };
  if (!isPlainObject(a)) return { success: false, error: 'Invalid attribute' };
  const need = (perm: Permission) => can(p, perm);
  switch (a['type']) {
    case 'property':
      if (!need('customers.get')) return denied;
      return { success: true, value: c.properties[String(a['property'])]?.value ?? null };
    case 'id': {
      if (!need('customers.get')) return denied;
      const id = String(a['id']);
      return { success: true, value: c.hard[id] ?? c.soft[id]?.at(-1) ?? null };
    }
    case 'consent': {
      if (!need('events.get:consent')) return denied;
      const state = consentOf(ctx.store.eventsOf(c), String(a['category']), ctx.opts.now() / 1000);
      const value = consentAttribute(state, a['mode']);
      return value === undefined
        ? { success: false, error: 'Invalid consent mode' }
        : { success: true, value };
    }
    default:
      return { success: false, error: `Attribute type '${String(a['type'])}' is not simulated` };
  }
}

export function addDataRoutes(router: Router, ctx: Ctx): void {
  const base = '/data/v2/projects/:token';

  router.get(
    `${base}/consent/categories`,
    api(ctx, 'public', () => ({
      status: 200,
      body: {
        results: ctx.opts.consentCategories.map((c) => ({
          id: c.id,
          legitimate_interest: c.legitimateInterest ?? false,
          sources: {
            crm: true,
            import: true,
            list_unsubscribe: true,
            page: true,
            private_api: true,
            public_api: false,
            scenario: true,
            sms_reply: true,
          },
          translations: { '': { name: c.name, description: null } },
        })),
        success: true,
      },
    })),
  );

  router.post(
    `${base}/customers/attributes`,
    api(ctx, 'private', (req, p) => {
      const body = isPlainObject(req.body) ? req.body : {};
      if (!Array.isArray(body['attributes']) || body['attributes'].length === 0)
        return bad('No attributes specified');
      const c = findCustomer(ctx, body['customer_ids']);
      if (!isCustomer(c)) return c;
      return ok({ results: body['attributes'].map((a) => attribute(ctx, p, c, a)) });
    }),
  );

  router.post(
    `${base}/customers/export-one`,
    api(ctx, 'private', (req, p) => {
      if (!can(p, 'gdpr.export')) return authError(403, 'No permission to export customer');
      const c = findCustomer(ctx, isPlainObject(req.body) ? req.body['customer_ids'] : undefined);
      if (!isCustomer(c)) return c;
      const events = ctx.store
        .eventsOf(c)
        .sort((a, b) => a.timestamp - b.timestamp || a.seq - b.seq)
        .map((e) => ({ type: e.type, timestamp: e.timestamp, properties: e.properties }));
      return ok({ ids: publicIds(c), properties: propertyValues(c), events });
    }),
  );

  router.post(
    `${base}/customers/export`,
    api(ctx, 'private', (req, p) => {
      if (!can(p, 'gdpr.export')) return authError(403, 'No permission to export customers');
      return exportAll(ctx, isPlainObject(req.body) ? req.body : {});
    }),
  );

  router.post(
    `${base}/customers/events`,
    api(ctx, 'private', (req, p) => {
      const body = isPlainObject(req.body) ? req.body : {};
      const types = body['event_types'];
      if (!Array.isArray(types) || types.length === 0 || !types.every((t) => typeof t === 'string')) {
        return bad('event_types must be a non-empty list of event types');
      }
      const denied = types.find((t) => !can(p, `events.get:${t}`));
      if (denied) return authError(403, `No permission to get events of type '${denied}'`);
      const c = findCustomer(ctx, body['customer_ids']);
      if (!isCustomer(c)) return c;
      const order = body['order'] === 'desc' ? -1 : 1;
      const skip = typeof body['skip'] === 'number' ? Math.max(0, body['skip']) : 0;
      const limit = typeof body['limit'] === 'number' ? Math.max(0, body['limit']) : Infinity;
      const data = ctx.store
        .eventsOf(c)
        .filter((e) => types.includes(e.type))
        .sort((a, b) => order * (a.timestamp - b.timestamp || a.seq - b.seq))
        .slice(skip, skip + limit)
        .map((e) => ({ type: e.type, timestamp: e.timestamp, properties: e.properties }));
      return ok({ data });
    }),
  );

  router.post(
    `${base}/customers/anonymize`,
    api(ctx, 'private', (req, p) => {
      if (!can(p, 'gdpr.anonymize')) return authError(403, 'No permission to anonymize customer');
      const c = findCustomer(ctx, isPlainObject(req.body) ? req.body['customer_ids'] : undefined);
      if (!isCustomer(c)) return c;
      ctx.queue.enqueue(() => ctx.store.anonymize(c, ctx.opts.piiProperties));
      return ok();
    }),
  );

  router.post(
    `${base}/customers/anonymize_bulk`,
    api(ctx, 'private', (req, p) => {
      if (!can(p, 'gdpr.anonymize')) return authError(403, 'No permission to anonymize customer');
      const customers = isPlainObject(req.body) ? req.body['customers'] : undefined;
      if (!Array.isArray(customers) || customers.length === 0) return bad('No customers specified');
      if (customers.length > LIMITS.anonymizeBulk) {
        return bad(`Too many customers. At most ${LIMITS.anonymizeBulk} customers per request.`);
      }
      const badEntry = customers.findIndex(
        (e) =>
          !isPlainObject(e) || (!isPlainObject(e['customer_ids']) && typeof e['internal_id'] !== 'string'),
      );
      if (badEntry >= 0) return bad(`customers[${badEntry}] needs customer_ids or internal_id`);
      return ok({ bulk_id: ctx.jobs.create(customers).bulkId });
    }),
  );
}

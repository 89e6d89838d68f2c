// Runs in: Node (simulators). Owns: the Bloomreach-specific /__sim/ routes: inspect state, and act as the
// project's users and customers would (opt out, change consent, confirm a double opt-in, finish a job, rotate a key).
import type { Router, SimRequest, SimResponse } from '../kit/index.js';
import { consentOf } from './consent.js';
import type { Ctx } from './context.js';
import { isPlainObject } from './errors.js';
import { propertyValues, publicIds } from './data.js';
import type { Customer } from './store.js';
import { checkCustomerIds } from './validate.js';

const problem = (status: number, error: string): SimResponse => ({ status, body: { error } });

export function describeCustomer(ctx: Ctx, c: Customer): Record<string, unknown> {
  const events = ctx.store.eventsOf(c);
  const nowSec = ctx.opts.now() / 1000;
  return {
    internal_id: c.internalId,
    ids: publicIds(c),
    properties: propertyValues(c),
    consents: Object.fromEntries(
      ctx.opts.consentCategories.map((cat) => [cat.id, consentOf(events, cat.id, nowSec)]),
    ),
    events: events.length,
    created_at: c.createdAt,
    anonymized_at: c.anonymizedAt ?? null,
  };
}

function target(ctx: Ctx, req: SimRequest): Customer | SimResponse {
  ctx.queue.drain();
  const body = isPlainObject(req.body) ? req.body : {};
  const ids = checkCustomerIds(body['customer_ids'], ctx.opts.idTypes);
  if (!ids.ok) return problem(400, ids.error);
  return ctx.store.find(ids.value) ?? problem(404, 'Customer does not exist');
}

const isCustomer = (x: Customer | SimResponse): x is Customer => 'internalId' in x;

/** Platform-side changes are applied at once: they do not go through the API's write queue. */
function trackConsent(ctx: Ctx, c: Customer, props: Record<string, unknown>): void {
  ctx.store.addEvent(c, 'consent', ctx.opts.now() / 1000, props);
}

export function addSimRoutes(router: Router, ctx: Ctx): void {
  const view = (fn: (req: SimRequest) => unknown) => (req: SimRequest) => {
    ctx.queue.drain();
    ctx.jobs.tick();
    return { status: 200, body: fn(req) };
  };
  router.get(
    '/__sim/customers',
    view(() =>
      [...ctx.store.customers.values()].sort((a, b) => a.seq - b.seq).map((c) => describeCustomer(ctx, c)),
    ),
  );
  router.post('/__sim/customers/find', (req) => {
    const c = target(ctx, req);
    return isCustomer(c) ? { status: 200, body: describeCustomer(ctx, c) } : c;
  });
  router.get(
    '/__sim/events',
    view((req) =>
      ctx.store.events.filter(
        (e) =>
          (!req.query.get('type') || e.type === req.query.get('type')) &&
          (!req.query.get('customer') || e.customerId === req.query.get('customer')),
      ),
    ),
  );
  router.get(
    '/__sim/conflicts',
    view(() => ctx.store.conflicts),
  );
  router.get(
    '/__sim/catalogs',
    view(() =>
      [...ctx.catalogs.catalogs.values()].map((c) => ({ ...c, items: Object.fromEntries(c.items) })),
    ),
  );
  router.get(
    '/__sim/jobs',
    view(() => [...ctx.jobs.all.values()]),
  );
  router.post('/__sim/jobs/:bulkId/finish', (req) => {
    const job = ctx.jobs.finish(req.params['bulkId'] ?? '');
    return job ? { status: 200, body: job } : problem(409, 'No pending job with this bulk_id');
  });
  router.post('/__sim/jobs/:bulkId/fail', (req) => {
    const error =
      isPlainObject(req.body) && typeof req.body['error'] === 'string' ? req.body['error'] : 'Failed';
    const job = ctx.jobs.fail(req.params['bulkId'] ?? '', error);
    return job ? { status: 200, body: job } : problem(409, 'No pending job with this bulk_id');
  });
  router.post('/__sim/queue/flush', () => ({ status: 200, body: { applied: ctx.queue.drain(true) } }));

  router.post('/__sim/consent', (req) => {
    const c = target(ctx, req);
    if (!isCustomer(c)) return c;
    const body = req.body as Record<string, unknown>;
    const props: Record<string, unknown> = {
      action: body['action'] ?? 'accept',
      category: body['category'],
      source: body['source'] ?? 'crm',
    };
    if (props['action'] === 'accept') props['valid_until'] = body['valid_until'] ?? 'unlimited';
    if (typeof body['message'] === 'string') props['message'] = body['message'];
    trackConsent(ctx, c, props);
    return { status: 200, body: describeCustomer(ctx, c) };
  });
  router.post('/__sim/unsubscribe', (req) => {
    const c = target(ctx, req);
    if (!isCustomer(c)) return c;
    const category = (req.body as Record<string, unknown>)['category'];
    const categories =
      typeof category === 'string' ? [category] : ctx.opts.consentCategories.map((x) => x.id);
    for (const cat of categories) {
      trackConsent(ctx, c, { action: 'reject', category: cat, source: 'list_unsubscribe' });
    }
    return { status: 200, body: describeCustomer(ctx, c) };
  });
  router.post('/__sim/double-opt-in/complete', (req) => {
    const c = target(ctx, req);
    if (!isCustomer(c)) return c;
    const category = (req.body as Record<string, unknown>)['category'];
    const last = ctx.store
      .eventsOf(c)
      .filter(
        (e) =>
          e.type === 'double_opt_in' && (category === undefined || e.properties['category'] === category),
      )
      .at(-1);
    if (!last || last.properties['action'] === 'confirmed') return problem(409, 'No pending double opt-in');
    const cat = last.properties['category'] ?? category;
    ctx.store.addEvent(c, 'double_opt_in', ctx.opts.now() / 1000, { action: 'confirmed', category: cat });
    trackConsent(ctx, c, { action: 'accept', category: cat, valid_until: 'unlimited', source: 'scenario' });
    return { status: 200, body: describeCustomer(ctx, c) };
  });

  router.post('/__sim/keys/:keyId/rotate', (req) => {
    const secret = ctx.auth.rotate(req.params['keyId'] ?? '');
    return secret ? { status: 200, body: { secret } } : problem(404, 'No such key');
  });
  router.post('/__sim/keys/:keyId/revoke', (req) =>
    ctx.auth.revoke(req.params['keyId'] ?? '') ? { status: 204 } : problem(404, 'No such key'),
  );
  router.post('/__sim/rate-limit', (req) => {
    const body = isPlainObject(req.body) ? req.body : {};
    if (typeof body['limited'] === 'boolean') ctx.forceRateLimited = body['limited'];
    if (body['reset'] === true) ctx.limiters.clear();
    return { status: 200, body: { limited: ctx.forceRateLimited, rejected: ctx.rejectedByRateLimit } };
  });
}

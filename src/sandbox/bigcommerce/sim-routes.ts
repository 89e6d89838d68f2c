// Runs in: Node (simulators). Owns: the BigCommerce-specific /__sim/ control routes: per-store counts and
// quota, direct record writes (which fire webhooks like real changes), activity steps and cart inspection.
import { randomUUID } from 'node:crypto';
import type { Router, SimRequest, SimResponse } from '../kit/index.js';
import type { ShopperActivity } from './activity.js';
import { renderCustomer, renderSubscriber } from './render/customers.js';
import { renderOrder } from './render/orders.js';
import { customerFromInput, customerPatch } from './routes/customer-input.js';
import { buildOrder } from './routes/order-input.js';
import { QueryError } from './query.js';
import type { StoreState } from './store.js';
import type { Subscriber } from './types.js';
import type { WebhookDispatcher } from './webhooks.js';

export interface SimStoreHandle {
  state: StoreState;
  webhooks: WebhookDispatcher;
  activity: ShopperActivity;
}

type H = (h: SimStoreHandle, req: SimRequest) => SimResponse;

export function simRoutes(router: Router, stores: Map<string, SimStoreHandle>): void {
  const on = (method: string, path: string, fn: H) =>
    router.add(method, `/__sim/stores/:hash${path}`, (req) => {
      const h = stores.get(req.params['hash'] ?? '');
      if (!h) return { status: 404, body: { error: `no simulated store ${req.params['hash'] ?? ''}` } };
      try {
        return fn(h, req);
      } catch (e) {
        if (e instanceof QueryError) return { status: 400, body: { error: e.message, errors: e.errors } };
        throw e;
      }
    });
  // Control calls may come without a JSON content type (fetch sends text/plain for a string body).
  const body = (req: SimRequest): Record<string, unknown> => {
    if (req.body !== undefined) return req.body as Record<string, unknown>;
    if (req.rawBody.length === 0) return {};
    try {
      return JSON.parse(req.rawBody.toString('utf8')) as Record<string, unknown>;
    } catch {
      throw new QueryError(400, 'The control body must be JSON.');
    }
  };
  const id = (req: SimRequest) => Number(req.params['id']);

  router.get('/__sim/stores', () => ({
    status: 200,
    body: [...stores.values()].map((h) => ({ hash: h.state.hash, counts: h.state.counts() })),
  }));
  on('GET', '', ({ state }) => ({
    status: 200,
    body: { hash: state.hash, counts: state.counts(), quota: state.limiter.state() },
  }));

  on('GET', '/quota', ({ state }) => ({ status: 200, body: state.limiter.state() }));
  // The store's own country, as a merchant would change it under Settings > Store profile.
  on('PUT', '/store-profile', ({ state }, req) => {
    const code = String(body(req)['country_code'] ?? '').toUpperCase();
    if (!/^[A-Z]{2}$/.test(code)) throw new QueryError(400, 'country_code must be two letters, e.g. "GB".');
    state.countryCode = code;
    return { status: 200, body: { country_code: code } };
  });
  // Another app on the same store spends the shared quota.
  on('POST', '/quota/consume', ({ state }, req) => {
    const units = Number(body(req)['units'] ?? 1);
    if (!Number.isInteger(units) || units < 0)
      return { status: 400, body: { error: 'units must be a non-negative integer' } };
    state.limiter.consume(units);
    return { status: 200, body: state.limiter.state() };
  });
  on(
    'POST',
    '/quota/reset',
    ({ state }) => (state.limiter.reset(), { status: 200, body: state.limiter.state() }),
  );

  on('POST', '/customers', ({ state }, req) => {
    const c = customerFromInput(body(req), state.customers.nextId(), state.stamp(), 'customer');
    if (state.customerByEmail(c.email)) return { status: 409, body: { error: `email ${c.email} is taken` } };
    return { status: 201, body: renderCustomer(state.putCustomer(c, 'created'), new Set(['addresses'])) };
  });
  on('PUT', '/customers/:id', ({ state }, req) => {
    const prev = state.customers.get(id(req));
    if (!prev) return { status: 404, body: { error: 'no such customer' } };
    return {
      status: 200,
      body: renderCustomer(
        state.putCustomer(customerPatch(prev, body(req), state.stamp(), 'customer'), 'updated'),
        new Set(),
      ),
    };
  });
  on('DELETE', '/customers/:id', ({ state }, req) =>
    state.deleteCustomer(id(req)) ? { status: 204 } : { status: 404, body: { error: 'no such customer' } },
  );

  on('POST', '/subscribers', ({ state }, req) => {
    const b = body(req);
    const now = state.stamp();
    if (typeof b['email'] !== 'string') return { status: 400, body: { error: 'email is required' } };
    const s: Subscriber = {
      id: state.subscribers.nextId(),
      email: b['email'],
      first_name: String(b['first_name'] ?? ''),
      last_name: String(b['last_name'] ?? ''),
      source: 'custom',
      order_id: null,
      channel_id: 1,
      consents: (b['consents'] as Subscriber['consents'] | undefined) ?? ['marketing_newsletter'],
      date_created: now,
      date_modified: now,
    };
    return { status: 201, body: renderSubscriber(state.putSubscriber(s, 'created')) };
  });
  on('DELETE', '/subscribers/:id', ({ state }, req) =>
    state.deleteSubscriber(id(req))
      ? { status: 204 }
      : { status: 404, body: { error: 'no such subscriber' } },
  );

  on('POST', '/orders', ({ state }, req) => {
    const b = body(req);
    const o = buildOrder(state, {
      customerId: Number(b['customer_id'] ?? 0),
      statusId: Number(b['status_id'] ?? 11),
      billing: (b['billing_address'] as object | undefined) ?? {
        email: 'guest@example.net',
        first_name: 'Guest',
        last_name: 'Shopper',
      },
      lines: (
        (b['products'] as Array<{ product_id: number; quantity?: number }> | undefined) ?? [{ product_id: 1 }]
      ).map((p) => ({ productId: p.product_id, quantity: p.quantity ?? 1 })),
    });
    if (typeof o === 'string') return { status: 400, body: { error: o } };
    return { status: 201, body: renderOrder(state.putOrder(o, 'created'), state.hash, false) };
  });
  on('PUT', '/orders/:id', ({ state }, req) => {
    const o = state.orders.get(id(req));
    if (!o) return { status: 404, body: { error: 'no such order' } };
    const status = body(req)['status_id'];
    const next = {
      ...o,
      date_modified: state.stamp(),
      ...(typeof status === 'number' ? { status_id: status } : {}),
    };
    return { status: 200, body: renderOrder(state.putOrder(next, 'updated'), state.hash, false) };
  });

  on('POST', '/activity/step', ({ activity }, req) => {
    const steps = Number(body(req)['steps'] ?? 1);
    if (!Number.isInteger(steps) || steps < 0 || steps > 100_000)
      return { status: 400, body: { error: 'steps must be an integer from 0 to 100000' } };
    return { status: 200, body: { events: activity.step(steps) } };
  });
  on('POST', '/activity/abandon', ({ activity }) => ({
    status: 200,
    body: { events: activity.abandonIdleCarts() },
  }));
  on('GET', '/carts', ({ state }) => ({ status: 200, body: [...state.carts.values()] }));
  // A shopper's cart on demand (with an email, unlike the random driver's guests), and its abandonment.
  on('POST', '/carts', ({ state }, req) => {
    const b = body(req);
    const cartId = randomUUID();
    const lines = (
      (b['products'] as Array<{ product_id: number; quantity?: number }> | undefined) ?? [{ product_id: 1 }]
    ).map((p) => {
      const product = state.products.get(p.product_id);
      if (!product) throw new QueryError(400, `no product ${p.product_id}`);
      return {
        product_id: product.id,
        variant_id: product.variants[0]!.id,
        quantity: p.quantity ?? 1,
        price: product.price,
        name: product.name,
      };
    });
    const now = state.now();
    const cart = state.putCart(
      {
        id: cartId,
        customer_id: Number(b['customer_id'] ?? 0),
        channel_id: 1,
        email: typeof b['email'] === 'string' ? b['email'] : '',
        currency: 'USD',
        lines,
        created: now,
        updated: now,
        state: 'active',
        cart_url: `https://${state.hash}.example-store.com/cart.php?action=load&id=${cartId}&token=${randomUUID().slice(0, 8)}`,
      },
      'created',
    );
    return { status: 201, body: cart };
  });
  on('POST', '/carts/:id/abandon', ({ state }, req) => {
    const cart = state.carts.get(req.params['id'] ?? '');
    if (!cart) return { status: 404, body: { error: 'no such cart' } };
    return { status: 200, body: state.putCart({ ...cart, state: 'abandoned' }, 'abandoned') };
  });
  on('POST', '/carts/:id/convert', ({ state }, req) => {
    const cart = state.carts.get(req.params['id'] ?? '');
    if (!cart) return { status: 404, body: { error: 'no such cart' } };
    return {
      status: 200,
      body: state.putCart({ ...cart, state: 'converted', updated: state.now() }, 'converted'),
    };
  });
  on('GET', '/webhooks/deliveries', ({ webhooks }) => ({ status: 200, body: webhooks.deliveries }));
  // What BigCommerce does after a hook's retries run out (or 90 days without events), without waiting for it.
  on('POST', '/webhooks/:id/deactivate', ({ state }, req) => {
    const h = state.hooks.get(id(req));
    if (!h) return { status: 404, body: { error: 'no such hook' } };
    state.hooks.put({ ...h, is_active: false, date_modified: state.now() });
    return { status: 200, body: { id: h.id, is_active: false } };
  });
}

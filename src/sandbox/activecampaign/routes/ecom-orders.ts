// Runs in: Node (simulators). Owns: /ecomOrders and their products: orders, abandoned carts, recovery, duplicates kept.
import {
  created,
  deleted,
  fieldError,
  filter,
  idParam,
  notFound,
  ok,
  paginate,
  sortBy,
  unprocessable,
  wrapped,
  type AcRouter,
  type Ctx,
} from '../http.js';
import { readOrder, type OrderInput } from '../order-input.js';
import { connectionRecord, discountRecord, orderRecord, productRecord } from '../serialize-ecom.js';
import type { AutomationEvent, EcomOrder } from '../store.js';

function replaceLines(ctx: Ctx, o: EcomOrder, input: OrderInput): void {
  const t = ctx.now();
  if (input.lines) {
    for (const id of o.products) ctx.store.ecomOrderProducts.delete(id);
    o.products = input.lines.map((l) => {
      const id = ctx.store.nextId('ecomOrderProduct');
      ctx.store.ecomOrderProducts.set(id, {
        id,
        orderid: o.id,
        connectionid: o.connectionid,
        ...l,
        createdDate: t,
        updatedDate: t,
      });
      return id;
    });
  }
  if (input.discounts) {
    for (const id of o.discounts) ctx.store.ecomOrderDiscounts.delete(id);
    o.discounts = input.discounts.map((d) => {
      const id = ctx.store.nextId('ecomOrderDiscount');
      ctx.store.ecomOrderDiscounts.set(id, { id, orderid: o.id, ...d, createdDate: t, updatedDate: t });
      return id;
    });
  }
}

/** Only real-time (source 1) records reach automations, the dashboard and revenue attribution. */
function fire(ctx: Ctx, o: EcomOrder, kind: AutomationEvent['kind']): void {
  if (o.source !== 1) return;
  ctx.store.automationEvents.push({
    at: ctx.now(),
    kind,
    orderId: o.id,
    email: o.email,
    connectionid: o.connectionid,
  });
}

function assign(o: EcomOrder, input: OrderInput): void {
  const { lines: _l, discounts: _d, ...scalars } = input;
  for (const [k, v] of Object.entries(scalars))
    if (v !== undefined) (o as unknown as Record<string, unknown>)[k] = v;
}

export function ecomOrderRoutes(r: AcRouter): void {
  r.add('POST', '/ecomOrders', (req) => {
    const ctx = req.ctx;
    const body = wrapped(req, 'ecomOrder');
    if (!body)
      return unprocessable([fieldError('ecomOrder', 'field_missing', 'The ecomOrder object is missing')]);
    const { input, errors } = readOrder(ctx, body, true);
    if (errors.length > 0) return unprocessable(errors);
    const t = ctx.now();
    // Nothing rejects a second order with the same externalid: it is stored again, as the API does.
    const o: EcomOrder = {
      id: ctx.store.nextId('ecomOrder'),
      externalid: null,
      externalcheckoutid: null,
      source: 0,
      email: '',
      totalPrice: 0,
      shippingAmount: 0,
      taxAmount: 0,
      discountAmount: 0,
      currency: '',
      connectionid: 0,
      customerid: 0,
      orderUrl: '',
      shippingMethod: '',
      orderNumber: '',
      externalCreatedDate: '',
      externalUpdatedDate: null,
      abandonedDate: null,
      state: input.externalid ? 1 : 2,
      products: [],
      discounts: [],
      createdDate: t,
      updatedDate: t,
    };
    assign(o, input);
    replaceLines(ctx, o, input);
    ctx.store.ecomOrders.set(o.id, o);
    const customer = ctx.store.ecomCustomers.get(o.customerid);
    if (customer) customer.tstamp = t;
    fire(ctx, o, o.state === 1 ? 'makes_a_purchase' : 'abandoned_cart');
    const conn = ctx.store.connections.get(o.connectionid);
    return created({
      connections: conn ? [connectionRecord(ctx, conn)] : [],
      ecomOrderProducts: o.products.map((id) =>
        productRecord(ctx, ctx.store.ecomOrderProducts.get(id)!, true),
      ),
      ecomOrderDiscounts: o.discounts.map((id) => discountRecord(ctx, ctx.store.ecomOrderDiscounts.get(id)!)),
      ecomOrder: orderRecord(ctx, o, 'post'),
    });
  });

  r.add('PUT', '/ecomOrders/:id', (req) => {
    const ctx = req.ctx;
    const o = ctx.store.ecomOrders.get(idParam(req) ?? -1);
    if (!o) return notFound('EcomOrder', req.params['id'] ?? '');
    const { input, errors } = readOrder(ctx, wrapped(req, 'ecomOrder') ?? {}, false);
    if (errors.length > 0) return unprocessable(errors);
    const wasCart = o.state === 2;
    assign(o, input);
    replaceLines(ctx, o, input);
    o.updatedDate = ctx.now();
    // A cart that gets an externalid has been checked out: it is recovered.
    if (wasCart && o.externalid) {
      o.state = 3;
      fire(ctx, o, 'cart_recovered');
    }
    return ok({
      ecomOrderProducts: o.products.map((id) =>
        productRecord(ctx, ctx.store.ecomOrderProducts.get(id)!, false),
      ),
      ecomOrderDiscounts: o.discounts.map((id) => discountRecord(ctx, ctx.store.ecomOrderDiscounts.get(id)!)),
      ecomOrder: orderRecord(ctx, o, 'put'),
    });
  });

  r.add('GET', '/ecomOrders', (req) => {
    const f = (k: string): string | undefined => filter(req, k);
    const email = f('email')?.toLowerCase();
    const all = [...req.ctx.store.ecomOrders.values()].filter(
      (o) =>
        (!f('connectionid') || String(o.connectionid) === f('connectionid')) &&
        (!f('externalid') || o.externalid === f('externalid')) &&
        (!f('externalcheckoutid') || o.externalcheckoutid === f('externalcheckoutid')) &&
        (!email || o.email.toLowerCase() === email) &&
        (!f('state') || String(o.state) === f('state')) &&
        (!f('customerid') || String(o.customerid) === f('customerid')) &&
        (!f('external_created_date') || o.externalCreatedDate.startsWith(f('external_created_date')!)),
    );
    const sorted = sortBy(req, all, {
      connectionid: (o) => o.connectionid,
      externalid: (o) => o.externalid ?? '',
      externalcheckoutid: (o) => o.externalcheckoutid ?? '',
      email: (o) => o.email,
      state: (o) => o.state,
      customerid: (o) => o.customerid,
      external_created_date: (o) => Date.parse(o.externalCreatedDate),
    });
    const page = paginate(req, sorted);
    return ok({ ecomOrders: page.items.map((o) => orderRecord(req.ctx, o, 'post')), meta: page.meta });
  });

  r.add('GET', '/ecomOrders/:id', (req) => {
    const o = req.ctx.store.ecomOrders.get(idParam(req) ?? -1);
    return o
      ? ok({ ecomOrder: orderRecord(req.ctx, o, 'get') })
      : notFound('EcomOrder', req.params['id'] ?? '');
  });

  r.add('DELETE', '/ecomOrders/:id', (req) => {
    const store = req.ctx.store;
    const o = store.ecomOrders.get(idParam(req) ?? -1);
    if (!o) return notFound('EcomOrder', req.params['id'] ?? '');
    for (const id of o.products) store.ecomOrderProducts.delete(id);
    for (const id of o.discounts) store.ecomOrderDiscounts.delete(id);
    store.ecomOrders.delete(o.id);
    return deleted();
  });

  r.add('GET', '/ecomOrders/:id/orderProducts', (req) => {
    const o = req.ctx.store.ecomOrders.get(idParam(req) ?? -1);
    if (!o) return notFound('EcomOrder', req.params['id'] ?? '');
    const lines = o.products.map((id) => req.ctx.store.ecomOrderProducts.get(id)!);
    return ok({ ecomOrderProducts: lines.map((p) => productRecord(req.ctx, p, false)) });
  });

  r.add('GET', '/ecomOrderProducts', (req) => {
    const page = paginate(req, [...req.ctx.store.ecomOrderProducts.values()]);
    return ok({
      ecomOrderProducts: page.items.map((p) => productRecord(req.ctx, p, false)),
      meta: page.meta,
    });
  });

  r.add('GET', '/ecomOrderProducts/:id', (req) => {
    const p = req.ctx.store.ecomOrderProducts.get(idParam(req) ?? -1);
    return p
      ? ok({ ecomOrderProduct: productRecord(req.ctx, p, false) })
      : notFound('EcomOrderProduct', req.params['id'] ?? '');
  });
}

// Runs in: Node (simulators). Owns: the JSON shapes of connections, e-commerce customers, orders and their lines.
import type { Ctx } from './http.js';
import type { Connection, EcomCustomer, EcomOrder, EcomOrderDiscount, EcomOrderProduct } from './store.js';

export function connectionRecord(ctx: Ctx, c: Connection): Record<string, unknown> {
  return {
    service: c.service,
    externalid: c.externalid,
    name: c.name,
    isInternal: '0',
    connectionType: 'ecommerce',
    status: String(c.status),
    syncStatus: String(c.syncStatus),
    sync_request_time: null,
    sync_start_time: null,
    lastSync: null,
    logoUrl: c.logoUrl,
    linkUrl: c.linkUrl,
    cdate: ctx.date(c.cdate),
    udate: ctx.date(c.udate),
    credentialExpiration: null,
    links: {
      options: `${ctx.base}/connections/${c.id}/options`,
      customers: `${ctx.base}/connections/${c.id}/customers`,
    },
    id: String(c.id),
    serviceName: c.service,
  };
}

/** Completed and recovered orders count towards a customer's totals; carts do not. */
function aggregates(ctx: Ctx, cu: EcomCustomer): Record<string, string> {
  const orders = [...ctx.store.ecomOrders.values()].filter(
    (o) => o.customerid === cu.id && (o.state === 1 || o.state === 3),
  );
  const revenue = orders.reduce((s, o) => s + o.totalPrice, 0);
  const lines = orders.flatMap((o) =>
    o.products.map((p) => ctx.store.ecomOrderProducts.get(p)!).filter(Boolean),
  );
  const categories = new Map<string, number>();
  for (const l of lines)
    if (l.category) categories.set(l.category, (categories.get(l.category) ?? 0) + l.quantity);
  const top = [...categories.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  return {
    totalRevenue: String(revenue),
    totalOrders: String(orders.length),
    totalProducts: String(lines.reduce((s, l) => s + l.quantity, 0)),
    avgRevenuePerOrder: String(orders.length > 0 ? Math.round(revenue / orders.length) : 0),
    avgProductCategory: top,
  };
}

export function customerRecord(ctx: Ctx, cu: EcomCustomer, withAggregates = true): Record<string, unknown> {
  return {
    connectionid: String(cu.connectionid),
    externalid: cu.externalid,
    email: cu.email,
    ...(withAggregates ? { ...aggregates(ctx, cu), tstamp: ctx.date(cu.tstamp) } : {}),
    acceptsMarketing: cu.acceptsMarketing,
    links: {
      connection: `${ctx.base}/ecomCustomers/${cu.id}/connection`,
      orders: `${ctx.base}/ecomCustomers/${cu.id}/orders`,
    },
    id: String(cu.id),
    connection: String(cu.connectionid),
  };
}

/**
 * The docs type an order's numbers differently per endpoint: the POST answer and the list carry integers,
 * GET /ecomOrders/{id} carries strings, and the PUT answer strings for ids and state but integers for money.
 */
export type OrderShape = 'post' | 'get' | 'put';

export function orderRecord(ctx: Ctx, o: EcomOrder, shape: OrderShape): Record<string, unknown> {
  const money = (n: number): number | string => (shape === 'get' ? String(n) : n);
  const code = (n: number): number | string => (shape === 'post' ? n : String(n));
  const lines = o.products.map((id) => ctx.store.ecomOrderProducts.get(id)).filter((p) => p !== undefined);
  const link = (n: string): string => `${ctx.base}/ecomOrders/${o.id}/${n}`;
  return {
    customerid: String(o.customerid),
    connectionid: String(o.connectionid),
    state: code(o.state),
    source: String(o.source),
    ...(o.externalid !== null ? { externalid: o.externalid } : {}),
    ...(shape === 'get'
      ? { externalcheckoutid: o.externalcheckoutid }
      : o.externalcheckoutid !== null
        ? { externalcheckoutid: o.externalcheckoutid }
        : {}),
    orderNumber: o.orderNumber,
    email: o.email,
    totalPrice: money(o.totalPrice),
    discountAmount: money(o.discountAmount),
    shippingAmount: money(o.shippingAmount),
    taxAmount: money(o.taxAmount),
    totalProducts: money(lines.reduce((s, l) => s + l.quantity, 0)),
    currency: o.currency,
    shippingMethod: o.shippingMethod,
    orderUrl: o.orderUrl,
    externalCreatedDate: o.externalCreatedDate,
    externalUpdatedDate: o.externalUpdatedDate ?? o.externalCreatedDate,
    ...(shape === 'get'
      ? { abandonedDate: o.abandonedDate }
      : o.abandonedDate !== null
        ? { abandonedDate: o.abandonedDate }
        : {}),
    createdDate: ctx.date(o.createdDate),
    updatedDate: ctx.date(o.updatedDate),
    ...(shape === 'get'
      ? {}
      : { orderProducts: o.products.map(String), orderDiscounts: o.discounts.map(String) }),
    orderDate: o.externalCreatedDate,
    tstamp: ctx.date(o.updatedDate),
    links: {
      connection: link('connection'),
      customer: link('customer'),
      orderProducts: link('orderProducts'),
      orderDiscounts: link('orderDiscounts'),
      orderActivities: link('orderActivities'),
    },
    id: String(o.id),
    connection: String(o.connectionid),
    customer: String(o.customerid),
  };
}

/** `short` is the line as echoed by POST /ecomOrders (integers); otherwise the stored record (strings). */
export function productRecord(ctx: Ctx, p: EcomOrderProduct, short: boolean): Record<string, unknown> {
  const base = {
    externalid: p.externalid,
    name: p.name,
    category: p.category,
    sku: p.sku,
    description: p.description,
    imageUrl: p.imageUrl,
    productUrl: p.productUrl,
  };
  if (short) return { ...base, price: p.price, quantity: p.quantity };
  return {
    orderid: String(p.orderid),
    connectionid: String(p.connectionid),
    ...base,
    price: String(p.price),
    quantity: String(p.quantity),
    createdDate: ctx.date(p.createdDate),
    updatedDate: ctx.date(p.updatedDate),
    tstamp: ctx.date(p.updatedDate),
    links: { ecomOrder: `${ctx.base}/ecomOrderProducts/${p.id}/ecomOrder` },
    id: String(p.id),
    ecomOrder: String(p.orderid),
  };
}

export function discountRecord(ctx: Ctx, d: EcomOrderDiscount): Record<string, unknown> {
  return {
    name: d.name,
    type: d.type,
    orderid: String(d.orderid),
    discountAmount: String(d.discountAmount),
    id: String(d.id),
    createdDate: ctx.date(d.createdDate),
    updatedDate: ctx.date(d.updatedDate),
  };
}

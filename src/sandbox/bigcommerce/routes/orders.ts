// Runs in: Node (simulators). Owns: v2 /orders (filters, sort, paging with 204 past the end, inline
// consignment line items), order count, products, shipping addresses, statuses, status change and archive.
import type { SimResponse } from '../../kit/index.js';
import { type Api, type ApiContext } from '../api.js';
import { parseFilterDate } from '../dates.js';
import { NOT_FOUND_V2, v2Error } from '../errors.js';
import { type Range } from '../filters.js';
import { intParam, QueryError, v2List } from '../query.js';
import {
  renderOrder,
  renderOrderProduct,
  renderOrderStatus,
  renderShippingAddress,
} from '../render/orders.js';
import { ORDER_STATUSES } from '../seed/reference.js';
import type { Selection } from '../select.js';
import type { StoreState } from '../store.js';
import type { Order } from '../types.js';
import { createOrder } from './order-input.js';

const SCOPE = 'store_v2_orders';
const SORTS = ['id', 'customer_id', 'date_created', 'date_modified', 'status_id', 'channel_id'];

export function orderRoutes(api: Api): void {
  api.route('GET', '/v2/orders', SCOPE, list);
  api.route('GET', '/v2/orders/count', SCOPE, count);
  api.route('POST', '/v2/orders', SCOPE, (ctx) => createOrder(ctx));
  api.route('GET', '/v2/orders/:id', SCOPE, ({ store, req, q }) => {
    const o = store.orders.get(Number(req.params['id']));
    return o ? { status: 200, body: renderOrder(o, store.hash, withLines(q)) } : v2Error(404, NOT_FOUND_V2);
  });
  api.route('PUT', '/v2/orders/:id', SCOPE, update);
  api.route('DELETE', '/v2/orders/:id', SCOPE, ({ store, req }) =>
    store.orders.get(Number(req.params['id']))
      ? (store.archiveOrder(Number(req.params['id'])), { status: 204 })
      : v2Error(404, NOT_FOUND_V2),
  );
  api.route('GET', '/v2/orders/:id/products', SCOPE, ({ store, req, q }) => {
    const o = store.orders.get(Number(req.params['id']));
    if (!o) return v2Error(404, NOT_FOUND_V2);
    return v2List(
      o.lines.map((_, i) => i),
      q,
      (i) => renderOrderProduct(o, o.lines[i]!),
    );
  });
  api.route('GET', '/v2/orders/:id/shipping_addresses', SCOPE, ({ store, req, q }) => {
    const o = store.orders.get(Number(req.params['id']));
    if (!o) return v2Error(404, NOT_FOUND_V2);
    return v2List([0], q, () => renderShippingAddress(o, store.hash));
  });
  api.route('GET', '/v2/order_statuses', SCOPE, () => ({
    status: 200,
    body: ORDER_STATUSES.map(renderOrderStatus),
  }));
  api.route('GET', '/v2/order_statuses/:id', SCOPE, ({ req }) => {
    const s = ORDER_STATUSES.find(([id]) => id === Number(req.params['id']));
    return s ? { status: 200, body: renderOrderStatus(s) } : v2Error(404, NOT_FOUND_V2);
  });
}

function withLines(q: Map<string, string>): boolean {
  return (q.get('include') ?? '').split(',').includes('consignments.line_items');
}

/** v2 date filters take RFC 2822 or ISO 8601; an unencoded `+` arrives as a space and is rejected. */
function v2Date(q: Map<string, string>, key: string): number | undefined {
  const raw = q.get(key);
  if (raw === undefined) return undefined;
  const ms = /\s\d{4}$|T[\d:.]+\s\d{2}:\d{2}$/.test(raw) ? undefined : parseFilterDate(raw);
  if (ms === undefined) throw new QueryError(400, `The field '${key}' is not valid for this resource.`);
  return ms;
}

function range(q: Map<string, string>, field: string): Range | undefined {
  const min = v2Date(q, `min_${field}`);
  const max = v2Date(q, `max_${field}`);
  if (min === undefined && max === undefined) return undefined;
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

function selection(store: StoreState, q: Map<string, string>): Selection<Order> {
  const num = (k: string) => (q.has(k) ? intParam(q, k, 0, 0) : undefined);
  const minId = num('min_id');
  const maxId = num('max_id');
  const customerId = num('customer_id');
  const statusId = num('status_id');
  const channelId = num('channel_id');
  const email = q.get('email')?.toLowerCase();
  const cartId = q.get('cart_id');
  const created = range(q, 'date_created');
  const modified = range(q, 'date_modified');
  const archived = q.get('is_deleted') === 'true';
  const rawSort = q.get('sort') ?? 'id:asc';
  const [field = 'id', dir = 'asc'] = rawSort.split(':');
  if (!SORTS.includes(field) || (dir !== 'asc' && dir !== 'desc'))
    throw new QueryError(400, `The field 'sort' is not valid for this resource.`);
  const where = (o: Order): boolean =>
    (minId === undefined || o.id >= minId) &&
    (maxId === undefined || o.id <= maxId) &&
    (customerId === undefined || o.customer_id === customerId) &&
    (statusId === undefined || o.status_id === statusId) &&
    (channelId === undefined || o.channel_id === channelId) &&
    (!email || o.billing_address.email.toLowerCase() === email) &&
    (!cartId || o.cart_id === cartId) &&
    (!created ||
      ((created.min === undefined || o.date_created >= created.min) &&
        (created.max === undefined || o.date_created <= created.max)));
  const by = field as keyof Order;
  const anyWhere = [minId, maxId, customerId, statusId, channelId, email, cartId, created].some(
    (v) => v !== undefined,
  );
  return {
    key: JSON.stringify({
      minId,
      maxId,
      customerId,
      statusId,
      channelId,
      email,
      cartId,
      created,
      modified,
      archived,
      rawSort,
    }),
    ...(modified ? { dateModified: modified } : {}),
    ...(anyWhere ? { where } : {}),
    idWhere: (id) => store.archivedOrders.has(id) === archived,
    sort: {
      field:
        field === 'id'
          ? 'id'
          : field === 'date_modified'
            ? 'date_modified'
            : (a, b) => (a[by] as number) - (b[by] as number),
      desc: dir === 'desc',
    },
  };
}

function list({ store, q }: ApiContext): SimResponse {
  const ids = store.select.orders.select(selection(store, q));
  const lines = withLines(q);
  return v2List(ids, q, (id) => renderOrder(store.orders.get(id)!, store.hash, lines));
}

function count({ store, q }: ApiContext): SimResponse {
  const ids = store.select.orders.select(selection(store, q));
  const byStatus = new Map<number, number>();
  for (const id of ids) {
    const s = store.orders.get(id)!.status_id;
    byStatus.set(s, (byStatus.get(s) ?? 0) + 1);
  }
  const statuses = ORDER_STATUSES.map((s) => ({ ...renderOrderStatus(s), count: byStatus.get(s[0]) ?? 0 }));
  return { status: 200, body: { count: ids.length, statuses } };
}

function update({ store, req, body }: ApiContext): SimResponse {
  const o = store.orders.get(Number(req.params['id']));
  if (!o) return v2Error(404, NOT_FOUND_V2);
  const b = (body ?? {}) as Record<string, unknown>;
  const next: Order = { ...o, date_modified: store.stamp() };
  if (b['status_id'] !== undefined) {
    if (!ORDER_STATUSES.some(([id]) => id === b['status_id']))
      return v2Error(400, `The field 'status_id' is invalid.`);
    next.status_id = b['status_id'] as number;
    if ([2, 3, 10].includes(next.status_id) && next.date_shipped === null)
      next.date_shipped = next.date_modified;
  }
  if (typeof b['customer_message'] === 'string') next.customer_message = b['customer_message'];
  if (typeof b['is_email_opt_in'] === 'boolean') next.is_email_opt_in = b['is_email_opt_in'];
  store.putOrder(next, 'updated');
  return { status: 200, body: renderOrder(next, store.hash, false) };
}

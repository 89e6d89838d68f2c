// Runs in: Node (simulators). Owns: v3 /customers/subscribers: filtered list, create (409 on a duplicate
// email), get/update/delete by id, and delete-by-filter.
import type { SimResponse } from '../../kit/index.js';
import { type Api, type ApiContext } from '../api.js';
import { v3Error } from '../errors.js';
import { dateRange, idFilter, inRange } from '../filters.js';
import { intParam, v3List } from '../query.js';
import { renderSubscriber } from '../render/customers.js';
import type { Selection } from '../select.js';
import type { Subscriber } from '../types.js';

const SCOPE = 'store_v2_customers';
const SOURCES = ['storefront', 'order', 'custom'];
const CONSENTS = ['marketing_newsletter', 'abandoned_cart'];

export function subscriberRoutes(api: Api): void {
  api.route('GET', '/v3/customers/subscribers', SCOPE, ({ store, q }) => {
    const ids = store.select.subscribers.select(selection(q));
    return v3List(ids, q, (id) => renderSubscriber(store.subscribers.get(id)!));
  });
  api.route('DELETE', '/v3/customers/subscribers', SCOPE, ({ store, q }) => {
    for (const id of [...store.select.subscribers.select(selection(q))]) store.deleteSubscriber(id);
    return { status: 204 };
  });
  api.route('POST', '/v3/customers/subscribers', SCOPE, create);
  api.route('GET', '/v3/customers/subscribers/:id', SCOPE, ({ store, req }) => {
    const s = store.subscribers.get(Number(req.params['id']));
    return s ? { status: 200, body: { data: renderSubscriber(s), meta: {} } } : notFound();
  });
  api.route('PUT', '/v3/customers/subscribers/:id', SCOPE, update);
  api.route('DELETE', '/v3/customers/subscribers/:id', SCOPE, ({ store, req }) =>
    store.deleteSubscriber(Number(req.params['id'])) ? { status: 204 } : notFound(),
  );
}

const notFound = (): SimResponse => v3Error(404, 'The requested subscriber was not found.');

function selection(q: Map<string, string>): Selection<Subscriber> {
  const ids = idFilter(q);
  const email = q.get('email')?.toLowerCase();
  const first = q.get('first_name');
  const last = q.get('last_name');
  const source = q.get('source');
  const orderId = q.has('order_id') ? intParam(q, 'order_id', 0, 0) : undefined;
  const created = dateRange(q, 'date_created');
  const modified = dateRange(q, 'date_modified');
  const where = (s: Subscriber): boolean =>
    (!email || s.email.toLowerCase() === email) &&
    (!first || s.first_name === first) &&
    (!last || s.last_name === last) &&
    (!source || s.source === source) &&
    (orderId === undefined || s.order_id === orderId) &&
    inRange(s.date_created, created);
  const any = email || first || last || source || orderId !== undefined || created;
  return {
    key: JSON.stringify({ ids, email, first, last, source, orderId, created, modified }),
    ...(ids ? { ids } : {}),
    ...(modified ? { dateModified: modified } : {}),
    ...(any ? { where } : {}),
  };
}

function fields(b: Record<string, unknown>, prev: Subscriber): Subscriber | string {
  const next = { ...prev };
  for (const k of ['email', 'first_name', 'last_name'] as const) {
    if (b[k] === undefined) continue;
    if (typeof b[k] !== 'string' || (b[k] as string).length > 255)
      return `${k} must be a string of at most 255 characters`;
    next[k] = b[k] as string;
  }
  if (b['source'] !== undefined) {
    if (!SOURCES.includes(b['source'] as string)) return 'source must be storefront, order or custom';
    next.source = b['source'] as Subscriber['source'];
  }
  if (b['order_id'] !== undefined) next.order_id = typeof b['order_id'] === 'number' ? b['order_id'] : null;
  if (b['channel_id'] !== undefined) next.channel_id = Number(b['channel_id']) || 1;
  if (b['consents'] !== undefined) {
    const c = b['consents'];
    if (!Array.isArray(c) || c.some((x) => !CONSENTS.includes(x as string)))
      return 'consents must list marketing_newsletter and/or abandoned_cart';
    next.consents = c as Subscriber['consents'];
  }
  if (!next.email.includes('@')) return 'email is required and must be an email address';
  return next;
}

function create({ store, body }: ApiContext): SimResponse {
  const b = (body ?? {}) as Record<string, unknown>;
  const now = store.stamp();
  const blank: Subscriber = {
    id: store.subscribers.nextId(),
    email: '',
    first_name: '',
    last_name: '',
    source: 'custom',
    order_id: null,
    channel_id: 1,
    consents: [],
    date_created: now,
    date_modified: now,
  };
  const s = fields(b, blank);
  if (typeof s === 'string') return v3Error(422, 'JSON data is missing or invalid', { subscriber: s });
  if (store.subscriberByEmail(s.email))
    return v3Error(409, `A subscriber with email ${s.email} already exists.`);
  return { status: 200, body: { data: renderSubscriber(store.putSubscriber(s, 'created')), meta: {} } };
}

function update({ store, req, body }: ApiContext): SimResponse {
  const prev = store.subscribers.get(Number(req.params['id']));
  if (!prev) return notFound();
  const s = fields((body ?? {}) as Record<string, unknown>, { ...prev, date_modified: store.stamp() });
  if (typeof s === 'string') return v3Error(422, 'JSON data is missing or invalid', { subscriber: s });
  const other = store.subscriberByEmail(s.email);
  if (other && other.id !== s.id) return v3Error(409, `A subscriber with email ${s.email} already exists.`);
  return { status: 200, body: { data: renderSubscriber(store.putSubscriber(s, 'updated')), meta: {} } };
}

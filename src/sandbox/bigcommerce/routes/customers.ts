// Runs in: Node (simulators). Owns: v3 /customers: list with filters, sort, includes, offset and cursor
// pagination; batch create/update (10 per request) and delete by `id:in`.
import type { SimResponse } from '../../kit/index.js';
import { type Api, type ApiContext } from '../api.js';
import { v3Error } from '../errors.js';
import { dateRange, idFilter, includes, inRange, sortParam, stringList } from '../filters.js';
import { intList, pageMeta, pagingOf, QueryError } from '../query.js';
import { renderCustomer } from '../render/customers.js';
import type { Selection } from '../select.js';
import type { Customer } from '../types.js';
import { customerFromInput, customerPatch } from './customer-input.js';

const SCOPE = 'store_v2_customers';
const INCLUDES = [
  'addresses',
  'storecredit',
  'attributes',
  'formfields',
  'shopper_profile_id',
  'segment_ids',
];
const SORTS = ['date_created', 'last_name', 'date_modified'];

export function customerRoutes(api: Api): void {
  api.route('GET', '/v3/customers', SCOPE, list);
  api.route('POST', '/v3/customers', SCOPE, create);
  api.route('PUT', '/v3/customers', SCOPE, update);
  api.route('DELETE', '/v3/customers', SCOPE, remove);
}

function selection(q: Map<string, string>): Selection<Customer> {
  const ids = idFilter(q);
  const emails = stringList(q, 'email:in')?.map((e) => e.toLowerCase());
  const names = stringList(q, 'name:in')?.map((n) => n.toLowerCase());
  const like = q.get('name:like')?.toLowerCase();
  const groups = intList(q, 'customer_group_id:in');
  const created = dateRange(q, 'date_created');
  const modified = dateRange(q, 'date_modified');
  const sort = sortParam(q, SORTS);
  const where = (c: Customer): boolean =>
    (!emails || emails.includes(c.email.toLowerCase())) &&
    (!names || names.includes(`${c.first_name} ${c.last_name}`.toLowerCase())) &&
    (!like || `${c.first_name} ${c.last_name}`.toLowerCase().includes(like)) &&
    (!groups || groups.includes(c.customer_group_id)) &&
    inRange(c.date_created, created);
  const anyWhere = emails || names || like || groups || created;
  const field =
    sort?.field === 'date_modified'
      ? 'date_modified'
      : sort?.field === 'date_created'
        ? (a: Customer, b: Customer) => a.date_created - b.date_created
        : sort?.field === 'last_name'
          ? (a: Customer, b: Customer) => a.last_name.localeCompare(b.last_name)
          : 'id';
  return {
    key: JSON.stringify({ ids, emails, names, like, groups, created, modified, sort }),
    ...(ids ? { ids } : {}),
    ...(modified ? { dateModified: modified } : {}),
    ...(anyWhere ? { where } : {}),
    sort: { field, desc: sort?.desc ?? false },
  };
}

const encodeCursor = (id: number): string =>
  Buffer.from(JSON.stringify({ id })).toString('base64').replace(/=+$/, '');

function decodeCursor(raw: string, key: string): number {
  try {
    const id = (JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as { id?: unknown }).id;
    if (typeof id === 'number') return id;
  } catch {
    // falls through to the 422
  }
  throw new QueryError(422, `The '${key}' cursor is not valid.`, { [key]: 'is invalid' });
}

function list({ store, q }: ApiContext): SimResponse {
  const include = includes(q, INCLUDES);
  const sel = selection(q);
  const { page, limit } = pagingOf(q);
  const ids = store.select.customers.select(sel);
  const render = (id: number) => renderCustomer(store.customers.get(id)!, include);
  const after = q.get('after');
  const before = q.get('before');
  if (after !== undefined || before !== undefined) {
    // With a cursor, `page` is ignored and only cursor meta is returned.
    let from: number;
    let to: number;
    if (after !== undefined) {
      const at = store.select.customers.positionOf(sel, decodeCursor(after, 'after'));
      from = at + 1;
      to = from + limit;
    } else {
      const beforeId = decodeCursor(before!, 'before');
      to = store.select.customers.positionOf(sel, beforeId);
      if (ids[to] !== beforeId) to += 1;
      if (to < 0) to = 0;
      from = Math.max(0, to - limit);
    }
    const slice = ids.slice(from, to);
    return {
      status: 200,
      body: {
        data: slice.map(render),
        meta: { cursor_pagination: cursorMeta(slice, limit, from > 0, to < ids.length) },
      },
    };
  }
  const slice = ids.slice((page - 1) * limit, page * limit);
  const meta: Record<string, unknown> = { pagination: pageMeta(ids.length, slice.length, page, limit) };
  if (page === 1) meta['cursor_pagination'] = cursorMeta(slice, limit, false, slice.length < ids.length);
  return { status: 200, body: { data: slice.map(render), meta } };
}

function cursorMeta(
  slice: number[],
  limit: number,
  hasPrev: boolean,
  hasNext: boolean,
): Record<string, unknown> {
  const start = slice.length ? encodeCursor(slice[0]!) : '';
  const end = slice.length ? encodeCursor(slice[slice.length - 1]!) : '';
  const links: Record<string, string> = {
    current: `?limit=${limit}${start ? `&after=${encodeURIComponent(encodeCursor(slice[0]! - 1))}` : ''}`,
  };
  if (hasPrev && start) links['previous'] = `?limit=${limit}&before=${encodeURIComponent(start)}`;
  if (hasNext && end) links['next'] = `?limit=${limit}&after=${encodeURIComponent(end)}`;
  return { count: slice.length, per_page: limit, start_cursor: start, end_cursor: end, links };
}

function batch(body: unknown): Record<string, unknown>[] {
  if (!Array.isArray(body) || body.some((b) => !b || typeof b !== 'object'))
    throw new QueryError(422, 'The request body must be an array of customer objects.', {
      body: 'must be an array',
    });
  if (body.length > 10) throw new QueryError(413, 'A request may create or update at most 10 customers.');
  return body as Record<string, unknown>[];
}

function create({ store, body }: ApiContext): SimResponse {
  const items = batch(body);
  const built: Customer[] = [];
  const seen = new Set<string>();
  for (const [i, item] of items.entries()) {
    const id = store.customers.nextId() + i;
    const c = customerFromInput(item, id, store.stamp(), `.customer_create[${i}]`);
    const email = c.email.toLowerCase();
    if (store.customerByEmail(email) || seen.has(email))
      return v3Error(422, 'Create customers failed.', {
        [`.customer_create[${i}]`]: `The email address ${c.email} is already in use.`,
      });
    seen.add(email);
    built.push(c);
  }
  const data = built.map((c) =>
    renderCustomer(store.putCustomer(c, 'created'), new Set(['addresses', 'attributes'])),
  );
  return { status: 200, body: { data, meta: {} } };
}

function update({ store, body }: ApiContext): SimResponse {
  const items = batch(body);
  const next: Customer[] = [];
  for (const [i, item] of items.entries()) {
    const prev = typeof item['id'] === 'number' ? store.customers.get(item['id']) : undefined;
    if (!prev)
      return v3Error(422, 'Update customers failed.', {
        [`.customer_update[${i}].id`]: 'id is required and must name an existing customer',
      });
    const c = customerPatch(prev, item, store.stamp(), `.customer_update[${i}]`);
    const other = store.customerByEmail(c.email);
    if (other && other.id !== c.id)
      return v3Error(422, 'Update customers failed.', {
        [`.customer_update[${i}].email`]: `The email address ${c.email} is already in use.`,
      });
    next.push(c);
  }
  const data = next.map((c) => renderCustomer(store.putCustomer(c, 'updated'), new Set()));
  return { status: 200, body: { data, meta: {} } };
}

function remove({ store, q }: ApiContext): SimResponse {
  const ids = intList(q, 'id:in');
  if (!ids || ids.length === 0)
    return v3Error(422, 'The id:in filter is required to delete customers.', { 'id:in': 'is required' });
  for (const id of ids) store.deleteCustomer(id);
  return { status: 204 };
}

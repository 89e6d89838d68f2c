// Runs in: Node (simulators). Owns: v3 customer consent, customer attributes, attribute values and custom
// form-field values (the last two flattened across customers, cached per table version).
import type { SimResponse } from '../../kit/index.js';
import { type Api, type ApiContext } from '../api.js';
import { isoZ } from '../dates.js';
import { v3Error } from '../errors.js';
import { stringList } from '../filters.js';
import { intList, pageMeta, pagingOf, v3List } from '../query.js';
import { renderAttribute, renderAttributeValue } from '../render/customers.js';
import { FORM_FIELDS } from '../seed/reference.js';
import type { StoreState } from '../store.js';

const SCOPE = 'store_v2_customers';
const CONSENT = ['essential', 'functional', 'analytics', 'targeting'];

export function customerExtraRoutes(api: Api): void {
  api.route('GET', '/v3/customers/:id/consent', SCOPE, ({ store, req }) => {
    const c = store.customers.get(Number(req.params['id']));
    if (!c) return v3Error(404, 'Customer not found');
    // The spec notes that updated_at on GET is the time of the call, not of the last change.
    return {
      status: 200,
      body: { allow: c.consent.allow, deny: c.consent.deny, updated_at: isoZ(store.now()) },
    };
  });
  api.route('PUT', '/v3/customers/:id/consent', SCOPE, ({ store, req, body }) => {
    const c = store.customers.get(Number(req.params['id']));
    if (!c) return v3Error(404, 'Customer not found');
    const b = (body ?? {}) as { allow?: unknown; deny?: unknown };
    const valid = (v: unknown): v is string[] =>
      Array.isArray(v) && v.every((x) => typeof x === 'string' && CONSENT.includes(x));
    if (!valid(b.allow) || !valid(b.deny))
      return v3Error(422, 'allow and deny must be arrays of essential, functional, analytics, targeting.', {
        consent: 'is invalid',
      });
    store.putCustomer(
      { ...c, consent: { allow: b.allow, deny: b.deny }, date_modified: store.stamp() },
      'updated',
    );
    return { status: 200, body: { allow: b.allow, deny: b.deny, updated_at: isoZ(store.now()) } };
  });
  api.route('GET', '/v3/customers/attributes', SCOPE, ({ store, q }) => {
    const name = q.get('name');
    const type = q.get('type');
    const ids = [...store.attributes.ids()].filter((id) => {
      const a = store.attributes.get(id)!;
      return (!name || a.name === name) && (!type || a.type === type);
    });
    return v3List(ids, q, (id) => renderAttribute(store.attributes.get(id)!));
  });
  api.route('GET', '/v3/customers/attribute-values', SCOPE, attributeValues);
  api.route('GET', '/v3/customers/form-field-values', SCOPE, formFieldValues);
}

/** Customers to expand: the `customer_id` filter when given, else every customer (cached by version). */
function customerIds(store: StoreState, filter: number[] | undefined): number[] {
  if (filter) return filter.filter((id) => store.customers.has(id)).sort((a, b) => a - b);
  return store.select.customers.select({ key: 'all-by-id' });
}

function attributeValues({ store, q }: ApiContext): SimResponse {
  const customers = intList(q, 'customer_id:in');
  const attrs = intList(q, 'attribute_id:in');
  const rows = customerIds(store, customers).flatMap((id) =>
    store.customers.get(id)!.attributes.filter((a) => !attrs || attrs.includes(a.attribute_id)),
  );
  return page(rows.map(renderAttributeValue), q);
}

function formFieldValues({ store, q }: ApiContext): SimResponse {
  const customer = intList(q, 'customer_id');
  const fieldName = stringList(q, 'field_name');
  const fieldType = q.get('field_type');
  const typeOf = (name: string): string => {
    const t = FORM_FIELDS.find((f) => f.name === name)?.type ?? 'text';
    return { text: 'text', checkbox: 'checkboxes', radio: 'radiobuttons', date: 'date', number: 'numbers' }[
      t
    ];
  };
  if (q.has('address_id')) return page([], q);
  const rows = customerIds(store, customer).flatMap((id) =>
    store.customers
      .get(id)!
      .form_fields.filter(
        (f) => (!fieldName || fieldName.includes(f.name)) && (!fieldType || typeOf(f.name) === fieldType),
      )
      .map((f) => ({ name: f.name, value: f.value, customer_id: id })),
  );
  return page(rows, q);
}

function page(rows: unknown[], q: Map<string, string>): SimResponse {
  const { page: p, limit } = pagingOf(q);
  const data = rows.slice((p - 1) * limit, p * limit);
  return { status: 200, body: { data, meta: { pagination: pageMeta(rows.length, data.length, p, limit) } } };
}

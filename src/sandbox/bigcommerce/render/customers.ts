// Runs in: Node (simulators). Owns: the v3 JSON of customers, their sub-resources and subscribers.
import { isoZ } from '../dates.js';
import type { AttributeValue, Customer, CustomerAttribute, Subscriber } from '../types.js';

/** BigCommerce caps embedded addresses and attributes at 10 per customer. */
const EMBED_CAP = 10;

export function renderCustomer(c: Customer, include: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: c.id,
    authentication: { force_password_reset: c.force_password_reset },
    company: c.company,
    customer_group_id: c.customer_group_id,
    email: c.email,
    first_name: c.first_name,
    last_name: c.last_name,
    notes: c.notes,
    phone: c.phone,
    registration_ip_address: c.registration_ip_address,
    tax_exempt_category: c.tax_exempt_category,
    date_created: isoZ(c.date_created),
    date_modified: isoZ(c.date_modified),
    accepts_product_review_abandoned_cart_emails: c.accepts_product_review_abandoned_cart_emails,
    origin_channel_id: c.origin_channel_id,
  };
  // null means "all channels"; the spec types channel_ids as an array only, and omitting it means the same.
  if (c.channel_ids !== null) out['channel_ids'] = c.channel_ids;
  if (include.has('addresses')) {
    out['address_count'] = c.addresses.length;
    out['addresses'] = c.addresses.slice(0, EMBED_CAP).map((a) => ({ ...a, form_fields: [] }));
  }
  if (include.has('attributes')) {
    out['attribute_count'] = c.attributes.length;
    out['attributes'] = c.attributes.slice(0, EMBED_CAP).map(renderAttributeValue);
  }
  if (include.has('formfields')) out['form_fields'] = c.form_fields.map((f) => ({ ...f, customer_id: c.id }));
  if (include.has('storecredit')) out['store_credit_amounts'] = [{ amount: c.store_credit }];
  return out;
}

export function renderAttributeValue(v: AttributeValue): Record<string, unknown> {
  return { ...v, date_created: isoZ(v.date_created), date_modified: isoZ(v.date_modified) };
}

export function renderAttribute(a: CustomerAttribute): Record<string, unknown> {
  return {
    id: a.id,
    name: a.name,
    type: a.type,
    date_created: isoZ(a.date_created),
    date_modified: isoZ(a.date_modified),
  };
}

export function renderSubscriber(s: Subscriber): Record<string, unknown> {
  return {
    id: s.id,
    email: s.email,
    first_name: s.first_name,
    last_name: s.last_name,
    source: s.source,
    order_id: s.order_id,
    channel_id: s.channel_id,
    consents: s.consents,
    date_created: isoZ(s.date_created),
    date_modified: isoZ(s.date_modified),
  };
}

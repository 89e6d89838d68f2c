// Runs in: main (Electron-free). Owns: the default field mapping of people: customer ids by identity policy
// and the customer properties from BigCommerce customers, subscribers and guest billing addresses.
import type { Customer, Subscriber } from '../../bigcommerce/schemas/customers.js';
import type { Order } from '../../bigcommerce/schemas/orders.js';
import type { BloomreachSettings } from './schemas.js';
import { compact, emailKey, slug } from './values.js';

export type Ids = Record<string, string>;

/**
 * single-store: email and the numeric BigCommerce id are both hard ids (as Bloomreach's integration does).
 * multi-store: only the email is hard; a customer holds one value per hard-id type, so ids of two stores
 * would clash and one would be silently dropped.
 */
export function personIds(
  s: BloomreachSettings,
  email: string | undefined,
  customerId: number | undefined,
  extra: Ids = {},
): Ids {
  const ids: Ids = {};
  if (email) ids[s.idTypes.email] = emailKey(email);
  if (customerId && s.identity === 'single-store') ids[s.idTypes.customer] = String(customerId);
  return { ...ids, ...extra };
}

/** The store-scoped BigCommerce id as a property (multi-store), so segments can still use it. */
export function scopedIdProperty(
  s: BloomreachSettings,
  storeId: string,
  customerId: number,
): Record<string, unknown> {
  return s.identity === 'multi-store' ? { [`bc_customer_id_${slug(storeId)}`]: customerId } : {};
}

export function customerProperties(
  c: Customer,
  s: BloomreachSettings,
  storeId: string,
): Record<string, unknown> {
  const a = c.addresses?.[0];
  const form = Object.fromEntries(
    (c.form_fields ?? [])
      .filter((f) => f.value !== undefined && f.value !== null)
      .map((f) => [`bc_form_${slug(f.name)}`, Array.isArray(f.value) ? f.value.join(', ') : f.value]),
  );
  const attributes = Object.fromEntries(
    (c.attributes ?? []).map((v) => [`bc_attribute_${v.attribute_id}`, v.attribute_value]),
  );
  return compact({
    email: emailKey(c.email),
    first_name: c.first_name,
    last_name: c.last_name,
    company: c.company,
    phone: c.phone || a?.phone,
    address: a ? [a.address1, a.address2].filter(Boolean).join(', ') : undefined,
    city: a?.city,
    state: a?.state_or_province,
    zip: a?.postal_code,
    country: a?.country_code || a?.country,
    customer_group_id: c.customer_group_id,
    bc_registered_at: c.date_created,
    ...scopedIdProperty(s, storeId, c.id),
    ...form,
    ...attributes,
  });
}

export function subscriberProperties(sub: Subscriber): Record<string, unknown> {
  return compact({
    email: emailKey(sub.email),
    first_name: sub.first_name,
    last_name: sub.last_name,
    bc_subscriber_source: sub.source,
  });
}

export function guestProperties(o: Order, email: string): Record<string, unknown> {
  const b = o.billing_address;
  return compact({
    email,
    first_name: b?.first_name,
    last_name: b?.last_name,
    company: b?.company,
    phone: b?.phone,
    city: b?.city,
    state: b?.state,
    zip: b?.zip,
    country: b?.country_iso2 || b?.country,
  });
}

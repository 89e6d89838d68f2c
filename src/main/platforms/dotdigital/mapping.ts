// Runs in: main (Electron-free). Owns: the field mapping: BigCommerce customer (or a guest's billing address)
// -> dotdigital data field values, typed as the data field expects, only for the rows the user kept.
import type { Customer } from '../../bigcommerce/schemas/customers.js';
import type { Order, ShippingAddress } from '../../bigcommerce/schemas/orders.js';
import { type SourceField, sourceFields } from './schemas.js';

type Value = string | number | boolean | null;
type Address = NonNullable<Customer['addresses']>[number];

const text = (v: string | null | undefined): string | null =>
  v === undefined || v === null || v.trim() === '' ? null : v;

function fullName(first: string | null | undefined, last: string | null | undefined): string | null {
  return text([first ?? '', last ?? ''].join(' ').trim());
}

function addressValues(
  prefix: 'billing' | 'shipping',
  a: Address | undefined,
): Partial<Record<SourceField, Value>> {
  return {
    [`${prefix}_address1`]: text(a?.address1),
    [`${prefix}_address2`]: text(a?.address2),
    [`${prefix}_city`]: text(a?.city),
    [`${prefix}_state`]: text(a?.state_or_province),
    [`${prefix}_postcode`]: text(a?.postal_code),
    [`${prefix}_country`]: text(a?.country),
    [`${prefix}_phone`]: text(a?.phone),
    [`${prefix}_company`]: text(a?.company),
  };
}

/** Every source field's value for a registered customer (null = empty: clears the data field). */
export function customerValues(c: Customer): Partial<Record<SourceField, Value>> {
  const addresses = c.addresses ?? [];
  return {
    customer_id: c.id,
    first_name: text(c.first_name),
    last_name: text(c.last_name),
    full_name: fullName(c.first_name, c.last_name),
    company: text(c.company),
    phone: text(c.phone),
    notes: text(c.notes),
    // dotdigital Date fields take an ISO date-time.
    date_created: c.date_created,
    has_account: true,
    customer_group_id: c.customer_group_id ?? null,
    ...addressValues('billing', addresses[0]),
    ...addressValues('shipping', addresses[1] ?? addresses[0]),
  };
}

/** What a guest order tells about the shopper; fields it does not know are left out, not cleared. */
export function guestValues(o: Order): Partial<Record<SourceField, Value>> {
  const b = o.billing_address;
  // The consignments transform loses its element type in inference; its items are shipping addresses.
  const ship = o.consignments?.shipping[0] as Partial<ShippingAddress> | undefined;
  const out: Partial<Record<SourceField, Value>> = {
    first_name: text(b?.first_name),
    last_name: text(b?.last_name),
    full_name: fullName(b?.first_name, b?.last_name),
    phone: text(b?.phone),
    company: text(b?.company),
    has_account: false,
    billing_address1: text(b?.street_1),
    billing_address2: text(b?.street_2),
    billing_city: text(b?.city),
    billing_state: text(b?.state),
    billing_postcode: text(b?.zip),
    billing_country: text(b?.country),
    billing_phone: text(b?.phone),
    billing_company: text(b?.company),
    shipping_address1: text(ship?.street_1),
    shipping_address2: text(ship?.street_2),
    shipping_city: text(ship?.city),
    shipping_state: text(ship?.state),
    shipping_postcode: text(ship?.zip),
    shipping_country: text(ship?.country),
    shipping_phone: text(ship?.phone),
    shipping_company: text(ship?.company),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== null));
}

/** Applies the mapping: only mapped rows are sent; values are typed for the data field. */
export function mapFields(
  values: Partial<Record<SourceField, Value>>,
  mapping: Partial<Record<SourceField, string>>,
): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [source, target] of Object.entries(mapping) as Array<[SourceField, string]>) {
    if (!(source in values)) continue;
    const v = values[source] ?? null;
    out[target] = v === null ? null : sourceFields[source] === 'String' ? String(v) : v;
  }
  return out;
}

// Runs in: main (Electron-free). Owns: the default mapping of BigCommerce records to SALESmanago contacts
// (standard fields, address, mapped properties) and to external events (PURCHASE, CANCELLATION, RETURN, CART).
import type { Cart } from '../../bigcommerce/schemas/cart.js';
import type { Customer, Subscriber } from '../../bigcommerce/schemas/customers.js';
import type { Order, OrderProduct } from '../../bigcommerce/schemas/orders.js';
import { type ContactEvent, OPTIN_PROPERTY, type UpsertDetail } from './payloads.js';
import type { SalesmanagoSettings, SourceField } from './schemas.js';

const text = (v: string | null | undefined): string | undefined => {
  const t = v?.trim();
  return t ? t : undefined;
};
const fullName = (first?: string | null, last?: string | null) => text(`${first ?? ''} ${last ?? ''}`);
const money = (v: string | number | null | undefined): number | undefined => {
  const n = typeof v === 'number' ? v : Number(v);
  return v === null || v === undefined || v === '' || !Number.isFinite(n) ? undefined : n;
};
const ms = (iso: string | null | undefined): number | undefined => {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? t : undefined;
};
/** SALESmanago event details are short texts; a cap keeps a huge order within the request limits. */
const clip = (s: string, max = 255) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function properties(values: Partial<Record<SourceField, string>>, s: SalesmanagoSettings) {
  const out: Record<string, string> = {};
  for (const [field, prop] of Object.entries(s.propertyMapping) as Array<[SourceField, string]>) {
    const v = values[field];
    if (v !== undefined && v !== '') out[prop] = v;
  }
  return out;
}

export function customerDetail(c: Customer, tags: string[], s: SalesmanagoSettings): UpsertDetail {
  const a = c.addresses?.[0];
  const address = compact({
    streetAddress: text(a?.address1),
    zipCode: text(a?.postal_code),
    city: text(a?.city),
    country: text(a?.country_code),
  });
  return compact({
    contact: compact({
      email: c.email.trim(),
      name: fullName(c.first_name, c.last_name),
      phone: text(c.phone) ?? text(a?.phone),
      company: text(c.company) ?? text(a?.company),
      externalId: String(c.id),
      address: Object.keys(address).length ? address : undefined,
    }),
    tags,
    province: text(a?.state_or_province),
    properties: properties(
      {
        customer_id: String(c.id),
        customer_group_id: c.customer_group_id ? String(c.customer_group_id) : undefined,
        date_created: c.date_created,
        notes: text(c.notes),
        address2: text(a?.address2),
        state: text(a?.state_or_province),
        country_code: text(a?.country_code),
      },
      s,
    ),
  });
}

/** A guest's contact from the billing address; a registered buyer's contact only gets the purchase tags. */
export function orderContactDetail(
  o: Order,
  email: string,
  tags: string[],
  s: SalesmanagoSettings,
): UpsertDetail {
  if (o.customer_id !== 0) return { contact: { email }, tags };
  const b = o.billing_address;
  const address = compact({
    streetAddress: text(b?.street_1),
    zipCode: text(b?.zip),
    city: text(b?.city),
    country: text(b?.country_iso2),
  });
  return compact({
    contact: compact({
      email,
      name: fullName(b?.first_name, b?.last_name),
      phone: text(b?.phone),
      company: text(b?.company),
      address: Object.keys(address).length ? address : undefined,
    }),
    tags,
    province: text(b?.state),
    properties: properties({ country_code: text(b?.country_iso2), state: text(b?.state) }, s),
  });
}

export type OptIn = 'in' | 'out' | 'keep';

export function subscriberDetail(
  sub: Subscriber,
  tags: string[],
  optIn: OptIn,
  doubleOptIn: boolean,
  s: SalesmanagoSettings,
): UpsertDetail {
  const d: UpsertDetail = compact({
    contact: compact({ email: sub.email.trim(), name: fullName(sub.first_name, sub.last_name) }),
    tags,
  });
  if (optIn === 'out') return { ...d, forceOptOut: true, properties: { [OPTIN_PROPERTY]: 'no' } };
  if (optIn === 'keep') return d;
  if (!doubleOptIn) return { ...d, forceOptIn: true, properties: { [OPTIN_PROPERTY]: 'yes' } };
  // SALESmanago starts double opt-in only for a contact not already opted in: one opted in keeps it.
  return compact({
    ...d,
    useApiDoubleOptIn: true,
    apiDoubleOptInEmailTemplateId: text(s.doubleOptInTemplateId),
    apiDoubleOptInEmailAccountId: text(s.doubleOptInAccountId),
    apiDoubleOptInEmailSubject: text(s.doubleOptInSubject),
    properties: { [OPTIN_PROPERTY]: 'pending' },
  });
}

/** Line items as the client normalises them: inline in the shipping consignments (include=consignments.line_items). */
export function lineItems(o: Order): OrderProduct[] {
  const lists = [...(o.consignments?.shipping ?? []), ...(o.consignments?.pickups ?? [])].map(
    (c) => (c as { line_items?: unknown[] }).line_items ?? [],
  );
  return lists
    .flat()
    .filter((x): x is OrderProduct => typeof x === 'object' && x !== null && 'product_id' in x);
}

export function orderEvent(
  o: Order,
  type: ContactEvent['contactExtEventType'],
  s: SalesmanagoSettings,
): ContactEvent {
  const items = lineItems(o);
  const date = type === 'PURCHASE' ? ms(o.date_created) : (ms(o.date_modified) ?? ms(o.date_created));
  return compact({
    contactExtEventType: type,
    date: date ?? 0,
    description: `Order #${o.id}`,
    products: items.map((i) => String(i.product_id)).join(',') || undefined,
    location: s.location,
    value: money(o.total_inc_tax) ?? 0,
    externalId: String(o.id),
    shopDomain: text(s.shopDomain),
    detail1: text(o.status),
    detail2: text(o.currency_code),
    detail3: text(o.payment_method),
    detail4: items.map((i) => String(i.quantity)).join(',') || undefined,
    detail5: clip(items.map((i) => i.name ?? '').join(', ')) || undefined,
    detail6: o.customer_id === 0 ? 'guest' : 'customer',
    detail7: text(o.discount_amount ?? undefined),
  });
}

export function cartEvent(c: Cart, s: SalesmanagoSettings): ContactEvent {
  const items = [...(c.line_items?.physical_items ?? []), ...(c.line_items?.digital_items ?? [])];
  return compact({
    contactExtEventType: 'CART' as const,
    date: ms(c.updated_time) ?? ms(c.created_time) ?? 0,
    description: text(c.redirect_urls?.cart_url) ?? `Cart ${c.id}`,
    products:
      items
        .map((i) => String(i.product_id ?? ''))
        .filter(Boolean)
        .join(',') || undefined,
    location: s.location,
    value: money(c.cart_amount) ?? 0,
    externalId: c.id,
    shopDomain: text(s.shopDomain),
    detail1: text(c.redirect_urls?.cart_url),
    detail2: text(c.currency?.code),
    detail4: items.map((i) => String(i.quantity ?? 1)).join(',') || undefined,
    detail5: clip(items.map((i) => i.name ?? '').join(', ')) || undefined,
  });
}

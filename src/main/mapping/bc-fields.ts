// Runs in: main (Electron-free). Owns: the standard BigCommerce fields a mapping can read, with their keys,
// types and where each sits in the client's normalised records (v3 customer, v2 order).
import type { Customer } from '../bigcommerce/schemas/customers.js';
import type { Order } from '../bigcommerce/schemas/orders.js';
import type { CatalogueField, Entity, FieldType } from './model.js';

export interface StandardField extends CatalogueField {
  entity: Entity;
  read(record: Customer | Order): unknown;
}

type Rec = Record<string, unknown>;
const at = (o: unknown, k: string): unknown => (o && typeof o === 'object' ? (o as Rec)[k] : undefined);

function field(
  entity: Entity,
  key: string,
  label: string,
  type: FieldType,
  group: string,
  read: (r: Rec) => unknown,
  extra: Partial<CatalogueField> = {},
): StandardField {
  return { key, label, type, group, entity, custom: false, read: (r) => read(r as unknown as Rec), ...extra };
}

const own =
  (entity: Entity, prefix: string, group: string) => (name: string, label: string, type: FieldType) =>
    field(entity, `${prefix}.${name}`, label, type, group, (r) => at(r, name));

const c = own('customer', 'bc.customer', 'Customer');
const firstAddress = (r: Rec): unknown => (Array.isArray(r['addresses']) ? r['addresses'][0] : undefined);
const addr = (name: string, label: string, type: FieldType = 'text', extra: Partial<CatalogueField> = {}) =>
  field(
    'customer',
    `bc.customer.address.${name}`,
    `Address: ${label}`,
    type,
    'Address',
    (r) => at(firstAddress(r), name),
    extra,
  );

export const customerFields: StandardField[] = [
  c('id', 'Customer ID', 'number'),
  c('email', 'Email', 'text'),
  c('first_name', 'First name', 'text'),
  c('last_name', 'Last name', 'text'),
  c('company', 'Company', 'text'),
  c('phone', 'Phone', 'text'),
  c('notes', 'Notes', 'text'),
  c('date_created', 'Date created', 'date'),
  c('date_modified', 'Date modified', 'date'),
  c('customer_group_id', 'Customer group ID', 'number'),
  // The v3 customer's own email opt-in flag; newsletter consent lives on subscribers.
  c(
    'accepts_product_review_abandoned_cart_emails',
    'Accepts marketing (review and abandoned-cart emails)',
    'boolean',
  ),
  c('registration_ip_address', 'Registration IP address', 'text'),
  c('tax_exempt_category', 'Tax exempt category', 'text'),
  c('origin_channel_id', 'Origin channel ID', 'number'),
  field('customer', 'bc.customer.channel_ids', 'Channel IDs', 'list', 'Customer', (r) => r['channel_ids'], {
    multi: true,
  }),
  field('customer', 'bc.customer.store_credit', 'Store credit', 'number', 'Customer', (r) =>
    Array.isArray(r['store_credit_amounts'])
      ? r['store_credit_amounts'].reduce((sum: number, a) => sum + Number(at(a, 'amount') ?? 0), 0)
      : undefined,
  ),
  // v3 customer addresses carry no billing/shipping role: the first one BigCommerce lists stands for both.
  addr('first_name', 'First name'),
  addr('last_name', 'Last name'),
  addr('company', 'Company'),
  addr('address1', 'Line 1'),
  addr('address2', 'Line 2'),
  addr('city', 'City'),
  addr('state_or_province', 'State or province'),
  addr('postal_code', 'Postal code'),
  addr('country_code', 'Country code (ISO 2)'),
  addr('country', 'Country'),
  addr('phone', 'Phone'),
  addr('address_type', 'Type', 'list', { options: ['residential', 'commercial'], optionsFrom: 'definition' }),
];

const o = own('order', 'bc.order', 'Order');
const money = (name: string, label: string) =>
  field('order', `bc.order.${name}`, label, 'number', 'Order', (r) => decimal(r[name]));

function decimal(v: unknown): unknown {
  // The client keeps money as 4-place decimal strings; the mapping offers them as numbers.
  return typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
}

const postal: Array<[string, string]> = [
  ['first_name', 'First name'],
  ['last_name', 'Last name'],
  ['company', 'Company'],
  ['street_1', 'Street line 1'],
  ['street_2', 'Street line 2'],
  ['city', 'City'],
  ['state', 'State'],
  ['zip', 'Postal code'],
  ['country', 'Country'],
  ['country_iso2', 'Country code (ISO 2)'],
  ['phone', 'Phone'],
  ['email', 'Email'],
];
const firstShipping = (r: Rec): unknown => {
  const list = at(r['consignments'], 'shipping');
  return Array.isArray(list) ? list[0] : undefined;
};
const billing = postal.map(([name, label]) =>
  field('order', `bc.order.billing.${name}`, `Billing: ${label}`, 'text', 'Billing address', (r) =>
    at(r['billing_address'], name),
  ),
);
const shipping = [...postal, ['shipping_method', 'Shipping method'] as [string, string]].map(
  ([name, label]) =>
    field('order', `bc.order.shipping.${name}`, `Shipping: ${label}`, 'text', 'Shipping address', (r) =>
      at(firstShipping(r), name),
    ),
);

export const orderFields: StandardField[] = [
  o('id', 'Order ID', 'number'),
  o('customer_id', 'Customer ID (0 for a guest)', 'number'),
  o('date_created', 'Date created', 'date'),
  o('date_modified', 'Date modified', 'date'),
  o('date_shipped', 'Date shipped', 'date'),
  o('status_id', 'Status ID', 'number'),
  o('status', 'Status', 'text'),
  o('custom_status', 'Custom status', 'text'),
  money('subtotal_ex_tax', 'Subtotal excluding tax'),
  money('subtotal_inc_tax', 'Subtotal including tax'),
  money('shipping_cost_inc_tax', 'Shipping including tax'),
  money('handling_cost_inc_tax', 'Handling including tax'),
  money('wrapping_cost_inc_tax', 'Wrapping including tax'),
  money('discount_amount', 'Discount'),
  money('coupon_discount', 'Coupon discount'),
  money('total_ex_tax', 'Total excluding tax'),
  money('total_inc_tax', 'Total including tax'),
  money('total_tax', 'Total tax'),
  money('refunded_amount', 'Refunded amount'),
  money('store_credit_amount', 'Store credit used'),
  money('gift_certificate_amount', 'Gift certificates used'),
  money('currency_exchange_rate', 'Currency exchange rate'),
  o('items_total', 'Items', 'number'),
  o('items_shipped', 'Items shipped', 'number'),
  o('payment_method', 'Payment method', 'text'),
  o('payment_status', 'Payment status', 'text'),
  o('currency_code', 'Display currency', 'text'),
  o('default_currency_code', 'Transactional currency', 'text'),
  o('store_default_currency_code', 'Store default currency', 'text'),
  o('channel_id', 'Channel ID', 'number'),
  o('cart_id', 'Cart ID', 'text'),
  o('order_source', 'Order source', 'text'),
  o('external_source', 'External source', 'text'),
  o('is_email_opt_in', 'Opted in to email at checkout', 'boolean'),
  o('customer_message', 'Customer message', 'text'),
  o('staff_notes', 'Staff notes', 'text'),
  o('is_deleted', 'Archived', 'boolean'),
  ...billing,
  ...shipping,
];

export const standardFields: Record<Entity, StandardField[]> = {
  customer: customerFields,
  order: orderFields,
};

const byKey = new Map([...customerFields, ...orderFields].map((f) => [f.key, f]));
export function standardField(key: string): StandardField | undefined {
  return byKey.get(key);
}

// Runs in: main (Electron-free). Owns: the field mapping: what ActiveCampaign's own BigCommerce integration
// maps (the default, shown in the mapping grid) and the user's custom-field mappings applied to a customer.
import type { Customer } from '../../bigcommerce/schemas/customers.js';
import { toDecimal, toMinorUnits } from '../../bigcommerce/money.js';
import type { FieldMapping } from './schemas.js';
import type { FieldValuePayload } from './payloads.js';

/** The fixed mapping, as in ActiveCampaign's integration table; read-only rows in the grid. */
export const defaultMapping: ReadonlyArray<{ source: string; target: string }> = [
  { source: 'customer.email / billing_address.email (guests)', target: 'contact.email, ecomCustomer.email' },
  { source: 'customer.first_name / billing_address.first_name', target: 'contact.firstName' },
  { source: 'customer.last_name / billing_address.last_name', target: 'contact.lastName' },
  { source: 'customer.phone', target: 'contact.phone' },
  { source: 'customer.id (guest: "guest:" + email)', target: 'ecomCustomer.externalid' },
  { source: 'order.id', target: 'ecomOrder.externalid, orderNumber' },
  { source: 'order.total_inc_tax (cents)', target: 'ecomOrder.totalPrice' },
  { source: 'order.shipping_cost_ex_tax (cents)', target: 'ecomOrder.shippingAmount' },
  { source: 'order.total_tax (cents)', target: 'ecomOrder.taxAmount' },
  { source: 'order.discount_amount + coupon_discount (cents)', target: 'ecomOrder.discountAmount' },
  { source: 'order.currency_code', target: 'ecomOrder.currency' },
  { source: 'consignment shipping_method', target: 'ecomOrder.shippingMethod' },
  { source: 'order.date_created', target: 'ecomOrder.externalCreatedDate' },
  { source: 'order.date_modified', target: 'ecomOrder.externalUpdatedDate' },
  {
    source: 'order.is_email_opt_in, subscriber consents',
    target: 'ecomCustomer.acceptsMarketing, list status',
  },
  { source: 'line item product_id, name, sku, price_inc_tax, quantity', target: 'orderProducts[]' },
  { source: 'cart redirect_urls.cart_url', target: 'abandoned cart orderUrl (recovery link)' },
];

/** Minor units for the currency (2 for USD, 0 for JPY); ActiveCampaign calls them cents. */
export function cents(amount: string | number | null | undefined, currency: string): number {
  if (amount === null || amount === undefined || amount === '') return 0;
  const decimal = toDecimal(amount);
  if (decimal === undefined) return 0;
  let digits = 2;
  try {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
  } catch {
    // an unknown code: ActiveCampaign will reject it by name; keep two places meanwhile
  }
  return Math.max(0, toMinorUnits(decimal, digits));
}

function sourceValue(c: Customer, source: string): unknown {
  if (source.startsWith('customer.')) return (c as Record<string, unknown>)[source.slice(9)];
  if (source.startsWith('address.'))
    return (c.addresses?.[0] as Record<string, unknown> | undefined)?.[source.slice(8)];
  if (source.startsWith('form_field:')) {
    const name = source.slice(11);
    return [...(c.form_fields ?? []), ...(c.addresses?.flatMap((a) => a.form_fields ?? []) ?? [])].find(
      (f) => f.name === name,
    )?.value;
  }
  if (source.startsWith('attribute:')) {
    const id = Number(source.slice(10));
    return c.attributes?.find((a) => a.attribute_id === id)?.attribute_value;
  }
  return undefined;
}

/** Writes a value the way ActiveCampaign takes it for the field's type; undefined when there is nothing. */
function format(v: unknown, type: FieldMapping['type']): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (Array.isArray(v))
    return type === 'multi' ? `||${v.map(String).join('||')}||` : v.map(String).join(', ');
  const s = String(v);
  if (type === 'date') return /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : s;
  if (type === 'multi') return `||${s}||`;
  return s;
}

export function mappedFieldValues(c: Customer, mappings: FieldMapping[]): FieldValuePayload[] {
  const out: FieldValuePayload[] = [];
  for (const m of mappings) {
    const value = format(sourceValue(c, m.source), m.type);
    if (value !== undefined) out.push({ field: m.field, value });
  }
  return out;
}

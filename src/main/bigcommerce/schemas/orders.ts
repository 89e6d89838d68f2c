// Runs in: main (Electron-free). Owns: schemas of v2 orders (with consignments and their line items inline),
// order products, shipping addresses and order statuses. Money -> 4-place decimal strings, dates -> ISO UTC.
import { z } from 'zod';
import { bcDate, bcDateOrNull, bool, id, int, link, moneyOpt, str } from './common.js';

const v2FormField = z.looseObject({ name: z.string(), value: z.unknown().optional() });

export const billingAddress = z.looseObject({
  first_name: str,
  last_name: str,
  company: str,
  street_1: str,
  street_2: str,
  city: str,
  state: str,
  zip: str,
  country: str,
  country_iso2: str,
  phone: str,
  // For a guest order this is the only place the shopper's email appears.
  email: str,
  form_fields: z.array(v2FormField).optional(),
});

export const orderProduct = z.looseObject({
  id,
  order_id: int,
  product_id: int,
  variant_id: int,
  order_address_id: int,
  name: str,
  sku: str,
  type: str,
  quantity: z.number(),
  base_price: moneyOpt,
  price_ex_tax: moneyOpt,
  price_inc_tax: moneyOpt,
  price_tax: moneyOpt,
  base_total: moneyOpt,
  total_ex_tax: moneyOpt,
  total_inc_tax: moneyOpt,
  total_tax: moneyOpt,
  discounted_total_inc_tax: moneyOpt,
  is_refunded: bool,
  quantity_refunded: z.number().nullish(),
  refund_amount: moneyOpt,
  quantity_shipped: z.number().nullish(),
  brand: str,
  product_options: z.array(z.looseObject({})).optional(),
  applied_discounts: z.array(z.looseObject({ amount: moneyOpt })).optional(),
});
export type OrderProduct = z.output<typeof orderProduct>;

export const shippingAddress = billingAddress.extend({
  id,
  order_id: int,
  items_total: z.number().nullish(),
  items_shipped: z.number().nullish(),
  shipping_method: str,
  base_cost: moneyOpt,
  cost_ex_tax: moneyOpt,
  cost_inc_tax: moneyOpt,
  cost_tax: moneyOpt,
  base_handling_cost: moneyOpt,
  handling_cost_ex_tax: moneyOpt,
  handling_cost_inc_tax: moneyOpt,
  handling_cost_tax: moneyOpt,
  shipping_zone_id: int,
  shipping_zone_name: str,
});
export type ShippingAddress = z.output<typeof shippingAddress>;

/** A shipping consignment: the address plus, with include=consignments.line_items, the full line items. */
const shippingConsignment = shippingAddress.partial({ order_id: true }).extend({
  line_items: z.array(z.union([orderProduct, link])).optional(),
});

const consignmentsObject = z.looseObject({
  shipping: z.array(shippingConsignment).default([]),
  pickups: z.array(z.looseObject({ line_items: z.array(z.unknown()).optional() })).default([]),
  downloads: z.array(z.looseObject({})).default([]),
});

// Without consignment_structure=object the API answers an array of such objects; both are accepted.
const consignments = z
  .union([consignmentsObject, z.array(consignmentsObject), link])
  .optional()
  .transform((c) => {
    if (c === undefined || (!Array.isArray(c) && !('shipping' in c))) return undefined;
    const list = Array.isArray(c) ? c : [c];
    return {
      shipping: list.flatMap((x) => x.shipping),
      pickups: list.flatMap((x) => x.pickups),
      downloads: list.flatMap((x) => x.downloads),
    };
  });

const orderMoneyFields = [
  'subtotal_ex_tax',
  'subtotal_inc_tax',
  'subtotal_tax',
  'base_shipping_cost',
  'shipping_cost_ex_tax',
  'shipping_cost_inc_tax',
  'shipping_cost_tax',
  'base_handling_cost',
  'handling_cost_ex_tax',
  'handling_cost_inc_tax',
  'handling_cost_tax',
  'base_wrapping_cost',
  'wrapping_cost_ex_tax',
  'wrapping_cost_inc_tax',
  'wrapping_cost_tax',
  'total_ex_tax',
  'total_inc_tax',
  'total_tax',
  'refunded_amount',
  'store_credit_amount',
  'gift_certificate_amount',
  'discount_amount',
  'coupon_discount',
] as const;
const orderMoney = Object.fromEntries(orderMoneyFields.map((f) => [f, moneyOpt])) as Record<
  (typeof orderMoneyFields)[number],
  typeof moneyOpt
>;

export const order = z.looseObject({
  id,
  // 0 for a guest: the email is then only in billing_address.email.
  customer_id: z.number().int(),
  date_created: bcDate,
  date_modified: bcDate,
  date_shipped: bcDateOrNull,
  status_id: z.number().int(),
  status: str,
  custom_status: str,
  ...orderMoney,
  items_total: z.number().nullish(),
  items_shipped: z.number().nullish(),
  payment_method: str,
  payment_status: str,
  currency_id: int,
  currency_code: str,
  // Exchange rates are not money: kept as the string BigCommerce sends (10 places).
  currency_exchange_rate: z.union([z.string(), z.number()]).transform(String).nullish(),
  default_currency_id: int,
  default_currency_code: str,
  store_default_currency_code: str,
  channel_id: int,
  cart_id: str,
  order_source: str,
  external_source: str,
  is_email_opt_in: bool,
  is_deleted: bool,
  customer_message: str,
  billing_address: billingAddress.optional(),
  products: link.optional(),
  shipping_addresses: link.optional(),
  coupons: link.optional(),
  consignments,
});
export type Order = z.output<typeof order>;

export const orderStatus = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  system_label: str,
  custom_label: str,
  system_description: str,
  sort_order: int,
});
export type OrderStatus = z.output<typeof orderStatus>;

export const orderCount = z.looseObject({ count: z.number().int() });

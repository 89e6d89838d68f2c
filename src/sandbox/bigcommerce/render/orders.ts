// Runs in: Node (simulators). Owns: the v2 JSON of orders, order products and shipping addresses (RFC 2822
// dates, money as 4-decimal strings, link objects) and the order status table.
import { rfc2822 } from '../dates.js';
import { ORDER_STATUSES } from '../seed/reference.js';
import type { Order, OrderLine } from '../types.js';

const money = (n: number): string => n.toFixed(4);
const base = (hash: string): string => `https://api.bigcommerce.com/stores/${hash}/v2`;

export function orderTotals(o: Order): {
  subtotal: number;
  tax: number;
  totalEx: number;
  totalInc: number;
  items: number;
} {
  const subtotal = o.lines.reduce((s, l) => s + l.price * l.quantity, 0);
  const tax = Math.round(subtotal * o.tax_rate * 100) / 100;
  const totalEx = Math.max(0, subtotal + o.shipping_cost - o.discount);
  return {
    subtotal,
    tax,
    totalEx,
    totalInc: totalEx + tax,
    items: o.lines.reduce((s, l) => s + l.quantity, 0),
  };
}

export function statusName(id: number): string {
  return ORDER_STATUSES.find(([s]) => s === id)?.[1] ?? 'Pending';
}

export function renderOrder(o: Order, hash: string, withLines: boolean): Record<string, unknown> {
  const t = orderTotals(o);
  const shipped = [2, 3, 10].includes(o.status_id);
  const refunded =
    o.status_id === 4
      ? t.totalInc
      : o.status_id === 14
        ? Math.round(t.totalInc * 50) / 100
        : o.refunded_amount;
  const link = (sub: string, resource: string) => ({
    url: `${base(hash)}/orders/${o.id}/${sub}`,
    resource: `/orders/${o.id}/${resource}`,
  });
  const shipping = {
    id: o.id * 2,
    ...o.shipping_address,
    form_fields: [],
    line_items: withLines ? o.lines.map((l) => renderOrderProduct(o, l)) : [],
    items_total: t.items,
    items_shipped: shipped ? t.items : 0,
    shipping_method: 'Flat Rate',
    base_cost: o.shipping_cost,
    cost_ex_tax: o.shipping_cost,
    cost_inc_tax: o.shipping_cost,
    cost_tax: 0,
    cost_tax_class_id: 2,
    base_handling_cost: 0,
    handling_cost_ex_tax: 0,
    handling_cost_inc_tax: 0,
    handling_cost_tax: 0,
    handling_cost_tax_class_id: 2,
    shipping_zone_id: 1,
    shipping_zone_name: 'Everywhere',
    shipping_quotes: {
      url: `${base(hash)}/orders/${o.id}/consignments/shipping/${o.id * 2}/shipping_quotes`,
      resource: `/orders/${o.id}/consignments/shipping/${o.id * 2}/shipping_quotes`,
    },
  };
  return {
    id: o.id,
    customer_id: o.customer_id,
    date_created: rfc2822(o.date_created),
    date_modified: rfc2822(o.date_modified),
    date_shipped: o.date_shipped === null ? '' : rfc2822(o.date_shipped),
    status_id: o.status_id,
    status: statusName(o.status_id),
    custom_status: statusName(o.status_id),
    subtotal_ex_tax: money(t.subtotal),
    subtotal_inc_tax: money(t.subtotal + t.tax),
    subtotal_tax: money(t.tax),
    base_shipping_cost: money(o.shipping_cost),
    shipping_cost_ex_tax: money(o.shipping_cost),
    shipping_cost_inc_tax: money(o.shipping_cost),
    shipping_cost_tax: money(0),
    shipping_cost_tax_class_id: 2,
    base_handling_cost: money(0),
    handling_cost_ex_tax: money(0),
    handling_cost_inc_tax: money(0),
    handling_cost_tax: money(0),
    handling_cost_tax_class_id: 2,
    base_wrapping_cost: money(0),
    wrapping_cost_ex_tax: money(0),
    wrapping_cost_inc_tax: money(0),
    wrapping_cost_tax: money(0),
    wrapping_cost_tax_class_id: 3,
    total_ex_tax: money(t.totalEx),
    total_inc_tax: money(t.totalInc),
    total_tax: money(t.tax),
    items_total: t.items,
    items_shipped: shipped ? t.items : 0,
    payment_method: o.payment_method,
    payment_provider_id: '',
    payment_status:
      o.status_id === 0
        ? ''
        : [4].includes(o.status_id)
          ? 'refunded'
          : [7, 1].includes(o.status_id)
            ? 'pending'
            : 'captured',
    refunded_amount: money(refunded),
    order_is_digital: false,
    store_credit_amount: money(0),
    gift_certificate_amount: money(0),
    ip_address: o.ip_address,
    ip_address_v6: '',
    geoip_country: o.billing_address.country,
    geoip_country_iso2: o.billing_address.country_iso2,
    currency_id: o.currency_id,
    currency_code: o.currency_code,
    currency_exchange_rate: o.exchange_rate.toFixed(10),
    default_currency_id: o.currency_id,
    default_currency_code: o.currency_code,
    store_default_currency_code: 'USD',
    store_default_to_transactional_exchange_rate: o.exchange_rate.toFixed(10),
    staff_notes: '',
    customer_message: o.customer_message,
    discount_amount: money(o.discount),
    coupon_discount: money(0),
    shipping_address_count: 1,
    is_tax_inclusive_pricing: false,
    is_email_opt_in: o.is_email_opt_in,
    ebay_order_id: '0',
    cart_id: o.cart_id ?? '',
    billing_address: o.billing_address,
    order_source: o.channel_id === 3 ? 'external' : 'www',
    channel_id: o.channel_id,
    external_source: o.channel_id === 3 ? 'Amazon' : null,
    external_id: null,
    external_merchant_id: null,
    external_order_id: '',
    tax_provider_id: 'BasicTaxProvider',
    customer_locale: 'en',
    credit_card_type: null,
    is_deleted: o.is_deleted,
    products: link('products', 'products'),
    shipping_addresses: link('shipping_addresses', 'shippingaddresses'),
    coupons: link('coupons', 'coupons'),
    consignments: withLines ? { shipping: [shipping] } : link('consignments', 'consignments'),
    fees: link('fees', 'fees'),
  };
}

export function renderOrderProduct(o: Order, l: OrderLine): Record<string, unknown> {
  const total = l.price * l.quantity;
  const tax = Math.round(total * o.tax_rate * 100) / 100;
  return {
    id: l.id,
    order_id: o.id,
    product_id: l.product_id,
    variant_id: l.variant_id,
    order_pickup_method_id: 0,
    order_address_id: o.id * 2,
    name: l.name,
    name_customer: l.name,
    name_merchant: l.name,
    sku: l.sku,
    upc: '',
    type: 'physical',
    base_price: money(l.price),
    price_ex_tax: money(l.price),
    price_inc_tax: money(l.price * (1 + o.tax_rate)),
    price_tax: money(l.price * o.tax_rate),
    base_total: money(total),
    total_ex_tax: money(total),
    total_inc_tax: money(total + tax),
    total_tax: money(tax),
    quantity: l.quantity,
    base_cost_price: money(0),
    cost_price_inc_tax: money(0),
    cost_price_ex_tax: money(0),
    cost_price_tax: money(0),
    weight: 1,
    width: '0.0000',
    height: '0.0000',
    depth: '0.0000',
    is_refunded: o.status_id === 4,
    quantity_refunded: o.status_id === 4 ? l.quantity : 0,
    refund_amount: money(o.status_id === 4 ? total : 0),
    return_id: 0,
    wrapping_id: 0,
    wrapping_name: null,
    base_wrapping_cost: money(0),
    wrapping_cost_ex_tax: money(0),
    wrapping_cost_inc_tax: money(0),
    wrapping_cost_tax: money(0),
    wrapping_message: '',
    quantity_shipped: [2, 10].includes(o.status_id) ? l.quantity : 0,
    event_name: null,
    event_date: null,
    fixed_shipping_cost: money(0),
    ebay_item_id: '',
    ebay_transaction_id: '',
    option_set_id: null,
    parent_order_product_id: null,
    is_bundled_product: false,
    bin_picking_number: '',
    external_id: null,
    brand: l.brand,
    applied_discounts: [],
    product_options: [],
    configurable_fields: [],
    gift_certificate_id: null,
    discounted_total_inc_tax: money(total + tax),
  };
}

export function renderShippingAddress(o: Order, hash: string): Record<string, unknown> {
  const t = orderTotals(o);
  const id = o.id * 2;
  return {
    id,
    order_id: o.id,
    ...o.shipping_address,
    items_total: t.items,
    items_shipped: [2, 10].includes(o.status_id) ? t.items : 0,
    shipping_method: 'Flat Rate',
    base_cost: money(o.shipping_cost),
    cost_ex_tax: money(o.shipping_cost),
    cost_inc_tax: money(o.shipping_cost),
    cost_tax: money(0),
    cost_tax_class_id: 2,
    base_handling_cost: money(0),
    handling_cost_ex_tax: money(0),
    handling_cost_inc_tax: money(0),
    handling_cost_tax: money(0),
    handling_cost_tax_class_id: 2,
    shipping_zone_id: 1,
    shipping_zone_name: 'Everywhere',
    form_fields: [],
    shipping_quotes: {
      url: `${base(hash)}/orders/${o.id}/shipping_addresses/${id}/shipping_quotes`,
      resource: `/orders/${o.id}/shipping_addresses/${id}/shipping_quotes`,
    },
  };
}

export function renderOrderStatus([id, name, description]: [number, string, string]): Record<
  string,
  unknown
> {
  return {
    id,
    name,
    system_label: name,
    custom_label: name,
    system_description: description,
    sort_order: id,
  };
}

// Runs in: main (Electron-free). Owns: one BigCommerce order as Bloomreach's `purchase` event and one
// `purchase_item` per line item, with the attributes Bloomreach's own e-commerce integrations send.
import type { Order, OrderProduct } from '../../bigcommerce/schemas/orders.js';
import type { Command } from './payloads.js';
import { compact, num, secs } from './values.js';

/** Line items as the client normalises them: inline in the consignments (include=consignments.line_items). */
export function lineItems(o: Order): OrderProduct[] {
  const lists = [...(o.consignments?.shipping ?? []), ...(o.consignments?.pickups ?? [])].map(
    (c) => (c as { line_items?: unknown[] }).line_items ?? [],
  );
  return lists
    .flat()
    .filter((l): l is OrderProduct => typeof l === 'object' && l !== null && 'quantity' in l);
}

interface Consignment {
  shipping_method?: string | null;
  country_iso2?: string | null;
  country?: string | null;
  state?: string | null;
  city?: string | null;
}

export function purchaseCommands(o: Order, customerIds: Record<string, string>): Command[] {
  const items = lineItems(o);
  const ship = o.consignments?.shipping[0] as Consignment | undefined;
  const timestamp = secs(o.date_modified) ?? secs(o.date_created);
  const common = compact({
    purchase_id: String(o.id),
    purchase_status: o.status || String(o.status_id),
    purchase_status_id: o.status_id,
    local_currency: o.currency_code,
    purchase_source_name: 'BigCommerce',
  });
  const purchase: Command = {
    name: 'customers/events',
    data: {
      customer_ids: customerIds,
      event_type: 'purchase',
      timestamp,
      properties: compact({
        ...common,
        total_price: num(o.total_inc_tax),
        total_price_without_tax: num(o.total_ex_tax),
        total_quantity: items.reduce((n, l) => n + l.quantity, 0),
        product_ids: items.map((l) => String(l.product_id ?? '')),
        variant_ids: items.map((l) => String(l.variant_id ?? '')),
        product_list: items.map((l) => ({ product_id: String(l.product_id ?? ''), quantity: l.quantity })),
        shipping_cost: num(o.shipping_cost_inc_tax),
        voucher_value: num(o.coupon_discount),
        payment_type: o.payment_method,
        shipping_type: ship?.shipping_method,
        shipping_country: ship?.country_iso2 || ship?.country,
        shipping_state: ship?.state,
        shipping_city: ship?.city,
        cart_id: o.cart_id,
      }),
    },
  };
  const perItem: Command[] = items.map((l) => ({
    name: 'customers/events',
    data: {
      customer_ids: customerIds,
      event_type: 'purchase_item',
      timestamp,
      properties: compact({
        ...common,
        product_id: String(l.product_id ?? ''),
        variant_id: l.variant_id ? String(l.variant_id) : undefined,
        title: l.name,
        sku: l.sku,
        brand: l.brand,
        quantity: l.quantity,
        price: num(l.price_inc_tax),
        total_price: num(l.total_inc_tax),
        discount_value:
          (l.applied_discounts ?? []).reduce((n, d) => n + (num(d.amount) ?? 0), 0) || undefined,
      }),
    },
  }));
  return [purchase, ...perItem];
}

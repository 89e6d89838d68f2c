// Runs in: Node (simulators). Owns: POST /v2/orders, a minimal create (billing address plus products) for
// tests and the demo; guest orders use customer_id 0.
import type { SimResponse } from '../../kit/index.js';
import type { ApiContext } from '../api.js';
import { v2Error } from '../errors.js';
import { renderOrder } from '../render/orders.js';
import type { StoreState } from '../store.js';
import type { Order, PostalAddress } from '../types.js';

export function createOrder({ store, body }: ApiContext): SimResponse {
  const b = (body ?? {}) as Record<string, unknown>;
  const billing = b['billing_address'] as Partial<PostalAddress> | undefined;
  const products = b['products'] as Array<{ product_id?: unknown; quantity?: unknown }> | undefined;
  if (!billing || typeof billing !== 'object')
    return v2Error(400, "The field 'billing_address' is required.");
  if (!Array.isArray(products) || products.length === 0)
    return v2Error(400, "The field 'products' is required.");
  const order = buildOrder(store, {
    customerId: typeof b['customer_id'] === 'number' ? b['customer_id'] : 0,
    statusId: typeof b['status_id'] === 'number' ? b['status_id'] : 1,
    billing,
    lines: products.map((p) => ({ productId: Number(p.product_id), quantity: Number(p.quantity) || 1 })),
    channelId: typeof b['channel_id'] === 'number' ? b['channel_id'] : 1,
  });
  if (typeof order === 'string') return v2Error(400, order);
  store.putOrder(order, 'created');
  return { status: 200, body: renderOrder(order, store.hash, false) };
}

export interface OrderDraft {
  customerId: number;
  statusId: number;
  billing: Partial<PostalAddress>;
  lines: Array<{ productId: number; quantity: number }>;
  channelId?: number;
  cartId?: string | null;
}

/** Builds a new order from a draft; returns a message when a product does not exist. */
export function buildOrder(store: StoreState, d: OrderDraft): Order | string {
  const now = store.stamp();
  const id = store.orders.nextId();
  const lines = [];
  for (const [k, l] of d.lines.entries()) {
    const p = store.products.get(l.productId);
    if (!p) return `The product ${l.productId} does not exist.`;
    const v = p.variants[0]!;
    lines.push({
      id: id * 8 + k,
      product_id: p.id,
      variant_id: v.id,
      name: p.name,
      sku: v.sku,
      price: v.price ?? p.price,
      quantity: l.quantity,
      brand: '',
    });
  }
  const s = (v: unknown): string => (typeof v === 'string' ? v : '');
  const address: PostalAddress = {
    first_name: s(d.billing.first_name),
    last_name: s(d.billing.last_name),
    company: s(d.billing.company),
    street_1: s(d.billing.street_1),
    street_2: s(d.billing.street_2),
    city: s(d.billing.city),
    state: s(d.billing.state),
    zip: s(d.billing.zip),
    country: s(d.billing.country) || 'United States',
    country_iso2: s(d.billing.country_iso2) || 'US',
    phone: s(d.billing.phone),
    email: s(d.billing.email),
  };
  const usd = store.currencies.get(1)!;
  return {
    id,
    customer_id: d.customerId,
    date_created: now,
    date_modified: now,
    date_shipped: null,
    status_id: d.statusId,
    channel_id: d.channelId ?? 1,
    currency_code: usd.currency_code,
    currency_id: usd.id,
    exchange_rate: 1,
    cart_id: d.cartId ?? null,
    billing_address: { ...address, form_fields: [] },
    shipping_address: address,
    lines,
    shipping_cost: 0,
    tax_rate: 0,
    discount: 0,
    payment_method: 'Manual',
    customer_message: '',
    is_email_opt_in: false,
    is_deleted: false,
    ip_address: '',
    refunded_amount: 0,
  };
}

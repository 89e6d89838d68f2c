// Runs in: Node (simulators). Owns: GET /v3/carts/{cartId} (carts.v3.yml getCart). Carts have no listing; a
// converted or deleted cart is gone (404), as in BigCommerce. `include=redirect_urls` adds the recovery links.
import type { Api } from '../api.js';
import { isoZ } from '../dates.js';
import { v3Error } from '../errors.js';
import type { Cart } from '../types.js';

export function cartRoutes(api: Api): void {
  api.route('GET', '/v3/carts/:cartId', 'store_cart', ({ store, req, q }) => {
    const cart = store.carts.get(req.params['cartId'] ?? '');
    if (!cart || cart.state === 'converted' || cart.state === 'deleted')
      return v3Error(404, 'Cart not found');
    const include = (q.get('include') ?? '').split(',');
    return { status: 200, body: { data: renderCart(cart, include.includes('redirect_urls')), meta: {} } };
  });
}

export function renderCart(c: Cart, withUrls: boolean): Record<string, unknown> {
  const amount = round(c.lines.reduce((s, l) => s + l.price * l.quantity, 0));
  const body: Record<string, unknown> = {
    id: c.id,
    customer_id: c.customer_id,
    channel_id: c.channel_id,
    email: c.email,
    currency: { code: c.currency },
    tax_included: false,
    base_amount: amount,
    discount_amount: 0,
    manual_discount_amount: 0,
    cart_amount: amount,
    coupons: [],
    discounts: [],
    line_items: {
      physical_items: c.lines.map((l, i) => ({
        id: `${c.id.slice(0, 24)}${String(i).padStart(12, '0')}`,
        variant_id: l.variant_id,
        product_id: l.product_id,
        sku: `SKU-${l.variant_id}`,
        name: l.name,
        url: `https://store.example.com/products/${l.product_id}/`,
        quantity: l.quantity,
        taxable: true,
        image_url: `https://cdn.example.com/products/${l.product_id}.jpg`,
        discounts: [],
        coupons: [],
        discount_amount: 0,
        coupon_amount: 0,
        list_price: l.price,
        sale_price: l.price,
        extended_list_price: round(l.price * l.quantity),
        extended_sale_price: round(l.price * l.quantity),
        is_require_shipping: true,
        is_mutable: true,
      })),
      digital_items: [],
      gift_certificates: [],
      custom_items: [],
    },
    created_time: isoZ(c.created),
    updated_time: isoZ(c.updated),
    locale: 'en',
    version: 1,
  };
  if (withUrls) {
    const checkout = c.cart_url.replace('action=load', 'action=loadInCheckout');
    body['redirect_urls'] = {
      cart_url: c.cart_url,
      checkout_url: checkout,
      embedded_checkout_url: checkout.replace('cart.php?', 'cart.php?embedded=1&'),
    };
  }
  return body;
}

const round = (n: number): number => Math.round(n * 100) / 100;

// Runs in: main (Electron-free). Owns: the Insight records: an order for the contact's order history, a
// visible product for Catalog_Default, an abandoned cart with its recovery URL, a subscriber's consent.
import type { Product } from '../../bigcommerce/schemas/catalog.js';
import type { Subscriber } from '../../bigcommerce/schemas/customers.js';
import type { Order, ShippingAddress } from '../../bigcommerce/schemas/orders.js';
import type { Cart } from './cart.js';

/** BigCommerce amounts arrive as 4-place decimal strings; Insight segments on numbers. */
const num = (v: string | number | null | undefined): number | null => {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};

interface LineLike {
  product_id?: number | null;
  variant_id?: number | null;
  name?: string | null;
  sku?: string | null;
  quantity?: number;
  price_inc_tax?: string | null;
  total_inc_tax?: string | null;
}

function orderLines(o: Order): LineLike[] {
  const c = o.consignments;
  if (!c) return [];
  const lines = (xs: unknown[]) => xs.flatMap((x) => (x as { line_items?: unknown[] }).line_items ?? []);
  const groups: unknown[] = [...lines(c.shipping), ...lines(c.pickups), ...lines(c.downloads)];
  // A consignment line may be a `{url, resource}` link when line items were not included.
  return groups.filter((l): l is LineLike => typeof l === 'object' && l !== null && 'quantity' in l);
}

export function orderJson(o: Order, email: string): Record<string, unknown> {
  const b = o.billing_address;
  const ship = o.consignments?.shipping[0] as Partial<ShippingAddress> | undefined;
  return {
    id: o.id,
    email,
    isGuest: o.customer_id === 0,
    customerId: o.customer_id === 0 ? null : o.customer_id,
    purchaseDate: o.date_created,
    status: o.status ?? null,
    currency: o.currency_code ?? o.default_currency_code ?? null,
    orderTotal: num(o.total_inc_tax),
    subtotal: num(o.subtotal_inc_tax),
    shipping: num(o.shipping_cost_inc_tax),
    tax: num(o.total_tax),
    discount: num(o.discount_amount),
    couponDiscount: num(o.coupon_discount),
    paymentMethod: o.payment_method ?? null,
    channelId: o.channel_id ?? null,
    billingAddress: b
      ? { city: b.city ?? null, state: b.state ?? null, postcode: b.zip ?? null, country: b.country ?? null }
      : null,
    deliveryAddress: ship
      ? {
          city: ship.city ?? null,
          state: ship.state ?? null,
          postcode: ship.zip ?? null,
          country: ship.country ?? null,
          method: ship.shipping_method ?? null,
        }
      : null,
    products: orderLines(o).map((l) => ({
      productId: l.product_id ?? null,
      variantId: l.variant_id ?? null,
      name: l.name ?? null,
      sku: l.sku ?? null,
      qty: l.quantity ?? 0,
      price: num(l.price_inc_tax),
      total: num(l.total_inc_tax),
    })),
  };
}

export function productJson(p: Product, storeUrl: string | undefined): Record<string, unknown> {
  const path = p.custom_url?.url;
  const image = p.primary_image ?? p.images?.find((i) => i.is_thumbnail) ?? p.images?.[0];
  return {
    id: p.id,
    name: p.name,
    sku: p.sku ?? null,
    type: p.type ?? null,
    price: num(p.price),
    salePrice: num(p.sale_price),
    calculatedPrice: num(p.calculated_price),
    url: path ? (storeUrl ? new URL(path, storeUrl).toString() : path) : null,
    imageUrl: image?.url_standard ?? image?.image_url ?? null,
    brandId: p.brand_id ?? null,
    categories: p.categories ?? [],
    stock: p.inventory_level ?? null,
    availability: p.availability ?? null,
    variants: (p.variants ?? []).map((v) => ({
      id: v.id,
      sku: v.sku ?? null,
      price: num(v.calculated_price ?? v.price),
      salePrice: num(v.sale_price),
      stock: v.inventory_level ?? null,
      imageUrl: v.image_url ?? null,
    })),
  };
}

export function cartJson(c: Cart): Record<string, unknown> {
  const items = [...(c.line_items?.physical_items ?? []), ...(c.line_items?.digital_items ?? [])];
  return {
    cartId: c.id,
    cartUrl: c.redirect_urls?.cart_url ?? null,
    checkoutUrl: c.redirect_urls?.checkout_url ?? null,
    createdDate: c.created_time ?? null,
    modifiedDate: c.updated_time ?? null,
    currency: c.currency?.code ?? null,
    subtotal: num(c.base_amount),
    discountAmount: num(c.discount_amount),
    grandTotal: num(c.cart_amount),
    lineItems: items.map((i) => ({
      productId: i.product_id ?? null,
      variantId: i.variant_id ?? null,
      sku: i.sku ?? null,
      name: i.name ?? null,
      productUrl: i.url ?? null,
      imageUrl: i.image_url ?? null,
      unitPrice: num(i.list_price),
      salePrice: num(i.sale_price),
      quantity: i.quantity ?? 0,
      totalPrice: num(i.extended_sale_price),
    })),
  };
}

/** dotdigital's ConsentInsight record; BigCommerce keeps no IP or user agent for a newsletter sign-up. */
export function consentJson(
  s: Subscriber,
  text: string,
  storeUrl: string | undefined,
): Record<string, unknown> {
  return {
    Text: text,
    DateTimeConsented: s.date_created,
    URL: storeUrl ?? '',
    IPAddress: '',
    UserAgent: '',
    Source: s.source ?? 'storefront',
  };
}

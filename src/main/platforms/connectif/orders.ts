// Runs in: main (Electron-free). Owns: a BigCommerce order as a Connectif purchase (lines, totals, payment
// method, cart id), with the contact and products it needs so delivery can create them if Connectif lacks them.
import type { Order, OrderProduct } from '../../bigcommerce/schemas/orders.js';
import type { Json, PurchasePayload } from './payloads.js';
import { lineProductId, productPageById } from './products.js';
import type { ConnectifSettings } from './schemas.js';
import { amount, compact, text } from './values.js';

/** Line items as the client normalises them: inline in the consignments (include=consignments.line_items). */
export function lineItems(o: Order): OrderProduct[] {
  const lists = [...(o.consignments?.shipping ?? []), ...(o.consignments?.pickups ?? [])].map(
    (c) => (c as { line_items?: unknown[] }).line_items ?? [],
  );
  return lists
    .flat()
    .filter((x): x is OrderProduct => typeof x === 'object' && x !== null && 'product_id' in x);
}

export function purchasePayload(
  o: Order,
  email: string,
  contact: Json,
  s: ConnectifSettings,
): PurchasePayload {
  const lines = lineItems(o);
  const products: Record<string, Json> = {};
  const body = lines.map((l) => {
    const productId = lineProductId(l, s);
    const unitPrice = amount(l.price_inc_tax) ?? amount(l.base_price) ?? 0;
    const item = compact({
      productId,
      name: text(l.name, 500) ?? `Product ${productId}`,
      productDetailUrl: productPageById(s, l.product_id ?? 0),
      unitPrice,
      quantity: l.quantity,
      price: amount(l.total_inc_tax) ?? Math.round(unitPrice * l.quantity * 100) / 100,
      brand: text(l.brand),
    });
    products[productId] ??= { name: item.name, productDetailUrl: item.productDetailUrl, unitPrice };
    return item;
  });
  return {
    type: 'purchase',
    label: `order ${o.id}`,
    problem: lines.length === 0 ? 'has no line items (Connectif needs at least one product)' : undefined,
    body: compact({
      purchaseId: String(o.id),
      contactEmail: email,
      purchaseDate: o.date_created,
      totalPrice: amount(o.total_inc_tax) ?? 0,
      totalQuantity: lines.reduce((n, l) => n + l.quantity, 0),
      paymentMethod: text(o.payment_method),
      cartId: text(o.cart_id),
      products: body,
    }),
    contact,
    products,
  };
}

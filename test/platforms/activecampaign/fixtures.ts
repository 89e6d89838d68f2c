// Runs in: vitest. Owns: a small seeded store as staged records, built through the BigCommerce client's own
// schemas so the connector sees what the extractor would stage.
import type { StagedRecord } from '../../../src/main/engine/connector.js';
import { customer, subscriber } from '../../../src/main/bigcommerce/schemas/customers.js';
import { order } from '../../../src/main/bigcommerce/schemas/orders.js';
import { product } from '../../../src/main/bigcommerce/schemas/catalog.js';

export const LONG_FIRST = 'Maximiliana-'.repeat(20).slice(0, 200);

const staged = (
  resource: StagedRecord['resource'],
  id: string | number,
  data: unknown,
  dateModified: string,
  deleted = false,
): StagedRecord => ({
  storeId: 'store-1',
  resource,
  id: String(id),
  dateModified,
  data,
  deleted,
  historical: true,
});

export function customerRecord(
  id: number,
  email: string,
  first: string,
  last: string,
  modified = '2025-03-01T10:00:00Z',
  extra: Record<string, unknown> = {},
): StagedRecord {
  const data = customer.parse({
    id,
    email,
    first_name: first,
    last_name: last,
    company: 'Acme',
    phone: '+55 11 5555-0000',
    date_created: '2024-01-02T03:04:05Z',
    date_modified: modified,
    form_fields: [{ name: 'Favourite colour', value: 'Teal' }],
    ...extra,
  });
  return staged('customers', id, data, data.date_modified);
}

export function subscriberRecord(
  id: number,
  email: string,
  consents: string[],
  modified = '2025-03-02T10:00:00Z',
): StagedRecord {
  const data = subscriber.parse({
    id,
    email,
    first_name: 'Sub',
    last_name: `Scriber ${id}`,
    source: 'storefront',
    consents,
    date_created: modified,
    date_modified: modified,
  });
  return staged('subscribers', id, data, data.date_modified);
}

interface OrderSeed {
  id: number;
  customerId: number;
  email: string;
  statusId?: number;
  cartId?: string;
  optIn?: boolean;
  modified?: string;
  currency?: string;
  lines?: Array<{ productId: number; variantId: number; name: string; price: string; qty: number }>;
}

export function orderRecord(s: OrderSeed): StagedRecord {
  const lines = s.lines ?? [
    { productId: 77, variantId: 701, name: 'Café Mug – Blue', price: '12.5000', qty: 2 },
    { productId: 78, variantId: 802, name: 'T-shirt (L)', price: '20.0000', qty: 1 },
  ];
  const modified = s.modified ?? '2025-04-01T12:00:00Z';
  const data = order.parse({
    id: s.id,
    customer_id: s.customerId,
    date_created: '2025-04-01T11:00:00Z',
    date_modified: modified,
    date_shipped: '',
    status_id: s.statusId ?? 11,
    status: 'Awaiting Fulfillment',
    subtotal_inc_tax: '45.0000',
    shipping_cost_ex_tax: '5.0000',
    total_tax: '4.5000',
    total_inc_tax: '54.5000',
    discount_amount: '0.0000',
    coupon_discount: '0.0000',
    currency_code: s.currency ?? 'USD',
    cart_id: s.cartId ?? null,
    is_email_opt_in: s.optIn ?? false,
    billing_address: { first_name: 'Bill', last_name: `Payer ${s.id}`, email: s.email },
    consignments: {
      shipping: [
        {
          id: 1,
          shipping_method: 'Flat Rate',
          line_items: lines.map((l, i) => ({
            id: s.id * 10 + i,
            order_id: s.id,
            product_id: l.productId,
            variant_id: l.variantId,
            name: l.name,
            sku: `SKU-${l.variantId}`,
            quantity: l.qty,
            price_inc_tax: l.price,
          })),
        },
      ],
      pickups: [],
      downloads: [],
    },
  });
  return staged('orders', s.id, data, modified);
}

export function cartRecord(
  id: string,
  email: string,
  customerId: number,
  modified = '2025-04-02T09:00:00Z',
): StagedRecord {
  const data = {
    id,
    customer_id: customerId,
    email,
    currency: { code: 'USD' },
    cart_amount: 31.5,
    discount_amount: 0,
    created_time: '2025-04-02T08:00:00Z',
    updated_time: modified,
    line_items: {
      physical_items: [
        {
          id: 'li-1',
          product_id: 77,
          variant_id: 702,
          sku: 'SKU-702',
          name: 'Café Mug – Red',
          url: 'https://shop.example.com/mug',
          image_url: 'https://cdn.example.com/mug.jpg',
          quantity: 1,
          sale_price: 12.5,
          list_price: 12.5,
        },
      ],
      digital_items: [
        {
          id: 'li-2',
          product_id: 90,
          variant_id: 900,
          sku: 'EBOOK',
          name: 'E-book',
          quantity: 1,
          sale_price: 19,
          list_price: 19,
        },
      ],
    },
    redirect_urls: { cart_url: `https://shop.example.com/cart.php?action=load&id=${id}&token=abc` },
  };
  return staged('carts', id, data, modified);
}

export function productRecord(id: number): StagedRecord {
  const data = product.parse({
    id,
    name: 'Café Mug',
    price: '12.50',
    date_created: '2024-01-01T00:00:00Z',
    date_modified: '2025-01-01T00:00:00Z',
    variants: [
      { id: 701, product_id: id, sku: 'SKU-701', price: '12.50' },
      { id: 702, product_id: id, sku: 'SKU-702', price: '12.50' },
    ],
  });
  return staged('products', id, data, data.date_modified);
}

/** The seeded store: unicode and very long names, a guest order, a deleted customer, subscribers who are not customers, products with variants, an abandoned cart. */
export function seedStore(): StagedRecord[] {
  return [
    customerRecord(1, 'Zoe@Example.com', 'Zoë', 'Ñúñez-渡辺'),
    customerRecord(2, 'long@example.com', LONG_FIRST, 'O’Connor'),
    customerRecord(3, 'bob@example.com', 'Bob', 'Builder'),
    staged('customers', 4, undefined, '2025-03-05T00:00:00Z', true),
    subscriberRecord(10, 'carol@example.com', ['marketing_newsletter']),
    subscriberRecord(11, 'dave@example.com', []),
    productRecord(77),
    orderRecord({ id: 1001, customerId: 1, email: 'zoe@example.com' }),
    orderRecord({ id: 1002, customerId: 0, email: 'guest@example.com', optIn: true }),
    orderRecord({ id: 1003, customerId: 3, email: 'bob@example.com', statusId: 0 }),
    cartRecord('cart-aaa', 'bob@example.com', 3),
  ];
}

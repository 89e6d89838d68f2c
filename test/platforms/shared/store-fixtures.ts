// Runs in: vitest. Owns: a small seeded BigCommerce store as staged records, built through the BigCommerce
// client's own schemas so every connector sees what the extractor would stage.
import { product } from '../../../src/main/bigcommerce/schemas/catalog.js';
import { customer, subscriber } from '../../../src/main/bigcommerce/schemas/customers.js';
import { order } from '../../../src/main/bigcommerce/schemas/orders.js';
import type { StagedRecord } from '../../../src/main/engine/connector.js';

export const LONG_FIRST = 'Maximiliana-'.repeat(25).slice(0, 250);
export const STORE_URL = 'https://shop.mybigcommerce.com';
export const CDN = 'https://cdn11.bigcommerce.com';

export function staged(
  resource: StagedRecord['resource'],
  id: string | number,
  data: unknown,
  dateModified: string,
  deleted = false,
): StagedRecord {
  return { storeId: 'store-1', resource, id: String(id), dateModified, data, deleted, historical: true };
}

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
    phone: '+55 11 5555-0000',
    date_created: '2024-01-02T03:04:05Z',
    date_modified: modified,
    channel_ids: null,
    addresses: [
      {
        id: id * 10,
        customer_id: id,
        address1: 'Rua Augusta 1',
        address2: 'apto 3',
        city: 'São Paulo',
        state_or_province: 'SP',
        postal_code: '01305-000',
        country: 'Brazil',
        country_code: 'BR',
      },
    ],
    form_fields: [
      { name: 'Favourite colour', value: 'Teal' },
      { name: 'Interests', value: ['Coffee', 'Books'] },
    ],
    ...extra,
  });
  return staged('customers', id, data, data.date_modified);
}

export function subscriberRecord(
  id: number,
  email: string,
  consents: string[],
  modified = '2025-03-02T10:00:00Z',
) {
  const data = subscriber.parse({
    id,
    email,
    first_name: 'Sub',
    last_name: `Scriber ${id}`,
    source: 'storefront',
    consents,
    channel_id: 1,
    date_created: modified,
    date_modified: modified,
  });
  return staged('subscribers', id, data, data.date_modified);
}

export interface Line {
  productId: number;
  variantId: number;
  /** Default: `SKU-{variantId}`. */
  sku?: string;
  name: string;
  price: string;
  qty: number;
}

const defaultLines: Line[] = [
  { productId: 77, variantId: 701, sku: 'MUG-BLUE', name: 'Café Mug – Blue', price: '12.5000', qty: 2 },
  { productId: 78, variantId: 801, sku: 'TEE-L', name: 'T-shirt (L)', price: '20.0000', qty: 1 },
];

export function orderRecord(s: {
  id: number;
  customerId: number;
  email: string;
  statusId?: number;
  modified?: string;
  currency?: string;
  lines?: Line[];
  /** Default: `cart-of-{id}`; null for an order placed without a cart. */
  cartId?: string | null;
  /** The checkout's "accept marketing" box; absent unless given. */
  optIn?: boolean;
  /** Fields set over the built order (before it is parsed), e.g. a platform's own money breakdown. */
  extra?: Record<string, unknown>;
}): StagedRecord {
  const lines = s.lines ?? defaultLines;
  const modified = s.modified ?? '2025-04-01T12:00:00Z';
  const total = lines.reduce((n, l) => n + Number(l.price) * l.qty, 0) + 5;
  const data = order.parse({
    id: s.id,
    customer_id: s.customerId,
    date_created: '2025-04-01T11:00:00Z',
    date_modified: modified,
    date_shipped: '',
    status_id: s.statusId ?? 11,
    status: 'Awaiting Fulfillment',
    total_inc_tax: total.toFixed(4),
    currency_code: s.currency ?? 'USD',
    payment_method: 'Credit Card',
    cart_id: s.cartId === undefined ? `cart-of-${s.id}` : s.cartId,
    ...(s.optIn === undefined ? {} : { is_email_opt_in: s.optIn }),
    channel_id: 1,
    billing_address: {
      first_name: 'Gästé',
      last_name: `Payer ${s.id}`,
      email: s.email,
      street_1: '1 Guest Street',
      city: 'Lisboa',
      state: 'Lisboa',
      zip: '1000-001',
      country: 'Portugal',
      phone: '+351 912 345 678',
    },
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
            sku: l.sku ?? `SKU-${l.variantId}`,
            quantity: l.qty,
            price_inc_tax: l.price,
            total_inc_tax: (Number(l.price) * l.qty).toFixed(4),
          })),
        },
      ],
      pickups: [],
      downloads: [],
    },
    ...s.extra,
  });
  return staged('orders', s.id, data, modified);
}

export function productRecord(
  id: number,
  name: string,
  modified = '2025-01-01T00:00:00Z',
  extra = {},
): StagedRecord {
  const data = product.parse({
    id,
    name,
    sku: `P-${id}`,
    description: '<p>A <b>fine</b> thing.</p>',
    price: '25.00',
    sale_price: '20.00',
    calculated_price: '20.00',
    inventory_tracking: 'product',
    inventory_level: 7,
    is_visible: true,
    custom_url: { url: `/item-${id}/` },
    date_created: '2024-01-01T00:00:00Z',
    date_modified: modified,
    reviews_rating_sum: 9,
    reviews_count: 2,
    related_products: [-1],
    primary_image: {
      id: 1,
      product_id: id,
      url_standard: `${CDN}/s-abc/images/stencil/500x659/products/${id}/1/a.jpg`,
      url_thumbnail: `${CDN}/s-abc/images/stencil/100x100/products/${id}/1/a.jpg`,
    },
    variants: [
      { id: id * 10 + 1, product_id: id, sku: `P-${id}-S`, price: '25.00', inventory_level: 3 },
      { id: id * 10 + 2, product_id: id, sku: `P-${id}-L`, price: '27.00', inventory_level: 0 },
    ],
    ...extra,
  });
  return staged('products', id, data, data.date_modified);
}

export function cartRecord(
  id: string,
  email: string,
  modified = '2025-04-02T09:00:00Z',
  extra: Record<string, unknown> = {},
): StagedRecord {
  const data = {
    id,
    customer_id: 0,
    email,
    channel_id: 1,
    currency: { code: 'USD' },
    cart_amount: 31.5,
    updated_time: modified,
    line_items: {
      physical_items: [
        { product_id: 77, variant_id: 701, sku: 'MUG-BLUE', name: 'Café Mug', quantity: 2, sale_price: 12.5 },
      ],
      digital_items: [],
    },
    redirect_urls: { cart_url: `${STORE_URL}/cart.php?action=load&id=${id}&token=abc` },
    ...extra,
  };
  return staged('carts', id, data, modified);
}

/** Unicode and very long names, a guest order, a deleted customer, subscribers who are not customers, products with variants, an abandoned cart. */
export function seedStore(): StagedRecord[] {
  return [
    customerRecord(1, 'Zoe@Example.com', 'Zoë', 'Ñúñez-渡辺'),
    customerRecord(2, 'long@example.com', LONG_FIRST, 'O’Connor'),
    customerRecord(3, 'bob@example.com', 'Bob', 'Builder'),
    staged('customers', 4, undefined, '2025-03-05T00:00:00Z', true),
    subscriberRecord(10, 'carol@example.com', ['marketing_newsletter']),
    subscriberRecord(11, 'dave@example.com', []),
    productRecord(77, 'Café Mug'),
    productRecord(78, 'T-shirt'),
    orderRecord({ id: 1001, customerId: 1, email: 'zoe@example.com' }),
    orderRecord({ id: 1002, customerId: 0, email: 'Guest@Example.com' }),
    orderRecord({ id: 1003, customerId: 3, email: 'bob@example.com', statusId: 0 }),
    cartRecord('cart-aaa', 'bob@example.com'),
  ];
}

// Runs in: vitest. Owns: a small seeded store as staged records in the shapes the BigCommerce client
// normalises: customers (unicode, very long names, one deleted, one on an ignored domain), subscribers who are
// not customers, a registered and a guest order, products with variants, an abandoned cart with its recovery URL.
import type { StagedRecord } from '../../../src/main/engine/connector.js';

export const T0 = '2026-01-05T10:00:00.000Z';
export const longFirst = 'Maximiliano'.repeat(20);
export const longLast = 'Wolfeschlegelsteinhausenbergerdorff'.repeat(6);

export function staged(
  resource: StagedRecord['resource'],
  id: string | number,
  data: unknown,
  o: { historical?: boolean; dateModified?: string; deleted?: boolean } = {},
): StagedRecord {
  return {
    storeId: 'store-1',
    resource,
    id: String(id),
    dateModified: o.dateModified ?? T0,
    data: o.deleted ? undefined : data,
    deleted: o.deleted ?? false,
    historical: o.historical ?? true,
  };
}

export function customer(id: number, email: string, over: Record<string, unknown> = {}) {
  return {
    id,
    email,
    first_name: 'Ana',
    last_name: 'Silva',
    company: 'Silva Lda',
    phone: '+351 912 345 678',
    notes: 'VIP',
    customer_group_id: 2,
    date_created: '2024-03-01T12:00:00.000Z',
    date_modified: T0,
    addresses: [
      {
        id: id * 10,
        customer_id: id,
        first_name: 'Ana',
        last_name: 'Silva',
        address1: 'Rua Augusta 1',
        address2: '2º Esq',
        city: 'Lisboa',
        state_or_province: 'Lisboa',
        postal_code: '1100-048',
        country_code: 'PT',
        country: 'Portugal',
        phone: '+351 912 345 678',
      },
    ],
    ...over,
  };
}

export function subscriber(
  id: number,
  email: string,
  consents: string[],
  over: Record<string, unknown> = {},
) {
  return {
    id,
    email,
    first_name: 'Sub',
    last_name: `Scriber ${id}`,
    source: 'storefront',
    order_id: null,
    channel_id: 1,
    consents,
    date_created: '2025-06-01T08:00:00.000Z',
    date_modified: T0,
    ...over,
  };
}

export function order(id: number, customerId: number, email: string, over: Record<string, unknown> = {}) {
  return {
    id,
    customer_id: customerId,
    date_created: '2025-12-01T09:30:00.000Z',
    date_modified: T0,
    date_shipped: null,
    status_id: 11,
    status: 'Awaiting Fulfillment',
    total_inc_tax: '55.0000',
    discount_amount: '0.0000',
    currency_code: 'EUR',
    payment_method: 'Credit Card',
    is_deleted: false,
    billing_address: {
      first_name: 'Gus',
      last_name: 'Guest',
      street_1: 'Calle Mayor 5',
      city: 'Madrid',
      state: 'Madrid',
      zip: '28013',
      country: 'Spain',
      country_iso2: 'ES',
      phone: '+34 600 000 000',
      email,
    },
    consignments: {
      shipping: [
        {
          id: 1,
          line_items: [
            { id: id * 100, order_id: id, product_id: 77, variant_id: 771, name: 'Café mug ☕', quantity: 2 },
            { id: id * 100 + 1, order_id: id, product_id: 78, variant_id: 781, name: 'Tea pot', quantity: 1 },
          ],
        },
      ],
      pickups: [],
      downloads: [],
    },
    ...over,
  };
}

export function product(id: number, visible: boolean) {
  return {
    id,
    name: `Café mug ${id}`,
    type: 'physical',
    sku: `MUG-${id}`,
    description: '<p>A <b>big</b> mug&nbsp;for coffee</p>',
    price: '25.0000',
    sale_price: '20.0000',
    is_visible: visible,
    categories: [18, 23],
    inventory_level: 12,
    inventory_tracking: 'variant',
    custom_url: { url: `/cafe-mug-${id}/`, is_customized: false },
    date_created: '2024-01-01T00:00:00.000Z',
    date_modified: T0,
    primary_image: { id: 1, url_standard: `https://cdn.example.com/${id}.jpg` },
    images: [{ id: 1, url_standard: `https://cdn.example.com/${id}.jpg` }],
    variants: [
      { id: id * 10 + 1, product_id: id, sku: `MUG-${id}-RED`, price: '25.0000', inventory_level: 5 },
      { id: id * 10 + 2, product_id: id, sku: `MUG-${id}-BLUE`, price: '26.0000', inventory_level: 7 },
    ],
  };
}

export function cart(id: string, email: string, updated = '2026-01-05T09:10:00.000Z', amount = 40) {
  return {
    id,
    customer_id: 0,
    email,
    currency: { code: 'EUR' },
    cart_amount: amount,
    created_time: '2026-01-05T09:00:00.000Z',
    updated_time: updated,
    line_items: {
      physical_items: [{ product_id: 77, variant_id: 771, sku: 'MUG-77-RED', name: 'Café mug', quantity: 2 }],
      digital_items: [],
    },
    redirect_urls: { cart_url: `https://shop.example.com/cart.php?action=load&id=${id}&token=abc` },
  };
}

export const people = {
  ana: 'ana.silva@example.com',
  zoe: 'Zoe.Orsted@Example.com',
  long: 'long.name@example.com',
  guest: 'gus.guest@example.net',
  subOnly: 'only.subscriber@example.org',
  noConsent: 'no.consent@example.org',
  ignored: 'staff@internal.test',
};

/** The historical seed: what a first sync of the store stages. */
export function seed(): StagedRecord[] {
  return [
    staged('customers', 1, customer(1, people.ana)),
    staged(
      'customers',
      2,
      customer(2, people.zoe, { first_name: 'Zoë', last_name: 'Ørsted 山田太郎', addresses: [] }),
    ),
    staged('customers', 3, customer(3, people.long, { first_name: longFirst, last_name: longLast })),
    staged('customers', 4, undefined, { deleted: true }),
    staged('customers', 5, customer(5, people.ignored)),
    staged('subscribers', 11, subscriber(11, people.ana, ['marketing_newsletter'])),
    staged('subscribers', 12, subscriber(12, people.subOnly, ['marketing_newsletter'])),
    staged('subscribers', 13, subscriber(13, people.noConsent, [])),
    staged('orders', 1001, order(1001, 1, people.ana)),
    staged('orders', 1002, order(1002, 0, people.guest)),
    staged('products', 77, product(77, true)),
    staged('products', 78, product(78, false)),
  ];
}

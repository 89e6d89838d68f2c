// Runs in: vitest. Owns: records shaped as the BigCommerce client normalises them (v3 customers with
// addresses, attributes and form fields; v2 orders with billing address and consignments), and platform fields.
import type { RemoteFieldInput } from '../../src/main/mapping/catalogue.js';

export function customer(id: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    email: `person${id}@example.com`,
    first_name: '  Ana ',
    last_name: 'Souza',
    company: null,
    phone: '(11) 91234-5678',
    notes: '',
    customer_group_id: 0,
    date_created: '2024-03-05T01:30:00.000Z',
    date_modified: '2024-03-06T12:00:00.000Z',
    accepts_product_review_abandoned_cart_emails: true,
    origin_channel_id: 1,
    channel_ids: [1, 2],
    addresses: [
      {
        id: 10 + id,
        customer_id: id,
        first_name: 'Ana',
        last_name: 'Souza',
        address1: 'Rua A, 1',
        city: 'São Paulo',
        postal_code: '01000-000',
        country_code: 'BR',
        country: 'Brazil',
        phone: '11 3333-4444',
        address_type: 'residential',
        form_fields: [{ name: 'Gate code', value: '1234' }],
      },
    ],
    attributes: [{ id: 99, attribute_id: 1, attribute_value: 'gold', customer_id: id }],
    form_fields: [
      { name: 'Newsletter topics', value: ['Cycling', 'Running'], customer_id: id },
      { name: 'Shoe size', value: 42, customer_id: id },
      { name: 'Birthday', value: '1990-05-14', customer_id: id },
    ],
    ...over,
  };
}

export function order(id: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    customer_id: 0,
    date_created: '2024-03-05T21:40:11.000Z',
    date_modified: '2024-03-05T21:40:11.000Z',
    status_id: 11,
    status: 'Awaiting Fulfillment',
    total_inc_tax: '69.8400',
    currency_code: 'BRL',
    billing_address: {
      first_name: 'Guest',
      last_name: 'Shopper',
      email: 'guest@example.com',
      country_iso2: 'BR',
      form_fields: [{ name: 'Gift note', value: 'Parabéns!' }],
    },
    consignments: {
      shipping: [{ id: 1, city: 'Rio', zip: '20000-000', shipping_method: 'PAC' }],
      pickups: [],
      downloads: [],
    },
    ...over,
  };
}

/** A platform's field catalogue, as a connector's fieldCatalogue() would answer. */
export const platformFields: RemoteFieldInput[] = [
  { key: 'email', label: 'Email', type: 'text', custom: false, required: true },
  { key: 'first_name', label: 'First name', type: 'text', custom: false },
  { key: 'last_name', label: 'Last name', type: 'text', custom: false },
  { key: 'mobile', label: 'Mobile phone', type: 'text', custom: false },
  { key: 'birthdate', label: 'Birthdate', type: 'date', custom: false },
  { key: 'signup', label: 'Signed up', type: 'date', custom: false },
  { key: 'accepts', label: 'Accepts marketing', type: 'boolean', custom: false },
  { key: 'topics', label: 'Topics', type: 'list', custom: true, multi: true },
  { key: 'shoe_size', label: 'Shoe size', type: 'number', custom: true },
  { key: 'tier', label: 'Loyalty tier', type: 'text', custom: true },
  { key: 'total', label: 'Order total', type: 'number', custom: false },
];

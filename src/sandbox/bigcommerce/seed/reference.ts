// Runs in: Node (simulators). Owns: the small fixed tables of a seeded store: channels, currencies, order
// statuses, custom form fields, customer attributes, brands and categories.
import { Rng } from '../rng.js';
import type { Brand, Category, Channel, Currency, CustomerAttribute, FormFieldDef } from '../types.js';
import { ADJECTIVES, COLOURS, HEARD_FROM, NOUNS, TOPICS } from './words.js';

export const ORDER_STATUSES: Array<[number, string, string]> = [
  [
    0,
    'Incomplete',
    'An incomplete order happens when a shopper reached the payment page, but did not complete the transaction.',
  ],
  [1, 'Pending', 'Customer started the checkout process, but did not complete it.'],
  [
    2,
    'Shipped',
    'Order has been shipped, but receipt has not been confirmed; seller has used the Ship Items action.',
  ],
  [
    3,
    'Partially Shipped',
    'Only some items in the order have been shipped, due to some products being pre-order only or other reasons.',
  ],
  [4, 'Refunded', 'Seller has used the Refund action.'],
  [5, 'Cancelled', 'Seller has cancelled an order, due to a stock inconsistency or other reasons.'],
  [6, 'Declined', 'Seller has marked the order as declined for lack of manual payment, or other reasons.'],
  [7, 'Awaiting Payment', 'Customer has completed checkout process, but payment has yet to be confirmed.'],
  [
    8,
    'Awaiting Pickup',
    'Order has been pulled, and is awaiting customer pickup from a seller-specified location.',
  ],
  [
    9,
    'Awaiting Shipment',
    'Order has been pulled and packaged, and is awaiting collection from a shipping provider.',
  ],
  [
    10,
    'Completed',
    'Client has paid for their digital product and their file(s) are available for download.',
  ],
  [11, 'Awaiting Fulfillment', 'Customer has completed the checkout process and payment has been confirmed.'],
  [12, 'Manual Verification Required', 'Order on hold while some aspect needs to be manually confirmed.'],
  [
    13,
    'Disputed',
    'Customer has initiated a dispute resolution process for the PayPal transaction that paid for the order.',
  ],
  [14, 'Partially Refunded', 'Seller has partially refunded the order.'],
];

export const FORM_FIELDS: FormFieldDef[] = [
  { name: 'Nickname', type: 'text' },
  { name: 'Newsletter topics', type: 'checkbox', options: TOPICS },
  { name: 'How did you hear about us?', type: 'radio', options: HEARD_FROM },
  { name: 'Birthday', type: 'date' },
  { name: 'Shoe size', type: 'number' },
];

export function channels(start: number): Channel[] {
  const base = { date_created: start, date_modified: start };
  return [
    {
      id: 1,
      name: 'Main storefront',
      type: 'storefront',
      platform: 'bigcommerce',
      status: 'active',
      ...base,
    },
    { id: 2, name: 'Loja Brasil', type: 'storefront', platform: 'bigcommerce', status: 'active', ...base },
    { id: 3, name: 'Amazon US', type: 'marketplace', platform: 'amazon', status: 'connected', ...base },
  ];
}

export function currencies(start: number): Currency[] {
  const rows: Array<[string, string, string, number, string]> = [
    ['USD', 'US Dollar', '$', 1, 'US'],
    ['EUR', 'Euro', '€', 0.92, 'DE'],
    ['GBP', 'British Pound', '£', 0.79, 'GB'],
    ['BRL', 'Real brasileiro', 'R$', 5.05, 'BR'],
  ];
  return rows.map(([code, name, token, rate, iso], i) => ({
    id: i + 1,
    currency_code: code,
    name,
    token,
    exchange_rate: rate,
    is_default: i === 0,
    country_iso2: iso,
    date_modified: start,
  }));
}

export function attributes(start: number): CustomerAttribute[] {
  const base = { date_created: start, date_modified: start };
  return [
    { id: 1, name: 'Loyalty tier', type: 'string', ...base },
    { id: 2, name: 'Lifetime points', type: 'number', ...base },
    { id: 3, name: 'First purchase', type: 'date', ...base },
  ];
}

export function brands(count: number, seed: number, start: number): Brand[] {
  const rng = new Rng(seed ^ 0xb4a9d);
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    name: `${rng.pick(ADJECTIVES)} ${rng.pick(COLOURS)} Co. ${i + 1}`,
    date_modified: start,
  }));
}

export function categories(count: number, start: number): Category[] {
  // Every fourth category is a top-level one; the rest hang under the previous top level.
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    parent_id: i % 4 === 0 ? 0 : Math.floor(i / 4) * 4 + 1,
    name: `${NOUNS[i % NOUNS.length]} ${i % 4 === 0 ? 'collection' : 'range'} ${i + 1}`,
    is_visible: i % 7 !== 6,
    sort_order: i,
    date_modified: start,
  }));
}

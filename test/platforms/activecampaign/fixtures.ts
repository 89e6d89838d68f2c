// Runs in: vitest. Owns: the seeded store the ActiveCampaign tests use: the shared store fixtures, with the
// order money breakdown, carts and checkout opt-in its Deep Data mapping is checked against.
import type { StagedRecord } from '../../../src/main/engine/connector.js';
import {
  cartRecord as sharedCart,
  customerRecord,
  LONG_FIRST,
  orderRecord as sharedOrder,
  productRecord,
  seedStore as sharedSeed,
  staged,
  subscriberRecord,
  type Line,
} from '../shared/store-fixtures.js';

export { customerRecord, LONG_FIRST, productRecord, staged, subscriberRecord };

/** Subtotal 45 + shipping 5 + tax 4.5: the figures the ActiveCampaign order is checked to carry in cents. */
const money = {
  subtotal_inc_tax: '45.0000',
  shipping_cost_ex_tax: '5.0000',
  total_tax: '4.5000',
  total_inc_tax: '54.5000',
  discount_amount: '0.0000',
  coupon_discount: '0.0000',
};

const lines: Line[] = [
  { productId: 77, variantId: 701, name: 'Café Mug – Blue', price: '12.5000', qty: 2 },
  { productId: 78, variantId: 802, name: 'T-shirt (L)', price: '20.0000', qty: 1 },
];

/** An order placed without a cart unless `cartId` says which, opted out of marketing unless `optIn`. */
export function orderRecord(s: Parameters<typeof sharedOrder>[0]): StagedRecord {
  return sharedOrder({
    ...s,
    lines: s.lines ?? lines,
    cartId: s.cartId ?? null,
    optIn: s.optIn ?? false,
    extra: { ...money, ...s.extra },
  });
}

/** A cart of a known customer (0 for a guest) with a physical and a digital item, on shop.example.com. */
export function cartRecord(
  id: string,
  email: string,
  customerId: number,
  modified = '2025-04-02T09:00:00Z',
): StagedRecord {
  return sharedCart(id, email, modified, {
    customer_id: customerId,
    discount_amount: 0,
    created_time: '2025-04-02T08:00:00Z',
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
  });
}

/**
 * The shared store's people (unicode and very long names, a deleted customer, subscribers who are not
 * customers), a product, orders of which a guest's opted in at checkout and one is incomplete, an abandoned cart.
 */
export function seedStore(): StagedRecord[] {
  const people = sharedSeed().filter((r) => r.resource === 'customers' || r.resource === 'subscribers');
  return [
    ...people,
    productRecord(77, 'Café Mug'),
    orderRecord({ id: 1001, customerId: 1, email: 'zoe@example.com' }),
    orderRecord({ id: 1002, customerId: 0, email: 'guest@example.com', optIn: true }),
    orderRecord({ id: 1003, customerId: 3, email: 'bob@example.com', statusId: 0 }),
    cartRecord('cart-aaa', 'bob@example.com', 3),
  ];
}

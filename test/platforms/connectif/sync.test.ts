// Runs in: vitest. Owns: the seeded store synced historically then live into the Connectif simulator: counts
// and sampled records field by field, nothing resent, a change sent once, the historical/live flag, carts.
import { afterEach, describe, expect, it } from 'vitest';
import {
  customerRecord,
  LONG_FIRST,
  orderRecord,
  productRecord,
  seedStore,
  cartRecord,
  STORE_URL,
  CDN,
} from './fixtures.js';
import { CART_ALIAS, harness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Rec = Record<string, unknown>;

describe('Connectif historical and live sync', () => {
  it('plans contacts before their purchases, keyed by the lower-cased email', async () => {
    h = await harness();
    const ctx = { settings: h.settings, connectionId: 'conn-a', storeId: 'store-1' };
    const guest = h.connector.plan(orderRecord({ id: 7, customerId: 0, email: 'Mixed@Case.COM' }), ctx);
    expect(guest.map((j) => [j.entityType, j.priority, j.contactKey])).toEqual([
      ['contact', 0, 'mixed@case.com'],
      ['purchase', 1, 'mixed@case.com'],
    ]);
    expect(h.connector.plan(seedStore()[3]!, ctx)).toEqual([]); // the deleted customer
  });

  it('sends the seeded store once, field by field, and nothing again on a second run', async () => {
    h = await harness();
    const first = h.enqueue(seedStore(), true);
    const out = await h.drainAll();
    expect(out.dead).toBe(0);
    const contacts = await h.simGet<Rec[]>('/__sim/contacts');
    expect(contacts.map((c) => c['_email']).sort()).toEqual([
      'bob@example.com',
      'carol@example.com',
      'dave@example.com',
      'guest@example.com',
      'long@example.com',
      'zoe@example.com',
    ]);
    const zoe = contacts.find((c) => c['_email'] === 'zoe@example.com')!;
    expect(zoe).toMatchObject({
      _name: 'Zoë',
      _surname: 'Ñúñez-渡辺',
      _mobilePhone: '+551155550000',
      street: 'Rua Augusta 1, apto 3',
      city: 'São Paulo',
      state: 'SP',
      country: 'Brazil',
      zip: '01305-000',
      fav_colour: 'Teal',
      interests: ['0', '2'],
      _newsletterSubscriptionStatus: 'none',
      _totalPurchases: 1,
      _totalPurchasesAmount: 50,
    });
    expect(contacts.find((c) => c['_email'] === 'long@example.com')!['_name']).toBe(LONG_FIRST);
    expect(contacts.find((c) => c['_email'] === 'carol@example.com')!['_newsletterSubscriptionStatus']).toBe(
      'subscribed',
    );
    // A historical empty consent list never changes consent.
    expect(contacts.find((c) => c['_email'] === 'dave@example.com')!['_newsletterSubscriptionStatus']).toBe(
      'none',
    );
    expect(contacts.find((c) => c['_email'] === 'guest@example.com')).toMatchObject({
      _name: 'Gästé',
      _surname: 'Payer 1002',
      _mobilePhone: '+351912345678',
      city: 'Lisboa',
      _totalPurchases: 1,
    });

    const products = await h.simGet<Rec[]>('/__sim/products');
    expect(products.map((p) => p['productId']).sort()).toEqual(['77', '78']);
    expect(products.find((p) => p['productId'] === '77')).toMatchObject({
      name: 'Café Mug',
      productDetailUrl: `${STORE_URL}/item-77/`,
      unitPrice: 20,
      unitPriceOriginal: 25,
      discountedAmount: 5,
      discountedPercentage: 20,
      availability: 'instock',
      inStockUnits: 7,
      imageUrl: `${CDN}/s-abc/images/stencil/500x659/products/77/1/a.jpg`,
      thumbnailUrl: `${CDN}/s-abc/images/stencil/160x160/products/77/1/a.jpg`,
      rating: 4.5,
      ratingCount: 2,
      description: 'A fine thing.',
    });

    const purchases = await h.simGet<Rec[]>('/__sim/purchases');
    expect(purchases.map((p) => p['purchaseId']).sort()).toEqual(['1001', '1002']); // 1003 is Incomplete
    const p1 = purchases.find((p) => p['purchaseId'] === '1001')!;
    expect(p1).toMatchObject({
      contactEmail: 'zoe@example.com',
      purchaseDate: '2025-04-01T11:00:00.000Z',
      totalPrice: 50,
      totalQuantity: 3,
      paymentMethod: 'Credit Card',
      cartId: 'cart-of-1001',
      triggerPurchaseEvent: false,
    });
    expect(p1['products']).toEqual([
      {
        productId: '77',
        name: 'Café Mug – Blue',
        productDetailUrl: `${STORE_URL}/products.php?productId=77`,
        unitPrice: 12.5,
        quantity: 2,
        price: 25,
      },
      {
        productId: '78',
        name: 'T-shirt (L)',
        productDetailUrl: `${STORE_URL}/products.php?productId=78`,
        unitPrice: 20,
        quantity: 1,
        price: 20,
      },
    ]);
    // Historical carts would start abandonment workflows: none is sent.
    expect(h.sim.customEvents).toHaveLength(0);

    const sent = h.sim.server.requests.length;
    const again = h.enqueue(seedStore(), true);
    expect(again.queued).toBe(0);
    expect(again.unchanged).toBe(first.queued);
    await h.drainAll();
    expect(h.sim.server.requests.length).toBe(sent);
  });

  it('sends a changed record once, and live purchases and carts fire their workflows', async () => {
    h = await harness();
    h.enqueue(seedStore(), true);
    await h.drainAll();
    const before = h.sim.server.requests.length;
    const changed = customerRecord(3, 'bob@example.com', 'Bob', 'Reconstruído', '2025-05-01T00:00:00Z');
    expect(h.enqueue([changed, ...seedStore().slice(0, 3)], false).queued).toBe(1);
    await h.drainAll();
    const after = h.sim.server.requests.slice(before).filter((r) => !r.path.startsWith('/__sim'));
    expect(after.map((r) => `${r.method} ${r.path}`)).toEqual(['PATCH /contacts/bob%40example.com']);
    expect(h.sim.contacts.get('bob@example.com')!.data['_surname']).toBe('Reconstruído');

    h.enqueue(
      [
        orderRecord({ id: 1004, customerId: 3, email: 'bob@example.com' }),
        cartRecord('cart-live', 'Bob@Example.com'),
      ],
      false,
    );
    await h.drainAll();
    const live = h.sim.purchases.find((p) => p.purchaseId === '1004')!;
    expect(live.triggerPurchaseEvent).toBe(true);
    expect(h.sim.purchases.find((p) => p.purchaseId === '1001')!.triggerPurchaseEvent).toBe(false);
    expect(h.sim.customEvents).toHaveLength(1);
    expect(h.sim.customEvents[0]).toMatchObject({
      alias: CART_ALIAS,
      email: 'bob@example.com',
      payload: {
        email: 'bob@example.com',
        cartId: 'cart-live',
        cartRecoveryUrl: `${STORE_URL}/cart.php?action=load&id=cart-live&token=abc`,
        totalPrice: 31.5,
        totalQuantity: 2,
        productIds: '77',
      },
    });
  });

  it('creates the contact and products a purchase needs when Connectif lacks them (E0101, E0102)', async () => {
    h = await harness();
    const lines = [
      { productId: 99, variantId: 991, sku: 'NEW-1', name: 'Brand new', price: '9.9900', qty: 1 },
    ];
    h.enqueue([orderRecord({ id: 2001, customerId: 42, email: 'unsynced@example.com', lines })], false);
    const out = await h.drainAll();
    expect(out.dead).toBe(0);
    expect(h.sim.purchases.map((p) => p.purchaseId)).toEqual(['2001']);
    expect(h.sim.contacts.has('unsynced@example.com')).toBe(true);
    expect(h.sim.products.get('99')!.data).toMatchObject({ name: 'Brand new', unitPrice: 9.99 });
  });

  it('identifies products by SKU, records offline purchases by status, and removes cancelled ones', async () => {
    h = await harness({ settings: { productId: 'sku', purchases: 'offline', offlineStatusIds: [10] } });
    h.enqueue(
      [
        productRecord(77, 'Mug'),
        orderRecord({ id: 3001, customerId: 0, email: 'g@example.com', statusId: 11 }),
      ],
      true,
    );
    await h.drainAll();
    expect([...h.sim.products.keys()].sort()).toEqual(['P-77-L', 'P-77-S']);
    expect(h.sim.products.get('P-77-L')!.data).toMatchObject({ unitPrice: 27, availability: 'outofstock' });
    expect(h.sim.purchases).toHaveLength(0); // Awaiting Fulfillment is not an offline purchase status
    h.enqueue(
      [
        orderRecord({
          id: 3001,
          customerId: 0,
          email: 'g@example.com',
          statusId: 10,
          modified: '2025-04-03T00:00:00Z',
        }),
      ],
      false,
    );
    await h.drainAll();
    expect(h.sim.purchases.map((p) => (p.body['products'] as Rec[]).map((l) => l['productId']))).toEqual([
      ['MUG-BLUE', 'TEE-L'],
    ]);
    h.enqueue(
      [
        orderRecord({
          id: 3001,
          customerId: 0,
          email: 'g@example.com',
          statusId: 5,
          modified: '2025-04-04T00:00:00Z',
        }),
      ],
      false,
    );
    await h.drainAll();
    expect(h.sim.purchases).toHaveLength(0);
  });

  it('names the record and says what to do when Connectif refuses it', async () => {
    h = await harness({ settings: { storeUrl: 'https://elsewhere.example.org' } });
    h.enqueue([productRecord(77, 'Mug')], true);
    const out = await h.drainAll();
    expect(out.dead).toBe(1);
    const dead = h.events.find((e) => e.type === 'delivery.dead')!;
    expect(dead.message).toMatch(/product 77: E0201: .*Authorized Domains \(Store Settings → Web/);
  });
});

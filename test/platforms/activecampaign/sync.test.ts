// Runs in: vitest. Owns: a seeded store synced historically then live into the ActiveCampaign simulator,
// compared field by field; nothing resent on a second run; a change sent once; historical vs live.
import { afterEach, describe, expect, it } from 'vitest';
import { cartRecord, customerRecord, LONG_FIRST, orderRecord, seedStore } from './fixtures.js';
import { harness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('ActiveCampaign: historical sync of a seeded store', () => {
  it('delivers every record once, mapped field by field, without firing automations', async () => {
    h = await harness();
    const planned = h.enqueue(seedStore(), true);
    // 3 customers, 2 subscribers, 2 orders (the incomplete one is skipped), 1 cart; the deleted customer is
    // kept by default and products are not a Deep Data resource.
    expect(planned.queued).toBe(8);
    const out = await h.drainAll();
    expect(out).toMatchObject({ delivered: 8, dead: 0 });

    const st = h.sim.state();
    expect(st.connections).toHaveLength(1);
    expect(st.connections[0]).toMatchObject({
      service: 'bigcommerce',
      externalid: 'storebridge:store-1',
      linkUrl: 'https://shop.example.com',
    });
    const byEmail = (e: string) => st.contacts.find((c) => c.email.toLowerCase() === e);
    expect(st.contacts.map((c) => c.email.toLowerCase()).sort()).toEqual([
      'bob@example.com',
      'carol@example.com',
      'dave@example.com',
      'guest@example.com',
      'long@example.com',
      'zoe@example.com',
    ]);
    expect(byEmail('zoe@example.com')).toMatchObject({
      firstName: 'Zoë',
      lastName: 'Ñúñez-渡辺',
      phone: '+55 11 5555-0000',
      tags: ['bigcommerce-customer'],
    });
    expect(byEmail('long@example.com')).toMatchObject({ firstName: LONG_FIRST, lastName: 'O’Connor' });
    // Subscriber rows do not blank names and only an opt-in subscribes.
    const list = st.lists.find((l) => l.name === 'Master Contact List');
    expect(list).toBeDefined();
    expect(byEmail('carol@example.com')!.lists).toEqual([
      expect.objectContaining({ list: list!.id, status: 1 }),
    ]);
    expect(byEmail('dave@example.com')!.lists).toEqual([]);
    // The guest ticked "accept marketing" at checkout.
    expect(byEmail('guest@example.com')!.lists).toEqual([
      expect.objectContaining({ list: list!.id, status: 1 }),
    ]);

    expect(st.customers.map((c) => c.externalid).sort()).toEqual(['1', '2', '3', 'guest:guest@example.com']);
    expect(st.customers.find((c) => c.externalid === 'guest:guest@example.com')).toMatchObject({
      acceptsMarketing: '1',
    });

    const orders = st.orders.filter((o) => o.externalid !== null);
    expect(orders.map((o) => o.externalid).sort()).toEqual(['1001', '1002']);
    const o = orders.find((x) => x.externalid === '1001')!;
    const zoe = st.customers.find((c) => c.externalid === '1')!;
    expect(o).toMatchObject({
      source: 0,
      email: 'zoe@example.com',
      totalPrice: 5450,
      shippingAmount: 500,
      taxAmount: 450,
      discountAmount: 0,
      currency: 'USD',
      customerid: zoe.id,
      orderNumber: '1001',
      shippingMethod: 'Flat Rate',
      orderUrl: 'https://shop.example.com/account.php?action=view_order&order_id=1001',
      externalCreatedDate: '2025-04-01T11:00:00.000Z',
      state: 1,
    });
    expect(
      o.lines.map((l) => ({
        externalid: l.externalid,
        name: l.name,
        price: l.price,
        quantity: l.quantity,
        sku: l.sku,
      })),
    ).toEqual([
      { externalid: '77', name: 'Café Mug – Blue', price: 1250, quantity: 2, sku: 'SKU-701' },
      { externalid: '78', name: 'T-shirt (L)', price: 2000, quantity: 1, sku: 'SKU-802' },
    ]);
    const cart = st.orders.find((x) => x.externalcheckoutid === 'cart-aaa')!;
    expect(cart).toMatchObject({
      state: 2,
      source: 0,
      totalPrice: 3150,
      orderUrl: 'https://shop.example.com/cart.php?action=load&id=cart-aaa&token=abc',
    });
    expect(cart.lines).toHaveLength(2);
    // Historical records never reach automations.
    expect(st.events).toEqual([]);
  });

  it('sends nothing on a second run, and a changed record once', async () => {
    h = await harness();
    h.enqueue(seedStore(), true);
    await h.drainAll();
    const before = h.sim.server.requests.length;
    expect(h.enqueue(seedStore(), true)).toMatchObject({ queued: 0, unchanged: 8 });
    await h.drainAll();
    expect(h.sim.server.requests.length).toBe(before);

    const changed = customerRecord(1, 'zoe@example.com', 'Zoé', 'Renamed', '2025-05-01T00:00:00Z');
    const order = orderRecord({
      id: 1001,
      customerId: 1,
      email: 'zoe@example.com',
      modified: '2025-05-02T00:00:00Z',
      lines: [{ productId: 77, variantId: 701, name: 'Café Mug – Blue', price: '12.5000', qty: 3 }],
    });
    expect(h.enqueue([changed, order], false)).toMatchObject({ queued: 2 });
    expect(h.enqueue([changed, order], false)).toMatchObject({ queued: 0 });
    await h.drainAll();
    const st = h.sim.state();
    expect(st.contacts.filter((c) => c.email.toLowerCase() === 'zoe@example.com')).toEqual([
      expect.objectContaining({ firstName: 'Zoé', lastName: 'Renamed' }),
    ]);
    const orders = st.orders.filter((o) => o.externalid === '1001');
    expect(orders).toHaveLength(1);
    expect(orders[0]!.lines.map((l) => l.quantity)).toEqual([3]);
    // An update of an order sent as history does not start "makes a purchase".
    expect(st.events).toEqual([]);
  });

  it('live orders and carts fire automations; the order of a tracked cart recovers it', async () => {
    h = await harness();
    h.enqueue(
      [customerRecord(3, 'bob@example.com', 'Bob', 'Builder'), cartRecord('cart-live', 'bob@example.com', 3)],
      false,
    );
    await h.drainAll();
    expect(h.sim.state().events.map((e) => e.kind)).toEqual(['abandoned_cart']);

    h.enqueue(
      [orderRecord({ id: 2001, customerId: 3, email: 'bob@example.com', cartId: 'cart-live' })],
      false,
    );
    await h.drainAll();
    const st = h.sim.state();
    expect(st.events.map((e) => e.kind)).toEqual(['abandoned_cart', 'cart_recovered']);
    const rows = st.orders.filter((o) => o.externalcheckoutid === 'cart-live' || o.externalid === '2001');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 3, externalid: '2001', source: 1 });

    h.enqueue([orderRecord({ id: 2002, customerId: 3, email: 'bob@example.com' })], false);
    await h.drainAll();
    const after = h.sim.state();
    expect(after.events.map((e) => e.kind)).toEqual(['abandoned_cart', 'cart_recovered', 'makes_a_purchase']);
    expect(after.orders.find((o) => o.externalid === '2002')).toMatchObject({ source: 1, state: 1 });
  });
});

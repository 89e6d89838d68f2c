// Runs in: vitest. Owns: the seeded store synced historically then live into the Bloomreach simulator: counts
// and sampled records field by field, nothing resent, a change sent once, the historical/live flag, carts.
import { afterEach, describe, expect, it } from 'vitest';
import {
  cartRecord,
  customerRecord,
  LONG_FIRST,
  orderRecord,
  productRecord,
  seedStore,
  STORE_URL,
  subscriberRecord,
} from './fixtures.js';
import { harness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Rec = Record<string, unknown>;
type SimCustomer = {
  ids: Record<string, unknown>;
  properties: Rec;
  consents: Record<string, { valid: boolean }>;
};
type SimEvent = { type: string; properties: Rec; timestamp: number; customerId: string };

const byEmail = (list: SimCustomer[], email: string): SimCustomer =>
  list.find((c) => c.ids['email_id'] === email)!;

describe('Bloomreach historical and live sync', () => {
  it('plans people before their events, keyed by the lowercased email; guests by email only', async () => {
    h = await harness();
    const ctx = { settings: h.settings, connectionId: 'conn-a', storeId: 'store-1' };
    const guest = h.connector.plan(orderRecord({ id: 7, customerId: 0, email: ' Mixed@Case.COM ' }), ctx);
    expect(guest.map((j) => [j.entityType, j.priority, j.contactKey])).toEqual([
      ['guest', 0, 'mixed@case.com'],
      ['purchase', 1, 'mixed@case.com'],
    ]);
    const cmd = (guest[1]!.payload as { commands: Array<{ data: Rec }> }).commands[0]!;
    expect(cmd.data['customer_ids']).toEqual({ email_id: 'mixed@case.com' });
    // The deleted customer is anonymised by its BigCommerce id.
    expect(h.connector.plan(seedStore()[3]!, ctx).map((j) => [j.entityType, j.kind])).toEqual([
      ['customer', 'delete'],
    ]);
  });

  it('sends the seeded store once, field by field, and nothing again on a second run', async () => {
    h = await harness();
    h.enqueue(seedStore(), true);
    const out = await h.drainAll();
    expect(out.dead).toBe(0);
    const customers = await h.simGet<SimCustomer[]>('/__sim/customers');
    expect(customers.map((c) => c.ids['email_id']).sort()).toEqual([
      'bob@example.com',
      'carol@example.com',
      'dave@example.com',
      'guest@example.com',
      'long@example.com',
      'zoe@example.com',
    ]);
    const zoe = byEmail(customers, 'zoe@example.com');
    expect(zoe.ids).toMatchObject({ email_id: 'zoe@example.com', customer_id: '1' });
    expect(zoe.properties).toMatchObject({
      email: 'zoe@example.com',
      first_name: 'Zoë',
      last_name: 'Ñúñez-渡辺',
      phone: '+55 11 5555-0000',
      city: 'São Paulo',
      state: 'SP',
      zip: '01305-000',
      country: 'BR',
      address: 'Rua Augusta 1, apto 3',
      bc_form_favourite_colour: 'Teal',
      bc_form_interests: 'Coffee, Books',
    });
    expect(byEmail(customers, 'long@example.com').properties['first_name']).toBe(LONG_FIRST);
    const carol = byEmail(customers, 'carol@example.com');
    expect(carol.ids).toMatchObject({ subscriber_id: ['10'] });
    expect(carol.consents['newsletter']?.valid).toBe(true);
    expect(byEmail(customers, 'dave@example.com').consents['newsletter']?.valid).toBe(false);
    expect(byEmail(customers, 'guest@example.com').properties).toMatchObject({
      first_name: 'Gästé',
      last_name: 'Payer 1002',
    });

    const events = await h.simGet<SimEvent[]>('/__sim/events');
    const count = (t: string) => events.filter((e) => e.type === t).length;
    expect([count('purchase'), count('purchase_item'), count('consent'), count('cart_update')]).toEqual([
      2, 4, 1, 0,
    ]);
    const p1001 = events.find((e) => e.type === 'purchase' && e.properties['purchase_id'] === '1001')!;
    expect(p1001.properties).toMatchObject({
      purchase_status: 'Awaiting Fulfillment',
      total_price: 50,
      total_quantity: 3,
      local_currency: 'USD',
      product_ids: ['77', '78'],
      payment_type: 'Credit Card',
      shipping_type: 'Flat Rate',
      bc_historical: true,
    });
    expect(p1001.timestamp).toBe(Date.parse('2025-04-01T12:00:00Z') / 1000);
    const mug = events.find((e) => e.type === 'purchase_item' && e.properties['sku'] === 'MUG-BLUE')!;
    expect(mug.properties).toMatchObject({
      purchase_id: '1001',
      product_id: '77',
      variant_id: '701',
      title: 'Café Mug – Blue',
      quantity: 2,
      price: 12.5,
      total_price: 25,
    });
    // The guest's purchase sits on the profile found by email.
    const guestId = customers.find((c) => c.ids['email_id'] === 'guest@example.com') as unknown as Rec;
    const p1002 = events.find((e) => e.properties['purchase_id'] === '1002')!;
    expect(p1002.customerId).toBe(guestId['internal_id']);

    const catalogs = await h.simGet<{ data?: unknown } | Rec[]>('/__sim/catalogs');
    const list = (Array.isArray(catalogs) ? catalogs : ((catalogs as Rec)['catalogs'] as Rec[])) ?? [];
    expect(list).toHaveLength(1);
    const items = list[0]!['items'] as Record<string, Rec> | Array<Rec>;
    const itemMap = Array.isArray(items)
      ? Object.fromEntries(items.map((i) => [String(i['item_id']), i['properties'] ?? i]))
      : items;
    expect(Object.keys(itemMap).sort()).toEqual(['771', '772', '781', '782']);
    expect(itemMap['772']).toMatchObject({
      product_id: '77',
      variant_id: '772',
      sku: 'P-77-L',
      title: 'Café Mug',
      description: 'A fine thing.',
      url: `${STORE_URL}/item-77/`,
      original_price: 27,
      stock_level: 0,
      active: true,
    });

    // A second run plans the same versions: nothing new reaches Bloomreach.
    const before = (await h.simGet<unknown[]>('/__sim/requests')).length;
    const again = h.enqueue(seedStore(), true);
    expect(again.queued).toBe(0);
    await h.drainAll();
    expect((await h.simGet<unknown[]>('/__sim/requests')).length).toBe(before);
    expect((await h.simGet<SimEvent[]>('/__sim/events')).length).toBe(events.length);
  });

  it('a changed record is sent once; live events carry the live flag; carts with their recovery URL', async () => {
    h = await harness();
    h.enqueue(seedStore(), true);
    await h.drainAll();
    const changed = customerRecord(1, 'zoe@example.com', 'Zoë', 'Renamed', '2025-05-01T00:00:00Z');
    expect(h.enqueue([changed], false).queued).toBe(1);
    expect(h.enqueue([changed], false).queued).toBe(0);
    await h.drainAll();
    expect(h.sim.findCustomer({ email_id: 'zoe@example.com' })?.['properties']).toMatchObject({
      last_name: 'Renamed',
    });

    const shipped = orderRecord({ id: 1001, customerId: 1, email: 'zoe@example.com', statusId: 2 });
    h.enqueue(
      [
        shipped,
        cartRecord('cart-aaa', 'Bob@Example.com'),
        productRecord(77, 'Café Mug v2', '2025-06-01T00:00:00Z'),
      ],
      false,
    );
    await h.drainAll();
    const purchases = h.sim.events('purchase').filter((e) => e.properties['purchase_id'] === '1001');
    expect(purchases.map((e) => e.properties['bc_historical'])).toEqual([true, false]);
    const carts = h.sim.events('cart_update');
    expect(carts).toHaveLength(1);
    expect(carts[0]!.properties).toMatchObject({
      cart_id: 'cart-aaa',
      cart_url: `${STORE_URL}/cart.php?action=load&id=cart-aaa&token=abc`,
      total_price: 31.5,
      total_quantity: 2,
      bc_historical: false,
    });
    const bob = h.sim.findCustomer({ email_id: 'bob@example.com' })!;
    expect(bob['ids']).toMatchObject({ customer_id: '3', cart_id: ['cart-aaa'] });
    expect(h.sim.events('purchase_item').length).toBe(6);
  });

  it('a deleted product leaves the catalogue; a deleted customer is anonymised', async () => {
    h = await harness();
    h.enqueue(seedStore(), true);
    await h.drainAll();
    h.enqueue(
      [
        { ...productRecord(78, 'x'), data: undefined, deleted: true, dateModified: '2025-07-01T00:00:00Z' },
        {
          ...customerRecord(3, 'bob@example.com', 'Bob', 'Builder'),
          data: undefined,
          deleted: true,
          dateModified: '2025-07-01T00:00:00Z',
        },
      ],
      false,
    );
    expect((await h.drainAll()).dead).toBe(0);
    const catalog = [...h.sim.ctx.catalogs.catalogs.values()][0]!;
    expect([...catalog.items.keys()].sort()).toEqual(['771', '772']);
    const anonymised = h.sim.customers().filter((c) => c['anonymized_at'] !== null);
    expect(anonymised).toHaveLength(1);
    expect(h.sim.findCustomer({ email_id: 'bob@example.com' })).toBeUndefined();
  });

  it('subscribers: history without consent sends none, a live empty row revokes; big orders span batches', async () => {
    h = await harness();
    const ctx = { settings: h.settings, connectionId: 'conn-a', storeId: 'store-1' };
    const types = (r: ReturnType<typeof subscriberRecord>, historical: boolean) =>
      h!.connector.plan({ ...r, historical }, ctx).map((j) => j.entityType);
    expect(types(subscriberRecord(11, 'dave@example.com', []), true)).toEqual(['subscriber']);
    expect(types(subscriberRecord(11, 'dave@example.com', []), false)).toEqual(['subscriber', 'consent']);

    const lines = Array.from({ length: 60 }, (_, i) => ({
      productId: 500 + i,
      variantId: 5000 + i,
      sku: `SKU-${i}`,
      name: `Item ${i}`,
      price: '1.0000',
      qty: 1,
    }));
    h.enqueue([orderRecord({ id: 2000, customerId: 0, email: 'big@example.com', lines })], false);
    expect((await h.drainAll()).dead).toBe(0);
    expect(h.sim.events('purchase_item')).toHaveLength(60);
    expect(h.sim.events('purchase')).toHaveLength(1);
    expect(h.sim.server.requests.filter((r) => r.path.endsWith('/batch')).length).toBeGreaterThanOrEqual(3);
  });

  it('a value over 16 KB is refused by Bloomreach and reported as permanent, naming the customer', async () => {
    h = await harness();
    const big = customerRecord(5, 'big@example.com', 'Big', 'Bio', '2025-03-01T10:00:00Z', {
      form_fields: [{ name: 'Bio', value: 'x'.repeat(17 * 1024) }],
    });
    h.enqueue([big, customerRecord(6, 'ok@example.com', 'Ok', 'Fine')], true);
    const out = await h.drainAll();
    expect(out.dead).toBe(1);
    expect(h.events.map((e) => e.message).join('\n')).toMatch(
      /customer 5: Value of property 'bc_form_bio' is too large/,
    );
    expect(h.sim.findCustomer({ email_id: 'ok@example.com' })).toBeDefined();
  });
});

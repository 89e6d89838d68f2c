// Runs in: vitest. Owns: historical and live sync of a seeded store into the SALESmanago simulator through the
// real engine: counts, field-by-field samples, re-runs that send nothing, changes sent once, carts.
import { describe, expect, it } from 'vitest';
import { cart, customer, longFirst, longLast, order, people, seed, staged } from './fixtures.js';
import { startHarness } from './harness.js';

describe('SALESmanago sync into the simulator', () => {
  it('exports the archive: contacts, subscribers, guest and registered purchases, products', async () => {
    const h = await startHarness();
    const out = h.enqueue(seed());
    expect(out.queued).toBeGreaterThan(0);
    await h.settle();
    expect(h.stats().dead).toBe(0);

    const contacts = h.sim.contacts();
    // ana, zoe, long, guest, subOnly; not the deleted customer, the ignored domain or the unconsented subscriber.
    expect(contacts.map((c) => c.email).sort()).toEqual(
      [people.ana, people.zoe, people.long, people.guest, people.subOnly].map((e) => e.toLowerCase()).sort(),
    );
    const ana = h.sim.contact(people.ana)!;
    expect(ana).toMatchObject({
      name: 'Ana Silva',
      phone: '+351 912 345 678',
      company: 'Silva Lda',
      externalId: '1',
      province: 'Lisboa',
      address: { streetAddress: 'Rua Augusta 1', zipCode: '1100-048', city: 'Lisboa', country: 'PT' },
      optedOut: false,
      owner: h.sim.credentials.owner,
    });
    expect(ana.properties).toMatchObject({
      bc_customer_id: '1',
      bc_customer_group: '2',
      bc_registered: '2024-03-01T12:00:00.000Z',
      storebridge_optin: 'yes',
    });
    // The archive gets the export tags only: no registration, newsletter or purchase tags to fire rules.
    expect(ana.tags).toEqual(['BC_ARCHIVE']);
    expect(h.sim.contact(people.zoe)!.name).toBe('Zoë Ørsted 山田太郎');
    expect(h.sim.contact(people.long)!.name).toBe(`${longFirst} ${longLast}`);
    const guest = h.sim.contact(people.guest)!;
    expect(guest).toMatchObject({
      name: 'Gus Guest',
      phone: '+34 600 000 000',
      address: { city: 'Madrid', country: 'ES' },
    });
    expect(guest.optedOut).toBe(true); // a purchase is no opt-in
    expect(h.sim.contact(people.subOnly)).toMatchObject({ name: 'Sub Scriber 12', optedOut: false });

    const events = h.sim.events();
    expect(events).toHaveLength(2);
    const purchase = events.find((e) => e.externalId === '1002')!;
    expect(purchase).toMatchObject({
      email: people.guest,
      contactExtEventType: 'PURCHASE',
      date: Date.parse('2025-12-01T09:30:00.000Z'),
      value: 55,
      products: '77,78',
      location: 'bc-store-1',
      shopDomain: 'shop.example.com',
      description: 'Order #1002',
    });
    expect(purchase.details).toMatchObject({
      detail1: 'Awaiting Fulfillment',
      detail2: 'EUR',
      detail4: '2,1',
      detail5: 'Café mug ☕, Tea pot',
      detail6: 'guest',
      detail20: 'storebridge-archive',
    });

    const products = h.sim.products();
    expect(products).toHaveLength(2);
    expect(products.find((p) => p.productId === '77')!.fields).toMatchObject({
      name: 'Café mug 77',
      price: 25,
      discountPrice: 20,
      quantity: 12,
      active: true,
      available: true,
      productUrl: 'https://shop.example.com/cafe-mug-77/',
      mainImageUrl: 'https://cdn.example.com/77.jpg',
      description: 'A big mug for coffee',
      categories: ['18', '23'],
    });
    expect(products.find((p) => p.productId === '78')!.fields).toMatchObject({
      active: false,
      available: false,
    });
  });

  it('a second run sends nothing; a changed record is sent once; a status change adds no PURCHASE', async () => {
    const h = await startHarness();
    h.enqueue(seed());
    await h.settle();
    const calls = h.apiCalls().length;

    expect(h.enqueue(seed()).queued).toBe(0);
    await h.settle();
    expect(h.apiCalls().length).toBe(calls);

    const later = '2026-01-06T10:00:00.000Z';
    h.enqueue([
      staged('customers', 1, customer(1, people.ana, { first_name: 'Ana Maria', date_modified: later }), {
        dateModified: later,
        historical: false,
      }),
      staged(
        'orders',
        1002,
        order(1002, 0, people.guest, { status_id: 2, status: 'Shipped', date_modified: later }),
        {
          dateModified: later,
          historical: false,
        },
      ),
    ]);
    await h.settle();
    const newCalls = h.apiCalls().slice(calls);
    expect(newCalls.map((c) => c.path)).toEqual(['/app3/api/contact/batchupsertv2']);
    expect(h.sim.contact(people.ana)!.name).toBe('Ana Maria Silva');
    expect(h.sim.events()).toHaveLength(2);

    // A cancellation is an event of its own, sent once.
    const cancelled = order(1002, 0, people.guest, {
      status_id: 5,
      status: 'Cancelled',
      date_modified: '2026-01-07T10:00:00.000Z',
    });
    h.enqueue([
      staged('orders', 1002, cancelled, { dateModified: '2026-01-07T10:00:00.000Z', historical: false }),
    ]);
    h.enqueue([
      staged('orders', 1002, cancelled, { dateModified: '2026-01-07T10:00:00.000Z', historical: false }),
    ]);
    await h.settle();
    expect(h.sim.events().filter((e) => e.contactExtEventType === 'CANCELLATION')).toHaveLength(1);
  });

  it('live records carry the live tags and flag; the archive flag reaches SALESmanago too', async () => {
    const h = await startHarness();
    h.enqueue([staged('orders', 2001, order(2001, 0, 'late.guest@example.net'), { historical: true })]);
    h.enqueue([
      staged(
        'customers',
        7,
        customer(7, 'new.buyer@example.com', { date_created: '2026-01-05T09:59:00.000Z' }),
        {
          historical: false,
        },
      ),
      staged('orders', 2002, order(2002, 7, 'new.buyer@example.com'), { historical: false }),
      staged('subscribers', 21, { ...seedSub('fresh@example.com') }, { historical: false }),
    ]);
    await h.settle();
    expect(h.sim.contact('new.buyer@example.com')!.tags.sort()).toEqual(['BUYER', 'REGISTERED']);
    expect(h.sim.contact('late.guest@example.net')!.tags).toEqual(['BC_ARCHIVE']);
    expect(h.sim.contact('fresh@example.com')!.tags).toEqual(['NEWSLETTER']);
    const byOrder = new Map(h.sim.events().map((e) => [e.externalId, e]));
    expect(byOrder.get('2001')!.details['detail20']).toBe('storebridge-archive');
    expect(byOrder.get('2002')!.details).toMatchObject({ detail20: 'storebridge-live', detail6: 'customer' });
  });

  it('live subscribers: double opt-in when enabled, an unsubscribe in the store opts out', async () => {
    const h = await startHarness({
      settings: {
        doubleOptIn: true,
        doubleOptInTemplateId: 't-1',
        doubleOptInAccountId: 'a-1',
        doubleOptInSubject: 'Confirm',
      },
    });
    h.enqueue([staged('subscribers', 31, seedSub('doi@example.com'), { historical: false })]);
    await h.settle();
    expect(h.sim.contact('doi@example.com')).toMatchObject({
      optedOut: true,
      doubleOptIn: {
        status: 'pending',
        emailTemplateId: 't-1',
        emailAccountId: 'a-1',
        emailSubject: 'Confirm',
      },
    });
    const later = '2026-01-06T00:00:00.000Z';
    h.enqueue([
      staged('subscribers', 31, seedSub('doi@example.com', []), { historical: false, dateModified: later }),
    ]);
    await h.settle();
    expect(h.sim.contact('doi@example.com')).toMatchObject({
      optedOut: true,
      properties: { storebridge_optin: 'no' },
    });
    expect(h.sim.contact('doi@example.com')!.doubleOptIn).toBeUndefined();
  });

  it('carts: one CART event with the recovery URL, updated within the window, a new one after it', async () => {
    const h = await startHarness({ settings: { cartEventsNewAfter: '1h' } });
    const email = 'shopper@example.com';
    h.enqueue([
      staged('carts', 'c-1', cart('c-1', email), {
        historical: false,
        dateModified: '2026-01-05T09:10:00.000Z',
      }),
    ]);
    await h.settle();
    expect(h.sim.events()).toHaveLength(1);
    const ev = h.sim.events()[0]!;
    expect(ev).toMatchObject({ contactExtEventType: 'CART', value: 40, products: '77', externalId: 'c-1' });
    expect(ev.details['detail1']).toBe('https://shop.example.com/cart.php?action=load&id=c-1&token=abc');

    h.clock.advance(10 * 60_000);
    h.enqueue([
      staged('carts', 'c-1', cart('c-1', email, '2026-01-05T10:20:00.000Z', 60), {
        historical: false,
        dateModified: '2026-01-05T10:20:00.000Z',
      }),
    ]);
    await h.settle();
    expect(h.sim.events()).toHaveLength(1);
    expect(h.sim.events()[0]).toMatchObject({ value: 60, updates: 1 });

    h.clock.advance(2 * 3_600_000);
    h.enqueue([
      staged('carts', 'c-1', cart('c-1', email, '2026-01-05T12:30:00.000Z', 80), {
        historical: false,
        dateModified: '2026-01-05T12:30:00.000Z',
      }),
    ]);
    await h.settle();
    expect(
      h.sim
        .events()
        .map((e) => e.value)
        .sort(),
    ).toEqual([60, 80]);
    expect(h.stats().dead).toBe(0);
  });

  it('an order without an e-mail is dead-lettered with a reason that names it', async () => {
    const h = await startHarness();
    const o = order(3001, 0, '');
    h.enqueue([staged('orders', 3001, o)]);
    await h.settle();
    expect(h.stats().dead).toBe(1);
    expect(
      h.events.some((e) => e.type === 'delivery.dead' && e.message.includes('order 3001: no e-mail')),
    ).toBe(true);
  });
});

function seedSub(email: string, consents = ['marketing_newsletter']) {
  return {
    id: 99,
    email,
    first_name: 'Fresh',
    last_name: 'Sub',
    consents,
    date_created: '2026-01-05T09:00:00.000Z',
    date_modified: '2026-01-05T09:00:00.000Z',
  };
}

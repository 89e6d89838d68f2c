// Runs in: vitest. Owns: a seeded store synced historically then live into the dotdigital simulator through
// the real engine: counts and records compared field by field, idempotent re-runs, historical vs live.
import { describe, expect, it } from 'vitest';
import { cart, customer, longFirst, longLast, order, people, seed, staged, subscriber } from './fixtures.js';
import { type SimCollection, type SimContact, startHarness } from './harness.js';

const byEmail = (cs: SimContact[], e: string) =>
  cs.find((c) => c.identifiers.email.toLowerCase() === e.toLowerCase());

describe('dotdigital historical sync', () => {
  it('imports the seeded store in bulk, with the mapping applied and no automation', async () => {
    const h = await startHarness();
    const out = h.enqueue(seed());
    expect(out.queued).toBeGreaterThan(0);
    await h.settle();
    expect(h.queue.stats('conn-a')).toMatchObject({ dead: 0, queued: 0, submitted: 0 });

    const contacts = await h.simGet<SimContact[]>('/__sim/contacts');
    expect(contacts.map((c) => c.identifiers.email.toLowerCase()).sort()).toEqual(
      [people.ana, people.zoe, people.long, people.guest, people.subOnly].map((e) => e.toLowerCase()).sort(),
    );
    const ana = byEmail(contacts, people.ana)!;
    expect(ana.dataFields).toMatchObject({
      FIRSTNAME: 'Ana',
      LASTNAME: 'Silva',
      FULLNAME: 'Ana Silva',
      COMPANY: 'Silva Lda',
      PHONE: '+351 912 345 678',
      NOTES: 'VIP',
      BC_CUSTOMER_ID: 1,
      HAS_ACCOUNT: true,
      CUSTOMER_GROUP_ID: 2,
      CUSTOMER_CREATED: '2024-03-01T12:00:00.000Z',
      BILLING_ADDRESS_1: 'Rua Augusta 1',
      BILLING_ADDRESS_2: '2º Esq',
      BILLING_CITY: 'Lisboa',
      BILLING_POSTCODE: '1100-048',
      BILLING_COUNTRY: 'Portugal',
      SHIPPING_CITY: 'Lisboa',
    });
    expect(ana.lists.map((l) => l.name).sort()).toEqual(['Store customers', 'Store subscribers']);
    const zoe = byEmail(contacts, people.zoe)!;
    expect(zoe.dataFields).toMatchObject({
      FIRSTNAME: 'Zoë',
      LASTNAME: 'Ørsted 山田太郎',
      BILLING_CITY: null,
    });
    expect(byEmail(contacts, people.long)!.dataFields).toMatchObject({
      FIRSTNAME: longFirst,
      LASTNAME: longLast,
    });
    const guest = byEmail(contacts, people.guest)!;
    expect(guest.dataFields).toMatchObject({ FIRSTNAME: 'Gus', HAS_ACCOUNT: false, BILLING_CITY: 'Madrid' });
    expect(guest.lists.map((l) => l.name)).toEqual(['Store customers']);
    // A subscriber who is not a customer is only in the subscribers book; one without consent is nowhere.
    expect(byEmail(contacts, people.subOnly)!.lists.map((l) => l.name)).toEqual(['Store subscribers']);
    expect(byEmail(contacts, people.noConsent)).toBeUndefined();

    const books = await h.simGet<Array<{ name: string; members: string[] }>>('/__sim/address-books');
    const members = (n: string) =>
      books
        .find((b) => b.name === n)!
        .members.map((m) => m.toLowerCase())
        .sort();
    expect(members('Store customers')).toEqual(
      [people.ana, people.guest, people.long, people.zoe.toLowerCase()].sort(),
    );
    expect(members('Store subscribers')).toEqual([people.ana, people.subOnly].sort());

    const insight = await h.simGet<SimCollection[]>('/__sim/insight');
    const col = (n: string) => insight.find((c) => c.name === n)!;
    expect(col('Orders').scope).toBe('contact');
    const o1 = col('Orders').records.find((r) => r.key === '1001')!;
    expect(o1.contactId).toBe(ana.contactId);
    expect(o1.json).toMatchObject({
      id: 1001,
      email: people.ana,
      isGuest: false,
      currency: 'EUR',
      orderTotal: 55,
      purchaseDate: '2025-12-01T09:30:00.000Z',
      products: [
        { productId: 77, variantId: 771, name: 'Café mug ☕', sku: 'MUG-1', qty: 2, price: 25, total: 50 },
      ],
    });
    expect(col('Orders').records.find((r) => r.key === '1002')!).toMatchObject({
      contactId: guest.contactId,
      json: { isGuest: true, customerId: null },
    });
    // Only visible products reach the account-level catalogue.
    expect(col('Catalog_Default').scope).toBe('account');
    expect(col('Catalog_Default').records.map((r) => r.key)).toEqual(['77']);
    expect(col('Catalog_Default').records[0]!.json).toMatchObject({
      name: 'Café mug 77',
      price: 25,
      salePrice: 20,
      url: 'https://shop.example.com/cafe-mug-77/',
      variants: [{ sku: 'MUG-77-RED' }, { sku: 'MUG-77-BLUE' }],
    });
    expect(
      col('ConsentInsight')
        .records.map((r) => r.key)
        .sort(),
    ).toEqual(['bc-subscriber-11', 'bc-subscriber-12']);
    expect(col('ConsentInsight').records[0]!.json).toMatchObject({
      Text: 'Subscribed to the newsletter in the BigCommerce store',
      DateTimeConsented: '2025-06-01T08:00:00.000Z',
    });

    // History went through bulk imports and started no program.
    const calls = h.requests();
    expect(
      calls.filter((r) => r.path === '/contacts/v3/import' && r.method === 'PUT').length,
    ).toBeGreaterThan(0);
    expect(calls.filter((r) => r.path === '/insightData/v3/import').length).toBeGreaterThan(0);
    expect(calls.some((r) => r.method === 'PATCH')).toBe(false);
    expect(await h.simGet<unknown[]>('/__sim/enrolments')).toEqual([]);

    // A second run of the same store sends nothing.
    const before = h.requests().length;
    expect(h.enqueue(seed())).toMatchObject({ queued: 0 });
    await h.settle();
    expect(h.requests().length).toBe(before);
  });
});

describe('dotdigital live sync', () => {
  it('sends a changed record once, enrols live records, and keeps guests keyed by email', async () => {
    const h = await startHarness({
      settings: {
        enrolNewCustomersProgramId: 1001,
        enrolNewSubscribersProgramId: 1002,
        enrolFirstOrderProgramId: 1003,
        enrolEachOrderProgramId: 1004,
      },
    });
    h.enqueue(seed());
    await h.settle();
    const start = h.requests().length;

    // A changed customer goes once, as one live upsert.
    const changed = staged(
      'customers',
      1,
      customer(1, people.ana, { first_name: 'Anabela', date_modified: '2026-01-05T11:00:00.000Z' }),
      {
        historical: false,
        dateModified: '2026-01-05T11:00:00.000Z',
      },
    );
    expect(h.enqueue([changed]).queued).toBe(1);
    await h.settle();
    const live = h.requests().slice(start);
    expect(live.map((r) => `${r.method} ${decodeURIComponent(r.path)}`)).toEqual([
      `PATCH /contacts/v3/email/${people.ana}`,
    ]);
    expect(h.enqueue([changed]).queued).toBe(0);
    const ana = await h.simGet<SimContact>(`/__sim/contacts/${people.ana}`);
    expect(ana.dataFields).toMatchObject({ FIRSTNAME: 'Anabela', FULLNAME: 'Anabela Silva' });

    // New customer, new subscriber, new order: live, so programs start.
    const now = '2026-01-05T12:00:00.000Z';
    h.enqueue([
      staged('customers', 5, customer(5, 'new.buyer@example.com', { date_created: now }), {
        historical: false,
        dateModified: now,
      }),
      staged('orders', 1003, order(1003, 5, 'new.buyer@example.com', { date_created: now }), {
        historical: false,
        dateModified: now,
      }),
      staged('subscribers', 14, subscriber(14, 'fresh.sub@example.com', ['marketing_newsletter']), {
        historical: false,
        dateModified: now,
      }),
      // The guest's second order: same contact, keyed by email; history already took their first-order slot.
      staged('orders', 1004, order(1004, 0, 'GUS.guest@example.net', { date_created: now }), {
        historical: false,
        dateModified: now,
      }),
      staged('carts', 'c-1', cart('c-1', people.zoe), { historical: false, dateModified: now }),
    ]);
    await h.settle();
    expect(h.queue.stats('conn-a').dead).toBe(0);
    const enrolments = await h.simGet<Array<{ programId: number; contacts: number[] }>>('/__sim/enrolments');
    const contacts = await h.simGet<SimContact[]>('/__sim/contacts');
    const idOf = (e: string) => byEmail(contacts, e)!.contactId;
    const enrolled = (p: number) =>
      enrolments
        .filter((e) => e.programId === p)
        .flatMap((e) => e.contacts)
        .sort();
    expect(enrolled(1001)).toEqual([idOf('new.buyer@example.com')]);
    expect(enrolled(1002)).toEqual([idOf('fresh.sub@example.com')]);
    expect(enrolled(1003)).toEqual([idOf('new.buyer@example.com')]);
    expect(enrolled(1004)).toEqual([idOf('new.buyer@example.com'), idOf(people.guest)].sort());
    expect(contacts.filter((c) => c.identifiers.email.toLowerCase() === people.guest)).toHaveLength(1);

    const insight = await h.simGet<SimCollection[]>('/__sim/insight');
    const orders = insight.find((c) => c.name === 'Orders')!.records;
    expect(orders.find((r) => r.key === '1004')!.contactId).toBe(idOf(people.guest));
    const carts = insight.find((c) => c.name === 'CartInsight')!.records;
    expect(carts).toHaveLength(1);
    expect(carts[0]).toMatchObject({
      key: 'c-1',
      contactId: idOf(people.zoe),
      json: {
        cartUrl: 'https://shop.example.com/cart.php?action=load&id=c-1&token=abc',
        grandTotal: 40,
        currency: 'EUR',
      },
    });

    // Deletions: the order leaves the contact's Insight data, the hidden product and deleted customer go.
    h.enqueue([
      staged('orders', 1003, undefined, {
        deleted: true,
        historical: false,
        dateModified: '2026-01-05T13:00:00.000Z',
      }),
      staged('customers', 3, undefined, {
        deleted: true,
        historical: false,
        dateModified: '2026-01-05T13:00:00.000Z',
      }),
      staged('carts', 'c-1', undefined, {
        deleted: true,
        historical: false,
        dateModified: '2026-01-05T13:00:00.000Z',
      }),
    ]);
    await h.settle();
    expect(h.queue.stats('conn-a').dead).toBe(0);
    const after = await h.simGet<SimCollection[]>('/__sim/insight');
    expect(after.find((c) => c.name === 'Orders')!.records.map((r) => r.key)).not.toContain('1003');
    expect(after.find((c) => c.name === 'CartInsight')!.records).toHaveLength(0);
    const books = await h.simGet<Array<{ name: string; members: string[] }>>('/__sim/address-books');
    expect(books.find((b) => b.name === 'Store customers')!.members).not.toContain(people.long);
  });

  it('holds new subscribers out of the book until they confirm when double opt-in is enforced', async () => {
    const h = await startHarness({ settings: { enforceDoubleOptIn: true } });
    h.enqueue([
      staged('subscribers', 21, subscriber(21, 'doi@example.com', ['marketing_newsletter']), {
        historical: false,
      }),
    ]);
    await h.settle();
    const c = await h.simGet<SimContact>('/__sim/contacts/doi@example.com');
    expect(c.status).toBe('pendingOptIn');
    expect(c.lists).toEqual([expect.objectContaining({ name: 'Store subscribers', status: 'pending' })]);
    await h.simPost('/__sim/contacts/doi@example.com/confirm-opt-in');
    const books = await h.simGet<Array<{ name: string; members: string[] }>>('/__sim/address-books');
    expect(books.find((b) => b.name === 'Store subscribers')!.members).toEqual(['doi@example.com']);
    // A withdrawal in BigCommerce takes them out of the book again.
    h.enqueue([
      staged('subscribers', 21, subscriber(21, 'doi@example.com', []), {
        historical: false,
        dateModified: '2026-01-06T00:00:00.000Z',
      }),
    ]);
    await h.settle();
    const again = await h.simGet<Array<{ name: string; members: string[] }>>('/__sim/address-books');
    expect(again.find((b) => b.name === 'Store subscribers')!.members).toEqual([]);
  });
});

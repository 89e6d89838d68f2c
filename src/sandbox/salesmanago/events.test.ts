// Runs in: Node (vitest). Owns: v2 external events: validation, duplicates stored, update by eventId, batch
// add with per-event failures, unknown-contact behaviour and delete.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSalesmanagoSim, type SalesmanagoSim } from './index.js';
import { simCall, v2 } from './testing.js';

let sim: SalesmanagoSim;
beforeAll(async () => {
  sim = await startSalesmanagoSim({ maxBatchEvents: 3 });
});
afterAll(() => sim.close());
beforeEach(async () => {
  await simCall(sim, 'POST', '/__sim/reset');
  await v2(sim, 'contact/upsert', { contact: { email: 'buyer@example.com' } });
});

const cart = {
  contactExtEventType: 'CART',
  date: 1_750_000_000_000,
  products: '11,12',
  value: 59.9,
  location: 'store_1',
  detail1: 'BRL',
};

describe('addContactExtEvent', () => {
  it('returns eventId and stores every call, so a double send is two events', async () => {
    const a = await v2(sim, 'contact/addContactExtEvent', { email: 'buyer@example.com', contactEvent: cart });
    const b = await v2(sim, 'contact/addContactExtEvent', { email: 'buyer@example.com', contactEvent: cart });
    expect(a.body).toMatchObject({ success: true, message: [] });
    expect(a.body['eventId']).not.toBe(b.body['eventId']);
    expect(sim.events()).toHaveLength(2);
    expect(sim.events()[0]).toMatchObject({
      contactExtEventType: 'CART',
      products: '11,12',
      value: 59.9,
      details: { detail1: 'BRL' },
    });
  });

  it('validates type, date in ms, value, products as a string and detail1..detail20 only', async () => {
    const bad = [
      { ...cart, contactExtEventType: 'ORDER' },
      { ...cart, date: '2025-01-01' },
      { ...cart, value: '59.90' },
      { ...cart, products: ['11', '12'] },
      { ...cart, detail21: 'x' },
    ];
    for (const contactEvent of bad) {
      const r = await v2(sim, 'contact/addContactExtEvent', { email: 'buyer@example.com', contactEvent });
      expect(r.status).toBe(200);
      expect(r.body['success']).toBe(false);
      expect((r.body['message'] as string[]).length).toBe(1);
    }
    expect(
      (
        await v2(sim, 'contact/addContactExtEvent', {
          email: 'buyer@example.com',
          contactEvent: { ...cart, detail20: 'ok' },
        })
      ).body['success'],
    ).toBe(true);
    expect(sim.events()).toHaveLength(1);
  });

  it('rejects an unknown contact by default; contactId wins over e-mail', async () => {
    const r = await v2(sim, 'contact/addContactExtEvent', {
      email: 'stranger@example.com',
      contactEvent: cart,
    });
    expect(r.body['success']).toBe(false);
    const id = sim.contact('buyer@example.com')!.contactId;
    const byId = await v2(sim, 'contact/addContactExtEvent', {
      contactId: id,
      email: 'stranger@example.com',
      contactEvent: cart,
    });
    expect(byId.body['success']).toBe(true);
    expect(sim.events()[0]?.email).toBe('buyer@example.com');
  });

  it('creates the contact first when unknownContactEvents is "create"', async () => {
    const other = await startSalesmanagoSim({ unknownContactEvents: 'create' });
    try {
      const r = await v2(other, 'contact/addContactExtEvent', {
        email: 'guest@example.com',
        contactEvent: cart,
      });
      expect(r.body['success']).toBe(true);
      expect(other.contact('guest@example.com')).toBeDefined();
    } finally {
      await other.close();
    }
  });
});

describe('updateContactExtEvent', () => {
  it('updates the event named by contactEvent.eventId and refuses unknown ids', async () => {
    const a = await v2(sim, 'contact/addContactExtEvent', { email: 'buyer@example.com', contactEvent: cart });
    const eventId = a.body['eventId'] as string;
    const u = await v2(sim, 'contact/updateContactExtEvent', {
      email: 'buyer@example.com',
      contactEvent: { eventId, value: 80, products: '11,12,13' },
    });
    expect(u.body).toEqual({ success: true, message: [], eventId });
    expect(sim.events()).toHaveLength(1);
    expect(sim.events()[0]).toMatchObject({
      value: 80,
      products: '11,12,13',
      contactExtEventType: 'CART',
      updates: 1,
    });
    const missing = await v2(sim, 'contact/updateContactExtEvent', { contactEvent: { value: 1 } });
    expect(missing.body['success']).toBe(false);
    const unknown = await v2(sim, 'contact/updateContactExtEvent', {
      contactEvent: { eventId: 'nope', value: 1 },
    });
    expect(unknown.body['success']).toBe(false);
  });
});

describe('batchAddContactExtEvent and delete', () => {
  it('adds the good events and reports failed contacts and amounts', async () => {
    const r = await v2(sim, 'contact/batchAddContactExtEvent', {
      events: [
        { email: 'buyer@example.com', contactEvent: { ...cart, contactExtEventType: 'PURCHASE' } },
        { email: 'ghost@example.com', contactEvent: cart },
        { email: 'buyer@example.com', contactEvent: { ...cart, date: 'yesterday' } },
      ],
    });
    expect(r.body).toMatchObject({
      success: true,
      createdAmount: 1,
      failedAmount: 2,
      failedContacts: ['ghost@example.com', 'buyer@example.com'],
    });
    expect(sim.events()).toHaveLength(1);
    const over = await v2(sim, 'contact/batchAddContactExtEvent', {
      events: Array(4).fill({ email: 'buyer@example.com', contactEvent: cart }),
    });
    expect(over.body['success']).toBe(false);
    expect(sim.events()).toHaveLength(1);
  });

  it('deletes an event by id', async () => {
    const a = await v2(sim, 'contact/addContactExtEvent', { email: 'buyer@example.com', contactEvent: cart });
    expect(
      (await v2(sim, 'contact/deleteContactExtEvent', { eventId: a.body['eventId'] })).body['success'],
    ).toBe(true);
    expect(sim.events()).toHaveLength(0);
    expect(
      (await v2(sim, 'contact/deleteContactExtEvent', { eventId: a.body['eventId'] })).body['success'],
    ).toBe(false);
  });
});

// Runs in: Node (vitest). Owns: integration/upsert: contact and event in one call, all or nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSalesmanagoSim, type SalesmanagoSim } from './index.js';
import { simCall, v2 } from './testing.js';

let sim: SalesmanagoSim;
beforeAll(async () => {
  sim = await startSalesmanagoSim();
});
afterAll(() => sim.close());
beforeEach(async () => {
  await simCall(sim, 'POST', '/__sim/reset');
});

const purchase = { contactExtEventType: 'PURCHASE', date: 1_750_000_000_000, externalId: '1042', value: 10 };

describe('integration/upsert', () => {
  it('upserts the contact (properties merged) and adds the event in one call', async () => {
    const a = await v2(sim, 'integration/upsert', {
      contactUpsertRequest: { contact: { email: 'New@Example.com' }, properties: { mark: 'P1042' } },
      addContactExtEventRequest: { email: 'new@example.com', contactEvent: purchase },
    });
    expect(a.body).toMatchObject({ success: true });
    expect(typeof a.body['contactId']).toBe('string');
    expect(typeof a.body['eventId']).toBe('string');
    expect(sim.contact('new@example.com')?.properties).toMatchObject({ mark: 'P1042' });
    expect(sim.events()).toMatchObject([{ externalId: '1042', contactExtEventType: 'PURCHASE' }]);
  });

  it('writes nothing when either part is invalid', async () => {
    const badEvent = await v2(sim, 'integration/upsert', {
      contactUpsertRequest: { contact: { email: 'a@example.com' }, properties: { mark: 'x' } },
      addContactExtEventRequest: { email: 'a@example.com', contactEvent: { ...purchase, date: 'today' } },
    });
    expect(badEvent.body).toMatchObject({ success: false });
    const otherContact = await v2(sim, 'integration/upsert', {
      contactUpsertRequest: { contact: { email: 'a@example.com' } },
      addContactExtEventRequest: { email: 'b@example.com', contactEvent: purchase },
    });
    expect(otherContact.body).toMatchObject({
      success: false,
      message: ['Contact not found: b@example.com'],
    });
    const badContact = await v2(sim, 'integration/upsert', {
      contactUpsertRequest: { contact: { email: 'not-an-email' } },
      addContactExtEventRequest: { email: 'not-an-email', contactEvent: purchase },
    });
    expect(badContact.body).toMatchObject({ success: false });
    expect(sim.contacts()).toEqual([]);
    expect(sim.events()).toEqual([]);
  });

  it('takes either part alone, and every event call stores a new event', async () => {
    await v2(sim, 'integration/upsert', { contactUpsertRequest: { contact: { email: 'c@example.com' } } });
    const ev = { email: 'c@example.com', contactEvent: purchase };
    await v2(sim, 'integration/upsert', { addContactExtEventRequest: ev });
    await v2(sim, 'integration/upsert', { addContactExtEventRequest: ev });
    expect(sim.events()).toHaveLength(2);
    const none = await v2(sim, 'integration/upsert', {});
    expect(none.body).toMatchObject({ success: false });
  });
});

// Runs in: vitest. Owns: opt-outs made in ActiveCampaign flowing back, the consent rules on the list, erase.
import { afterEach, describe, expect, it } from 'vitest';
import { orderRecord, seedStore, subscriberRecord } from './fixtures.js';
import { harness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('ActiveCampaign consent and erase', () => {
  it('returns an unsubscribe made on the platform, and a later sync does not resubscribe the person', async () => {
    h = await harness();
    h.enqueue(seedStore(), true);
    await h.drainAll();
    const since = Date.now() - 1;
    expect(await h.connector.pullConsent(h.ctx, since)).toEqual([]);
    const listId = h.sim.state().lists.find((l) => l.name === 'Master Contact List')!.id;
    h.sim.actions.unsubscribe('carol@example.com', listId, 'Too many emails');
    const facts = await h.connector.pullConsent(h.ctx, since);
    expect(facts).toEqual([
      expect.objectContaining({
        email: 'carol@example.com',
        channel: 'email',
        state: 'unsubscribed',
        explicit: true,
      }),
    ]);
    expect(facts[0]!.mechanism).toContain('Too many emails');
    expect(facts[0]!.at).toBeGreaterThanOrEqual(since - 1000); // dates are to the second
    // Nothing older than the window comes back.
    expect(await h.connector.pullConsent(h.ctx, Date.now() + 60_000)).toEqual([]);

    // BigCommerce still says "subscribed" (re-sent with a newer date): ActiveCampaign's unsubscribe stands.
    h.enqueue(
      [subscriberRecord(10, 'carol@example.com', ['marketing_newsletter'], '2030-01-01T00:00:00Z')],
      false,
    );
    h.enqueue([orderRecord({ id: 3001, customerId: 0, email: 'carol@example.com', optIn: true })], false);
    await h.drainAll();
    const carol = h.sim.state().contacts.find((c) => c.email === 'carol@example.com')!;
    expect(carol.lists).toEqual([expect.objectContaining({ list: listId, status: 2, changedBy: 'person' })]);
  });

  it('an unsubscribe in BigCommerce newer than the list status is applied; an older one is not', async () => {
    h = await harness();
    h.enqueue(
      [subscriberRecord(20, 'erin@example.com', ['marketing_newsletter'], '2020-01-01T00:00:00Z')],
      true,
    );
    await h.drainAll();
    h.enqueue([subscriberRecord(20, 'erin@example.com', [], '2020-01-02T00:00:00Z')], false);
    await h.drainAll();
    const status = () =>
      h!.sim.state().contacts.find((c) => c.email === 'erin@example.com')!.lists[0]!.status;
    // The list status was set "now", after 2020: the old BigCommerce change does not win.
    expect(status()).toBe(1);
    h.enqueue(
      [subscriberRecord(20, 'erin@example.com', [], new Date(Date.now() + 60_000).toISOString())],
      false,
    );
    await h.drainAll();
    expect(status()).toBe(2);
  });

  it('erases the person (contact, e-commerce customer, orders) and returns a receipt', async () => {
    h = await harness();
    h.enqueue(seedStore(), true);
    await h.drainAll();
    const receipt = await h.connector.erase(h.ctx, 'ZOE@example.com');
    expect(receipt).toMatchObject({ system: 'ActiveCampaign', outcome: 'erased' });
    expect(receipt.detail).toBe('deleted 1 contact(s), 1 e-commerce customer(s), 1 order(s)');
    expect(receipt.detail).not.toContain('zoe');
    const st = h.sim.state();
    expect(st.contacts.some((c) => c.email.toLowerCase() === 'zoe@example.com')).toBe(false);
    expect(st.customers.some((c) => c.email.toLowerCase() === 'zoe@example.com')).toBe(false);
    expect(st.orders.some((o) => o.email.toLowerCase() === 'zoe@example.com')).toBe(false);
    expect(st.contacts).toHaveLength(5);
    expect(await h.connector.erase(h.ctx, 'zoe@example.com')).toMatchObject({ outcome: 'not_found' });
    await h.sim.server.down();
    expect(await h.connector.erase(h.ctx, 'bob@example.com')).toMatchObject({ outcome: 'failed' });
  });
});

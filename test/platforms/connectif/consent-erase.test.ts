// Runs in: vitest. Owns: opt-outs made in Connectif flowing back through pullConsent, a later unsubscribe
// winning over an older BigCommerce subscription, and the GDPR erase with its receipt.
import { afterEach, describe, expect, it } from 'vitest';
import { seedStore, subscriberRecord } from './fixtures.js';
import { harness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('Connectif consent and erase', () => {
  it('returns an unsubscribe made on the platform, dated by the person’s click, and only once past it', async () => {
    h = await harness();
    h.enqueue(seedStore(), true);
    await h.drainAll();
    const since = Date.now();
    await post(`${h.sim.url}/__sim/contacts/carol@example.com/unsubscribe`, { ip: '203.0.113.9' });
    await post(`${h.sim.url}/__sim/contacts/zoe@example.com/unsubscribe`, { channel: 'sms' });
    const facts = await h.connector.pullConsent(h.ctx, since - 1);
    expect(facts.map((f) => [f.email, f.channel, f.state, f.explicit]).sort()).toEqual([
      ['carol@example.com', 'email', 'unsubscribed', true],
      ['zoe@example.com', 'sms', 'unsubscribed', true],
    ]);
    const carol = facts.find((f) => f.email === 'carol@example.com')!;
    expect(carol.at).toBe(
      Date.parse(String(h.sim.contacts.get('carol@example.com')!.data['_emailLastUnsubscribedDate'])),
    );
    expect(carol.at).toBeGreaterThanOrEqual(since);
    expect(await h.connector.pullConsent(h.ctx, Date.now() + 1000)).toEqual([]);
  });

  it('never re-subscribes someone who unsubscribed in Connectif after subscribing in BigCommerce', async () => {
    h = await harness();
    h.enqueue(
      [subscriberRecord(10, 'carol@example.com', ['marketing_newsletter'], '2025-03-02T10:00:00Z')],
      true,
    );
    await h.drainAll();
    await post(`${h.sim.url}/__sim/contacts/carol@example.com/unsubscribe`, {});
    // The subscriber row changes (a name edit) but the subscription is older than the unsubscribe.
    const edited = subscriberRecord(
      10,
      'carol@example.com',
      ['marketing_newsletter'],
      '2025-03-03T10:00:00Z',
    );
    expect(h.enqueue([edited], false).queued).toBe(1);
    await h.drainAll();
    expect(h.sim.contacts.get('carol@example.com')!.data['_newsletterSubscriptionStatus']).toBe(
      'unsubscribed',
    );
    // A live subscriber with no consents is an unsubscribe in BigCommerce: it reaches Connectif.
    h.enqueue([subscriberRecord(12, 'erin@example.com', ['marketing_newsletter'])], false);
    await h.drainAll();
    h.enqueue([subscriberRecord(12, 'erin@example.com', [], '2025-06-01T00:00:00Z')], false);
    await h.drainAll();
    expect(h.sim.contacts.get('erin@example.com')!.data['_newsletterSubscriptionStatus']).toBe(
      'unsubscribed',
    );
  });

  it('erases a person and returns a receipt without their email; a second erase finds nobody', async () => {
    h = await harness();
    h.enqueue(seedStore(), true);
    await h.drainAll();
    const receipt = await h.connector.erase(h.ctx, 'Zoe@Example.com');
    expect(receipt).toMatchObject({ system: 'Connectif', outcome: 'erased' });
    expect(receipt.detail).not.toContain('zoe');
    expect(h.sim.contacts.has('zoe@example.com')).toBe(false);
    // Connectif keeps the purchase for store analytics, detached from the person.
    expect(h.sim.purchases.find((p) => p.purchaseId === '1001')!.body['contactEmail']).toBeNull();
    expect(await h.connector.erase(h.ctx, 'zoe@example.com')).toMatchObject({ outcome: 'not_found' });
  });

  it('an erase the key may not do is a failed receipt saying so', async () => {
    h = await harness();
    await fetch(`${h.sim.url}/__sim/keys/${h.sim.credentials.keyId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scopes: ['contacts:read', 'contacts:write'] }),
    });
    const r = await h.connector.erase(h.ctx, 'bob@example.com');
    expect(r.outcome).toBe('failed');
    expect(r.detail).toMatch(/may not delete contacts.*403/);
  });
});

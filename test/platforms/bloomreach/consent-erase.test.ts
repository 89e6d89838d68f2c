// Runs in: vitest. Owns: opt-outs made on Bloomreach coming back through pullConsent (our own consent events
// excluded, the most recent action winning), erase by anonymisation with its receipt, and per-command failures.
import { afterEach, describe, expect, it } from 'vitest';
import { orderRecord, seedStore, subscriberRecord } from './fixtures.js';
import { harness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('Bloomreach consent, erase and per-command results', () => {
  it('an unsubscribe made on the platform is pulled back; our own consent events are not', async () => {
    h = await harness();
    const start = Date.now();
    h.enqueue(seedStore(), true);
    await h.drainAll();
    expect(await h.connector.pullConsent(h.ctx, 0)).toEqual([]); // carol's accept came from us
    await h.simPost('/__sim/unsubscribe', {
      customer_ids: { email_id: 'carol@example.com' },
      category: 'newsletter',
    });
    await h.simPost('/__sim/consent', {
      customer_ids: { email_id: 'dave@example.com' },
      category: 'newsletter',
      action: 'accept',
      source: 'crm',
    });
    const facts = await h.connector.pullConsent(h.ctx, start);
    expect(facts.sort((a, b) => a.email.localeCompare(b.email))).toEqual([
      expect.objectContaining({
        email: 'carol@example.com',
        channel: 'email',
        state: 'unsubscribed',
        explicit: true,
        mechanism: 'unsubscribe link in Bloomreach',
      }),
      expect.objectContaining({ email: 'dave@example.com', state: 'subscribed', explicit: true }),
    ]);
    expect(facts[0]!.at).toBeGreaterThanOrEqual(start - 1_000);
    expect(await h.connector.pullConsent(h.ctx, Date.now() + 60_000)).toEqual([]);

    // A BigCommerce subscribe older than the platform unsubscribe does not bring the consent back.
    h.enqueue(
      [subscriberRecord(10, 'carol@example.com', ['marketing_newsletter'], '2025-03-09T10:00:00Z')],
      false,
    );
    await h.drainAll();
    const carol = h.sim.findCustomer({ email_id: 'carol@example.com' })!;
    expect((carol['consents'] as Record<string, { valid: boolean }>)['newsletter']!.valid).toBe(false);
  });

  it('erase anonymises the person and returns a receipt without personal data', async () => {
    h = await harness();
    h.enqueue(seedStore(), true);
    await h.drainAll();
    const purchasesBefore = h.sim.events('purchase').length;
    const receipt = await h.connector.erase(h.ctx, ' Zoe@Example.com ');
    expect(receipt).toMatchObject({ system: 'Bloomreach Engagement', outcome: 'anonymised' });
    expect(receipt.detail).not.toMatch(/zoe/i);
    expect(h.sim.findCustomer({ email_id: 'zoe@example.com' })).toBeUndefined();
    const anonymised = h.sim.customers().find((c) => c['anonymized_at'] !== null)!;
    expect(anonymised['properties']).not.toHaveProperty('email');
    expect(anonymised['properties']).not.toHaveProperty('first_name');
    expect(h.sim.events('purchase')).toHaveLength(purchasesBefore); // events are kept, without PII
    expect(await h.connector.erase(h.ctx, 'nobody@example.com')).toMatchObject({ outcome: 'not_found' });
  });

  it('erase without the GDPR permission is a failed receipt naming the permission', async () => {
    h = await harness({
      sim: { privateKeys: [{ keyId: 'k', secret: 's', permissions: ['customers.set', 'events.set:*'] }] },
      credentials: { apiKeyId: 'k', apiSecret: 's' },
    });
    const receipt = await h.connector.erase(h.ctx, 'zoe@example.com');
    expect(receipt.outcome).toBe('failed');
    expect(receipt.detail).toMatch(/GDPR > Anonymize/);
    expect(receipt.detail).not.toMatch(/zoe/);
  });

  it('a batch answered 200 with per-command failures gives permanent results naming the record', async () => {
    h = await harness({
      sim: {
        privateKeys: [
          { keyId: 'k', secret: 's', permissions: ['customers.set', 'events.set:consent', 'catalogs'] },
        ],
      },
      credentials: { apiKeyId: 'k', apiSecret: 's' },
    });
    h.enqueue([orderRecord({ id: 1042, customerId: 0, email: 'g@example.com' })], false);
    const out = await h.drainAll();
    expect(out.dead).toBe(1);
    const dead = h.events.find((e) => /1042/.test(e.message) && /Not authorized/.test(e.message));
    expect(dead?.message).toMatch(
      /order 1042: Not authorized to add event of specified type — allow Events > Set/,
    );
    // The guest profile (a customer update in the same kind of batch) went through.
    expect(h.sim.findCustomer({ email_id: 'g@example.com' })).toBeDefined();
  });

  it('the storefront script is the pasted snippet, or the SDK started with the project token', async () => {
    h = await harness({
      settings: { tracking: { enabled: true, snippet: '' }, consentCategory: 'targeting' },
    });
    const script = h.connector.storefrontScript({ credentials: h.ctx.credentials, settings: h.settings })!;
    expect(script).toMatchObject({
      kind: 'script_tag',
      consentCategory: 'targeting',
      visibility: 'all_pages',
    });
    expect(script.html).toContain(h.ctx.credentials.projectToken);
    const off = { ...h.settings, tracking: { enabled: false, snippet: '' } };
    expect(h.connector.storefrontScript({ credentials: h.ctx.credentials, settings: off })).toBeUndefined();
  });
});

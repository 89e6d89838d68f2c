// Runs in: vitest. Owns: opt-outs made on dotdigital (unsubscribe link, complaint, bounce, leaving the subscribers
// book) coming back through pullConsent, the suppression standing against a later BigCommerce re-send, and the
// GDPR erase with its receipt.
import { afterEach, describe, expect, it } from 'vitest';
import { people, seed, staged, subscriber } from './fixtures.js';
import { startHarness, type Harness, type SimContact } from './harness.js';

let h: Harness | undefined;
afterEach(() => {
  h = undefined; // the harness closes its simulator and database itself
});

const contact = (email: string) => h!.simGet<SimContact>(`/__sim/contacts/${encodeURIComponent(email)}`);

describe('dotdigital consent and erase', () => {
  it('returns opt-outs made on the platform, explicit unless a bounce, and only once past them', async () => {
    h = await startHarness();
    h.enqueue(seed(), true);
    await h.settle();
    const since = h.clock.now();
    expect(await h.connector.pullConsent(h.ctx, since)).toEqual([]);
    h.clock.advance(5_000);
    await h.simPost(`/__sim/contacts/${people.ana}/unsubscribe`);
    h.clock.advance(1_000);
    await h.simPost(`/__sim/contacts/${encodeURIComponent(people.long)}/unsubscribe`, {
      reason: 'HardBounced',
    });
    await h.simPost(`/__sim/contacts/${people.subOnly}/unsubscribe-from-book`, {
      bookId: h.books.subscribers,
    });
    const facts = await h.connector.pullConsent(h.ctx, since);
    expect(facts.map((f) => [f.email, f.state, f.explicit])).toEqual([
      [people.ana, 'unsubscribed', true],
      [people.long, 'unsubscribed', false],
      [people.subOnly, 'unsubscribed', true],
    ]);
    expect(facts[0]!.mechanism).toMatch(/unsubscribe link or preference centre/);
    expect(facts[0]!.at).toBe(since + 5_000);
    expect(facts[2]!.mechanism).toMatch(/subscribers address book/);
    // Nothing from before the cursor comes back again.
    expect(await h.connector.pullConsent(h.ctx, h.clock.now() + 60_000)).toEqual([]);

    // BigCommerce re-sends Ana as subscribed (a profile edit): the platform-side unsubscribe stands.
    h.clock.advance(60_000);
    h.enqueue(
      [
        staged('subscribers', 11, subscriber(11, people.ana, ['marketing_newsletter']), {
          historical: false,
          dateModified: new Date(h.clock.now()).toISOString(),
        }),
      ],
      false,
    );
    await h.settle();
    const ana = await contact(people.ana);
    expect(ana.status).toBe('unsubscribed');
    expect(ana.lists.filter((l) => l.id === h!.books.subscribers)).toEqual([]);
  });

  it('erases the contact with its Insight data and returns a receipt without the email', async () => {
    h = await startHarness();
    h.enqueue(seed(), true);
    await h.settle();
    expect((await contact(people.ana)).identifiers.email).toBe(people.ana);
    const receipt = await h.connector.erase(h.ctx, ' ANA.Silva@example.com ');
    expect(receipt).toMatchObject({ system: 'dotdigital', outcome: 'erased', at: h.clock.now() });
    expect(receipt.detail).toMatch(/deleted with DELETE \/contacts\/v3/);
    expect(receipt.detail.toLowerCase()).not.toContain('ana');
    const gone = await fetch(`${h.sim.url}/__sim/contacts/${people.ana}`);
    expect(gone.status).toBe(404);
    const insight =
      await h.simGet<Array<{ records: Array<{ json: Record<string, unknown> }> }>>('/__sim/insight');
    expect(JSON.stringify(insight).toLowerCase()).not.toContain(people.ana);
    expect(await h.connector.erase(h.ctx, people.ana)).toMatchObject({ outcome: 'not_found' });
    await h.sim.servers[h.ctx.credentials.region].down();
    const down = await h.connector.erase(h.ctx, people.guest);
    expect(down.outcome).toBe('failed');
    expect(down.detail).not.toContain(people.guest);
  });
});

// Runs in: vitest. Owns: opt-outs and opt-ins made in SALESmanago coming back through pullConsent (explicit only
// against what Storebridge last sent), the pull switched off by the optInSync setting, and the GDPR erase with
// its receipt.
import { afterEach, describe, expect, it } from 'vitest';
import { people, seed } from './fixtures.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(() => {
  h = undefined; // the harness closes its simulator and database itself
});

describe('SALESmanago consent and erase', () => {
  it('returns a platform-side opt-out, explicit only against what was sent, dated by the change', async () => {
    h = await startHarness();
    h.enqueue(seed(), true);
    await h.settle();
    // Contacts sent by the sync count as modified at the time of sending: the window starts after it.
    const since = h.clock.now() + 1;
    h.clock.advance(5_000);
    expect(await h.connector.pullConsent(h.ctx, since)).toEqual([]);
    await h.simPost('/__sim/contacts/opt-out', { email: people.ana });
    h.clock.advance(1_000);
    // A contact Storebridge never sent a consent state for: origin unknown, so not explicit.
    await h.simPost('/__sim/contacts/opt-out', { email: people.long });
    const facts = await h.connector.pullConsent(h.ctx, since);
    expect(facts.map((f) => [f.email, f.state, f.explicit, f.mechanism]).sort()).toEqual([
      [people.ana, 'unsubscribed', true, 'opted out in SALESmanago'],
      [people.long, 'unsubscribed', false, 'e-mail status in SALESmanago (origin unknown)'],
    ]);
    expect(facts.find((f) => f.email === people.ana)!.at).toBe(since - 1 + 5_000);
    // Past the change, nothing comes back.
    expect(await h.connector.pullConsent(h.ctx, h.clock.now() + 1)).toEqual([]);
  });

  it('pulls nothing when opt-in synchronisation is off', async () => {
    h = await startHarness({ settings: { optInSync: false } });
    h.enqueue(seed(), true);
    await h.settle();
    const since = h.clock.now() + 1;
    h.clock.advance(1_000);
    await h.simPost('/__sim/contacts/opt-out', { email: people.ana });
    expect(await h.connector.pullConsent(h.ctx, since)).toEqual([]);
  });

  it('erases the contact (removed now, purged overnight) with a receipt without the email', async () => {
    h = await startHarness();
    h.enqueue(seed(), true);
    await h.settle();
    const receipt = await h.connector.erase(h.ctx, ' ANA.Silva@Example.com ');
    expect(receipt).toMatchObject({ system: 'SALESmanago', outcome: 'erased', at: h.clock.now() });
    expect(receipt.detail).toMatch(/purged permanently by SALESmanago overnight/);
    expect(receipt.detail.toLowerCase()).not.toContain(people.ana);
    expect(h.sim.contact(people.ana)?.deleted).toBe(true);
    await h.simPost('/__sim/purge');
    expect(h.sim.contact(people.ana)).toBeUndefined();
    const again = await h.connector.erase(h.ctx, people.ana);
    expect(again.outcome).toBe('not_found');
    expect(again.detail.toLowerCase()).not.toContain(people.ana);
    await h.sim.server.down();
    const down = await h.connector.erase(h.ctx, people.guest);
    expect(down.outcome).toBe('failed');
    expect(down.detail).not.toContain(people.guest);
  });
});

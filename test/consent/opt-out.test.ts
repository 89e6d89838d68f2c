// Runs in: vitest. Owns: an opt-out made on a platform flowing into the ledger, back to BigCommerce (the
// simulator's subscriber) and, through the normal sync, to the other platform; and an import never upgrading.
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/main/core/clock.js';
import { ConsentService } from '../../src/main/consent/service.js';
import { subscriberRecord } from '../platforms/activecampaign/fixtures.js';
import { bcPost, openWorld, STORE, type World } from './world.js';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const CAROL = 'carol@example.com';

async function carolEverywhere(world: World): Promise<void> {
  await bcPost(world, '/v3/customers/subscribers', {
    email: CAROL,
    source: 'storefront',
    consents: ['marketing_newsletter'],
  });
  const rec = subscriberRecord(10, CAROL, ['marketing_newsletter'], '2025-03-02T10:00:00Z');
  world.ac.enqueue([rec], true);
  world.cf.enqueue([rec], true);
  await world.ac.drainAll();
  await world.cf.drainAll();
  await world.extract();
}

describe('consent ledger against the simulators', () => {
  it('an opt-out made in ActiveCampaign reaches the ledger, BigCommerce and Connectif', async () => {
    w = await openWorld();
    const consent = new ConsentService(w.db, w.systems, systemClock);
    await carolEverywhere(w);
    expect(consent.observe(STORE)).toBe(1);
    expect(consent.show(STORE, CAROL).effective.state).toBe('subscribed');
    expect(consent.report(STORE)).toEqual([]);

    const listId = w.ac.sim.state().lists.find((l) => l.name === 'Master Contact List')!.id;
    w.ac.sim.actions.unsubscribe(CAROL, listId, 'Too many emails');
    const pulled = await consent.pull();
    expect(pulled).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ connectionId: 'conn-ac', recorded: 1 }),
        expect.objectContaining({ connectionId: 'conn-cf', recorded: 0 }),
      ]),
    );
    const person = consent.show(STORE, 'Carol@Example.com');
    expect(person.effective.state).toBe('unsubscribed');
    expect(person.effective.decidedBy).toMatchObject({ source: 'activecampaign', explicit: true });
    expect(person.bySource['bigcommerce']?.state).toBe('subscribed');
    expect(person.bySource['conn-ac']?.mechanism).toContain('Too many emails');

    // BigCommerce and the other platform disagree with the verdict, and the report says so.
    const report = consent.report(STORE);
    expect(report).toHaveLength(1);
    expect(report[0]!.systems.map((s) => s.system).sort()).toEqual(['bigcommerce', 'conn-cf']);
    const preview = consent.preview(STORE);
    expect(preview.map((a) => [a.system, a.to, a.how]).sort()).toEqual([
      ['bigcommerce', 'unsubscribed', 'bigcommerce_write'],
      ['conn-cf', 'unsubscribed', 'enqueue_sync'],
    ]);
    // The preview changed nothing.
    expect(w.bc.control['k']!.state.subscriberByEmail(CAROL)!.consents).toEqual(['marketing_newsletter']);

    const applied = await consent.apply(STORE);
    expect(applied.done.map((d) => d.outcome)).toEqual(['applied', 'applied']);
    expect(w.bc.control['k']!.state.subscriberByEmail(CAROL)!.consents).toEqual([]);
    await w.cf.drainAll();
    expect(w.cf.sim.contacts.get(CAROL)!.data['_newsletterSubscriptionStatus']).toBe('unsubscribed');
    expect(consent.report(STORE)).toEqual([]);

    // The next sync reads BigCommerce's new state: nothing new, nothing to reconcile.
    await w.extract();
    consent.observe(STORE);
    expect(consent.show(STORE, CAROL).effective.state).toBe('unsubscribed');
    expect(consent.preview(STORE)).toEqual([]);
  });

  it('an import never upgrades an unsubscribed person; a later explicit action does', async () => {
    w = await openWorld();
    const consent = new ConsentService(w.db, w.systems, systemClock);
    const t0 = Date.now();
    consent.ledger.record({
      storeId: STORE,
      email: CAROL,
      channel: 'email',
      source: 'activecampaign',
      connectionId: 'conn-ac',
      state: 'unsubscribed',
      mechanism: 'unsubscribe link',
      actor: 'person',
      explicit: true,
      at: t0 - 60_000,
    });
    // BigCommerce gets the person by an API import (source "custom"), subscribed, after the unsubscribe.
    await bcPost(w, '/v3/customers/subscribers', {
      email: CAROL,
      source: 'custom',
      consents: ['marketing_newsletter'],
    });
    await w.extract();
    expect(consent.observe(STORE)).toBe(1);
    const p = consent.show(STORE, CAROL);
    expect(p.bySource['bigcommerce']).toMatchObject({ state: 'subscribed', explicit: false });
    expect(p.effective.state).toBe('unsubscribed');
    // A platform import saying "subscribed" does not upgrade either.
    consent.ledger.record({
      storeId: STORE,
      email: CAROL,
      channel: 'email',
      source: 'connectif',
      connectionId: 'conn-cf',
      state: 'subscribed',
      mechanism: 'contact import',
      actor: 'system',
      explicit: false,
      at: t0,
    });
    expect(consent.show(STORE, CAROL).effective.state).toBe('unsubscribed');

    const impact = await consent.impact(STORE, 'conn-cf');
    expect(impact).toMatchObject({ created: 4, subscribed: 0, stayUnsubscribed: 4 });
    expect(impact.summary).toBe(
      '4 contacts created, 0 subscribed, 4 stay unsubscribed, 0 double opt-in emails',
    );
    // Reconciling would take BigCommerce down, never the other way.
    const preview = consent.preview(STORE);
    expect(preview.every((a) => a.to === 'unsubscribed')).toBe(true);
    expect(preview.map((a) => a.system).sort()).toEqual(['bigcommerce', 'conn-cf']);

    // The person subscribes again with a form: explicit, newer, it wins.
    consent.recordMerchantAction({
      storeId: STORE,
      email: CAROL,
      channel: 'email',
      state: 'subscribed',
      mechanism: 'phone call',
    });
    expect(consent.show(STORE, CAROL).effective.state).toBe('subscribed');
    expect(await consent.impact(STORE, 'conn-cf')).toMatchObject({ subscribed: 1, stayUnsubscribed: 3 });
  });
});

// Runs in: vitest (under scripts/with-keychain.sh). Owns: issue 10's "done when" across one store connected to
// all five platforms' simulators: opt-outs made on dotdigital and SALESmanago reach BigCommerce and the other
// four; an import never upgrades an unsubscribed person; an erase yields a receipt per system, leaves no byte of
// the email in any file of the workspace folder, and the next sync does not bring the person back; an access
// request returns everything held.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/main/core/clock.js';
import { ConsentService } from '../../src/main/consent/service.js';
import { PrivacyService } from '../../src/main/privacy/service.js';
import { purgeSuppressed } from '../../src/main/privacy/purge.js';
import { bcPost, STORE } from '../consent/world.js';
import type { SimContact } from '../platforms/dotdigital/harness.js';
import { openFiveWorld, type FiveWorld } from './five-world.js';

let w: FiveWorld | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const CAROL = 'carol@example.com';
const DAVE = 'dave@example.com';
const ZOE = 'zoe@example.com';

/** Every file of the folder (both databases, their -wal and -shm), searched as UTF-8 and UTF-16. */
function traces(dir: string, email: string): string[] {
  return readdirSync(dir).filter((name) => {
    const bytes = readFileSync(join(dir, name));
    return [bytes.toString('latin1'), bytes.toString('utf16le'), bytes.subarray(1).toString('utf16le')].some(
      (s) => s.toLowerCase().includes(email),
    );
  });
}

async function subscribe(world: FiveWorld, ...emails: string[]): Promise<void> {
  for (const email of emails)
    await bcPost(world, '/v3/customers/subscribers', {
      email,
      source: 'storefront',
      consents: ['marketing_newsletter'],
    });
}

/** Waits (polling, not a fixed sleep) until the wall clock is in a later second than `t`. */
async function secondAfter(t: number): Promise<void> {
  while (Math.floor(Date.now() / 1000) <= Math.floor(t / 1000)) await new Promise((r) => setTimeout(r, 20));
}

const inSubscribersBook = (c: SimContact, book: number) =>
  c.status === 'subscribed' && c.lists.some((l) => l.id === book && l.status === 'subscribed');

/** Each platform's own view: may it send this person marketing email? */
async function subscribedOn(world: FiveWorld, email: string): Promise<Record<string, boolean | undefined>> {
  const ac = world.ac.sim.state().contacts.find((c) => c.email.toLowerCase() === email);
  const cf = world.cf.sim.contacts.get(email);
  const br = world.br.sim.findCustomer({ email_id: email });
  const dd = await fetch(`${world.dd.sim.url}/__sim/contacts/${email}`);
  const sm = world.sm.sim.contact(email);
  return {
    activecampaign: ac ? ac.lists.some((l) => l.status === 1) : undefined,
    connectif: cf ? cf.data['_newsletterSubscriptionStatus'] === 'subscribed' : undefined,
    bloomreach: br
      ? (br['consents'] as Record<string, { valid: boolean }> | undefined)?.['newsletter']?.valid === true
      : undefined,
    // dotdigital keeps the contact and takes them out of the subscribers book.
    dotdigital: dd.ok
      ? inSubscribersBook((await dd.json()) as SimContact, world.dd.books.subscribers)
      : undefined,
    salesmanago: sm && !sm.deleted ? !sm.optedOut : undefined,
  };
}

const everywhere = (v: boolean | undefined) => ({
  activecampaign: v,
  connectif: v,
  bloomreach: v,
  dotdigital: v,
  salesmanago: v,
});

describe('consent and privacy across all five platforms', () => {
  it('opt-outs made on dotdigital and SALESmanago reach BigCommerce and the other platforms; imports never upgrade', async () => {
    w = await openFiveWorld();
    const consent = new ConsentService(w.db, w.systems, systemClock);
    await subscribe(w, CAROL, DAVE);
    await w.extract();
    await w.deliver(w.staged(), { historical: true });
    const deliveredAt = Date.now();
    expect(await subscribedOn(w, CAROL)).toEqual(everywhere(true));
    expect(await subscribedOn(w, DAVE)).toEqual(everywhere(true));
    consent.observe(STORE);
    const first = await consent.pull();
    expect(first.map((r) => [r.connectionId, r.error])).toEqual(
      ['conn-ac', 'conn-cf', 'conn-br', 'conn-dd', 'conn-sm'].map((c) => [c, undefined]),
    );
    expect(consent.report(STORE)).toEqual([]);

    // Carol unsubscribes with dotdigital's link, Dave opts out in SALESmanago, a minute later.
    w.dd.clock.advance(60_000);
    w.sm.clock.advance(60_000);
    await w.dd.simPost(`/__sim/contacts/${CAROL}/unsubscribe`);
    await w.sm.simPost('/__sim/contacts/opt-out', { email: DAVE });
    await consent.pull();
    expect(consent.show(STORE, CAROL).effective).toMatchObject({
      state: 'unsubscribed',
      decidedBy: { source: 'dotdigital', explicit: true },
    });
    expect(consent.show(STORE, DAVE).effective).toMatchObject({
      state: 'unsubscribed',
      decidedBy: { source: 'salesmanago', explicit: true },
    });
    const preview = consent.preview(STORE);
    expect(preview.filter((a) => a.email === CAROL).map((a) => [a.system, a.how])).toEqual([
      ['bigcommerce', 'bigcommerce_write'],
      ['conn-ac', 'enqueue_sync'],
      ['conn-cf', 'enqueue_sync'],
      ['conn-br', 'enqueue_sync'],
      ['conn-sm', 'enqueue_sync'],
    ]);
    expect(preview.filter((a) => a.email === DAVE).map((a) => a.system)).toEqual([
      'bigcommerce',
      'conn-ac',
      'conn-cf',
      'conn-br',
      'conn-dd',
    ]);

    // ActiveCampaign dates list changes to the second and applies only a strictly newer unsubscribe: in a
    // test the whole story fits in one second, so let the clock pass the second of the first delivery.
    await secondAfter(deliveredAt);
    const applied = await consent.apply(STORE);
    expect(applied.done.filter((d) => d.outcome !== 'applied')).toEqual([]);
    await w.deliver([], { historical: false }); // drains what reconciling queued on each platform
    for (const email of [CAROL, DAVE]) {
      expect(w.bc.control['k']!.state.subscriberByEmail(email)!.consents).toEqual([]);
      expect(await subscribedOn(w, email)).toEqual(everywhere(false));
    }
    expect(consent.report(STORE)).toEqual([]);

    // An API import puts Carol back into BigCommerce as subscribed (a later second, so the row really changes):
    // her subscriber row came from the storefront, but this edit is not her act, so nothing is raised.
    await secondAfter(Date.now());
    await w.transport.request(
      'PUT',
      `/v3/customers/subscribers/${w.bc.control['k']!.state.subscriberByEmail(CAROL)!.id}`,
      {
        json: { consents: ['marketing_newsletter'] },
      },
    );
    await w.extract();
    expect(consent.observe(STORE)).toBe(1);
    expect(consent.show(STORE, CAROL).bySource['bigcommerce']).toMatchObject({
      state: 'subscribed',
      explicit: false,
    });
    expect(consent.show(STORE, CAROL).effective.state).toBe('unsubscribed');
    expect(consent.preview(STORE).filter((a) => a.to === 'subscribed')).toEqual([]);
    const impact = await consent.impact(STORE, 'conn-dd');
    // Three seeded customers without consent, and Carol and Dave: nobody is subscribed by a historical sync.
    expect(impact).toMatchObject({ people: 5, subscribed: 0, stayUnsubscribed: 5 });
  });

  it('erases a person on all five platforms and BigCommerce, leaves no byte behind, and the next sync keeps them out', async () => {
    w = await openFiveWorld();
    await bcPost(w, '/v3/customers', [{ email: 'Zoe@Example.com', first_name: 'Zoë', last_name: 'Núñez' }]);
    await subscribe(w, ZOE, CAROL);
    await w.extract();
    await w.deliver(w.staged(), { historical: true });
    expect(await subscribedOn(w, ZOE)).toEqual(everywhere(true));
    const consent = new ConsentService(w.db, w.systems, systemClock);
    consent.observe(STORE);
    await consent.pull();
    const zoeId = String(w.bc.control['k']!.state.customerByEmail(ZOE)!.id);
    w.db
      .prepare(
        `INSERT INTO deliveries (connection_id, entity_type, entity_id, version, payload_hash, delivered_at, payload)
         VALUES ('conn-dd', 'customer', ?, 'v', 'h', 1, ?)`,
      )
      .run(zoeId, JSON.stringify({ email: ZOE }));
    w.events.append(
      { level: 'warn', type: 'delivery.retry', message: 'retrying Zoe@Example.com', connectionId: 'conn-sm' },
      { level: 'info', type: 'delivery.batch', message: 'batch', payload: { email: ZOE, name: 'Zoë' } },
      { level: 'info', type: 'extract.page', message: 'page 1 of customers' },
    );

    const privacy = new PrivacyService(w.db, w.events.db, w.systems, systemClock, w.secrets);
    const held = await privacy.access('ZOE@example.com');
    expect(held.records.map((r) => r.resource).sort()).toEqual(['customers', 'subscribers']);
    expect(JSON.stringify(held.records)).toContain('Núñez');
    expect(held.consentFacts).toHaveLength(1);
    expect(held.deliveries).toHaveLength(1);
    expect(held.events).toHaveLength(2);
    expect(held.suppressed).toBe(false);
    expect(JSON.stringify(held)).not.toContain(CAROL);
    expect(traces(w.dir, ZOE).length).toBeGreaterThan(0); // the search finds the email when it is there

    const out = await privacy.erase('Zoe@Example.com', { bigcommerce: true });
    expect(out.receipts.map((r) => [r.system.split(' (')[0], r.outcome])).toEqual([
      ['ActiveCampaign', 'erased'],
      ['Connectif', 'erased'],
      ['Bloomreach Engagement', 'anonymised'],
      ['dotdigital', 'erased'],
      ['SALESmanago', 'erased'],
      ['BigCommerce', 'erased'],
      ['Storebridge workspace', 'erased'],
    ]);
    expect(JSON.stringify(out.receipts).toLowerCase()).not.toContain(ZOE);
    expect(JSON.stringify(privacy.audit()).toLowerCase()).not.toContain(ZOE);
    expect(out.remaining).toEqual([]);
    expect(out.walTruncated).toBe(true);
    await w.sm.simPost('/__sim/purge'); // SALESmanago's overnight purge of removed contacts
    expect(await subscribedOn(w, ZOE)).toEqual(everywhere(undefined));
    expect(w.bc.control['k']!.state.customerByEmail(ZOE)).toBeUndefined();
    expect(traces(w.dir, ZOE)).toEqual([]);
    expect(await subscribedOn(w, CAROL)).toEqual(everywhere(true)); // nobody else was touched

    // Zoe comes back into BigCommerce by an API import, with no new consent of hers: the next sync stages her,
    // the purge removes her at once, and the planners' guard keeps her off every platform.
    await bcPost(w, '/v3/customers', [{ email: ZOE, first_name: 'Zoë', last_name: 'Núñez' }]);
    await bcPost(w, '/v3/customers/subscribers', {
      email: ZOE,
      source: 'custom',
      consents: ['marketing_newsletter'],
    });
    const { seq } = w.db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM staging').get() as { seq: number };
    await w.extract();
    const stale = w.staged().filter((r) => JSON.stringify(r.data).toLowerCase().includes(ZOE));
    expect(stale.length).toBe(2);
    expect(purgeSuppressed(w.db, w.events.db, privacy.suppression, STORE, seq)).toBe(1);
    await w.deliver([...w.staged(), ...stale], { historical: false, suppression: privacy.suppression });
    expect(await subscribedOn(w, ZOE)).toEqual(everywhere(undefined));
    expect(await subscribedOn(w, CAROL)).toEqual(everywhere(true));
    expect(traces(w.dir, ZOE)).toEqual([]);
    const after = await privacy.access(ZOE);
    expect(after).toMatchObject({ records: [], consentFacts: [], events: [], suppressed: true });
  });
});

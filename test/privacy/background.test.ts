// Runs in: vitest (under scripts/with-keychain.sh). Owns: the background privacy jobs on an injected clock and
// timers against the simulators: the consent pull carrying an ActiveCampaign opt-out to BigCommerce and
// Connectif on its own, a quiet pull logging nothing, and a due anonymisation policy erasing the next day.
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/main/core/clock.js';
import { ConsentService } from '../../src/main/consent/service.js';
import { privacyJobs } from '../../src/main/privacy/background.js';
import { PeriodicJobs } from '../../src/main/privacy/periodic.js';
import { PrivacyService } from '../../src/main/privacy/service.js';
import { subscriberRecord } from '../platforms/activecampaign/fixtures.js';
import { ManualTimers } from '../support/manual-timers.js';
import { bcPost, openWorld, STORE, type World } from '../consent/world.js';

let w: World | undefined;
let jobs: PeriodicJobs | undefined;
afterEach(async () => {
  await jobs?.dispose();
  await w?.close();
  w = jobs = undefined;
});

const CAROL = 'carol@example.com';
const OLD = 'old@example.com';
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe('background consent pull and anonymisation policies', () => {
  it('pulls an opt-out and carries it on its own; runs a due policy the next day', async () => {
    w = await openWorld();
    await bcPost(w, '/v3/customers/subscribers', {
      email: CAROL,
      source: 'storefront',
      consents: ['marketing_newsletter'],
    });
    await bcPost(w, '/v3/customers/subscribers', { email: OLD, source: 'custom', consents: [] });
    const rec = subscriberRecord(10, CAROL, ['marketing_newsletter'], '2025-03-02T10:00:00Z');
    w.ac.enqueue([rec], true);
    w.cf.enqueue([rec], true);
    await w.ac.drainAll();
    await w.cf.drainAll();
    await w.extract();
    // A minute ahead of the simulators' real time, so what they stamped "now" is in this clock's past.
    const clock = new ManualClock(Date.now() + MIN);
    const timers = new ManualTimers(clock);
    const privacy = new PrivacyService(w.db, w.events.db, w.systems, clock, w.secrets);
    const consent = new ConsentService(w.db, w.systems, clock, {
      isSuppressed: privacy.isSuppressed,
      prepare: () => privacy.prepare(),
    });
    consent.observe(STORE);
    privacy.policies.add(
      {
        name: 'stale',
        storeId: STORE,
        rule: 'subscriber_without_customer_no_consent',
        olderThanDays: 1,
        everyDays: 1,
      },
      clock.now(),
    );
    const listId = w.ac.sim.state().lists.find((l) => l.name === 'Master Contact List')!.id;
    w.ac.sim.actions.unsubscribe(CAROL, listId, 'Too many emails');
    const logged = () => w!.events.query({}).filter((e) => /^(consent|privacy)\./.test(e.type));

    jobs = new PeriodicJobs({
      clock,
      timers,
      jobs: privacyJobs({
        consent,
        privacy,
        storeIds: w.systems.storeIds,
        events: w.events,
        clock,
      }),
    });
    jobs.start();
    await jobs.runNow('consent-pull'); // joins the run that started with the schedule
    await jobs.runNow('anonymisation-policies');
    const start = clock.now();

    // The opt-out reached the ledger, BigCommerce, and (through the queue) Connectif, with no one asking.
    expect(consent.show(STORE, CAROL).effective.state).toBe('unsubscribed');
    expect(w.bc.control['k']!.state.subscriberByEmail(CAROL)!.consents).toEqual([]);
    await w.cf.drainAll();
    expect(w.cf.sim.contacts.get(CAROL)!.data['_newsletterSubscriptionStatus']).toBe('unsubscribed');
    // The policy ran at start too: nobody was old enough yet, and the log says so (newest first).
    expect(logged().map((e) => [e.type, e.payload])).toEqual([
      ['privacy.policy_run', { policyId: expect.any(String), erased: 0, failed: 0 }],
      ['consent.pulled', { connections: 2, recorded: 1, applied: 2, failed: 0 }],
    ]);
    expect(privacy.isSuppressed(STORE, OLD)).toBe(false);
    expect(jobs.status().map((s) => [s.name, s.nextRunAt! - s.lastRunFinished!])).toEqual([
      ['consent-pull', 15 * MIN],
      ['anonymisation-policies', DAY],
    ]);

    // A quiet pull is not logged.
    await timers.advance(15 * MIN);
    await jobs.runNow('consent-pull');
    expect(logged()).toHaveLength(2);
    expect(jobs.status()[0]!.lastRunStarted).toBeGreaterThanOrEqual(start + 15 * MIN);

    // A day later the policy is due: subscribers without an account or valid consent are erased, Carol too now.
    await timers.advance(DAY);
    await jobs.runNow('anonymisation-policies');
    expect(privacy.isSuppressed(STORE, OLD)).toBe(true);
    expect(privacy.isSuppressed(STORE, CAROL)).toBe(true);
    expect(privacy.audit()).toHaveLength(2);
    const run = logged()[0]!;
    expect(run.message).toBe('Anonymisation policy "stale": 2 person(s) erased');
    expect(JSON.stringify(logged())).not.toContain(OLD);
    expect(JSON.stringify(logged())).not.toContain(CAROL);
  });
});

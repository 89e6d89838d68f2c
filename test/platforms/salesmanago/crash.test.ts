// Runs in: vitest (under scripts/with-keychain.sh). Owns: the crash test for SALESmanago: a historical sync
// (batch contact upserts, PURCHASE/CANCELLATION/RETURN external events the simulator stores once per call)
// SIGKILLed at seeded points and restarted until done: every contact once and every event exactly once (each
// event's mark lands on its contact in the same call, so resolveInDoubt knows what arrived before the kill).
import { afterEach, describe, expect, it } from 'vitest';
import { SimControl } from '../../../src/sandbox/kit/index.js';
import { startSalesmanagoSim } from '../../../src/sandbox/salesmanago/index.js';
import { crashPoints, duplicates, runCrashHarness } from '../../engine/crash-support.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

const BATCH = 10;

describe('crash harness: SALESmanago', () => {
  it('SIGKILLed at seeded points, restarted: every contact once, every event exactly once', async () => {
    const sim = await startSalesmanagoSim();
    closers.push(() => sim.close());
    // Calls answered 150 ms after SALESmanago applied them, so kills land with a batch in flight.
    await new SimControl(sim.url).fault({
      kind: 'slow',
      delayMs: 150,
      method: 'POST',
      pathIncludes: '/api/',
    });
    const a = sim.credentials;
    const kills = crashPoints();
    const report = await runCrashHarness({
      platform: 'salesmanago',
      seed: 7070,
      kills,
      batchSize: BATCH,
      store: { customers: 80, orders: 160, products: 10 },
      // Every job the store plans (contacts, order contacts, events), so kills reach the events.
      expectedRecords: 420,
      setup: async () => ({
        // A full endpoint address reaches the simulator; no v3 key, so the catalogue stays out of this test.
        credentials: {
          clientId: a.clientId,
          apiKey: 'storebridge-crash',
          apiSecret: a.apiSecret,
          owner: a.owner,
          endpoint: a.endpoint,
        },
        settings: {
          location: 'bc-crash',
          shopDomain: 'shop.example.com',
          storeUrl: 'https://shop.example.com/',
        },
      }),
      verify: async ({ expected, report }) => {
        const emails = sim.contacts().map((c) => c.email.toLowerCase());
        expect(duplicates(emails), 'contacts twice').toEqual({});
        const events = sim.events();
        const ofType = (t: string) =>
          events.filter((e) => e.contactExtEventType === t).map((e) => e.externalId ?? '(none)');
        for (const type of ['PURCHASE', 'CANCELLATION', 'RETURN']) {
          const ids = ofType(type);
          expect(new Set(ids), `${type} events`).toEqual(
            expected.get(type === 'PURCHASE' ? 'purchase' : type.toLowerCase()) ?? new Set(),
          );
          expect(duplicates(ids), `${type} events sent twice`).toEqual({});
        }
        expect(ofType('PURCHASE').length).toBeGreaterThan(100);
        // Kills that landed with events answered but not yet recorded: the case the marks exist for.
        expect(report.kills.length).toBeGreaterThan(0);
      },
    });
    expect(report.kills).toHaveLength(kills);
    expect(report.dead).toBe(0);
    expect(
      report.kills.filter((k) => k.ledgerAtKill > 160).length,
      'kills during the events',
    ).toBeGreaterThan(0);
  }, 120_000);
});

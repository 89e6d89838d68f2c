// Runs in: vitest (under scripts/with-keychain.sh). Owns: the crash test for SALESmanago: a historical sync
// (batch contact upserts, PURCHASE/CANCELLATION/RETURN external events the simulator stores once per call)
// SIGKILLed at seeded points and restarted until done: every contact once, every event there, and an event
// sent twice only where the README's documented crash window allows it (answered, then killed before the
// ledger recorded it: SALESmanago offers no way to read events back).
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
  it('SIGKILLed at seeded points, restarted: every contact once, every event there', async () => {
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
        let twice = 0;
        for (const type of ['PURCHASE', 'CANCELLATION', 'RETURN']) {
          const ids = ofType(type);
          expect(new Set(ids), `${type} events`).toEqual(
            expected.get(type === 'PURCHASE' ? 'purchase' : type.toLowerCase()) ?? new Set(),
          );
          twice += Object.values(duplicates(ids)).reduce((n, k) => n + k - 1, 0);
        }
        // At most the batch each kill interrupted: anything more would be a bug, not the documented window.
        expect(twice, 'events sent twice beyond the crash window').toBeLessThanOrEqual(
          report.kills.length * BATCH,
        );
        expect(ofType('PURCHASE').length).toBeGreaterThan(100);
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

// Runs in: vitest (under scripts/with-keychain.sh). Owns: the crash test for SALESmanago: a historical sync
// (batch contact upserts, PURCHASE/CANCELLATION/RETURN external events the simulator stores once per call)
// SIGKILLed at seeded points and restarted until done leaves every contact and every event there once.
import { afterEach, describe, expect, it } from 'vitest';
import { startSalesmanagoSim } from '../../../src/sandbox/salesmanago/index.js';
import { crashPoints, duplicates, runCrashHarness } from '../../engine/crash-support.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

describe('crash harness: SALESmanago', () => {
  it('SIGKILLed at seeded points, restarted: every contact and external event arrives once', async () => {
    const sim = await startSalesmanagoSim();
    closers.push(() => sim.close());
    const a = sim.credentials;
    const kills = crashPoints();
    const report = await runCrashHarness({
      platform: 'salesmanago',
      seed: 7070,
      kills,
      store: { customers: 80, orders: 160, products: 10 },
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
      verify: async ({ expected }) => {
        const emails = sim.contacts().map((c) => c.email.toLowerCase());
        expect(duplicates(emails), 'contacts twice').toEqual({});
        const events = sim.events();
        const ofType = (t: string) =>
          events.filter((e) => e.contactExtEventType === t).map((e) => e.externalId ?? '(none)');
        for (const type of ['PURCHASE', 'CANCELLATION', 'RETURN']) {
          const ids = ofType(type);
          expect(duplicates(ids), `${type} events twice`).toEqual({});
          expect(new Set(ids), `${type} events`).toEqual(
            expected.get(type === 'PURCHASE' ? 'purchase' : type.toLowerCase()) ?? new Set(),
          );
        }
        expect(ofType('PURCHASE').length).toBeGreaterThan(100);
      },
    });
    expect(report.kills).toHaveLength(kills);
    expect(report.dead).toBe(0);
    expect(report.kills.filter((k) => k.ledgerAtKill > 0).length).toBeGreaterThan(kills / 2);
  }, 120_000);
});

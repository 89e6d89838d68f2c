// Runs in: vitest (under scripts/with-keychain.sh). Owns: the crash test for dotdigital: a historical sync
// (bulk contact and Insight imports, confirmed by polling) SIGKILLed at seeded points and restarted until done
// leaves every customer in the customers book once and every order in the Orders collection once.
import { afterEach, describe, expect, it } from 'vitest';
import { dotdigitalConnector } from '../../../src/main/platforms/dotdigital/index.js';
import { startDotdigitalSim } from '../../../src/sandbox/dotdigital/index.js';
import { SimControl } from '../../../src/sandbox/kit/index.js';
import { crashPoints, duplicates, runCrashHarness } from '../../engine/crash-support.js';
import { simCredentials } from './credentials.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

const EXPECTED_JOBS = 420;

describe('crash harness: dotdigital', () => {
  it('SIGKILLed at seeded points, restarted: every contact and order arrives once', async () => {
    const sim = await startDotdigitalSim({
      rateLimits: { tiers: { low: 100_000, medium: 100_000, high: 100_000 }, flatLimit: 1_000_000 },
    });
    closers.push(() => sim.close());
    const credentials = simCredentials(sim);
    // Writes answered 150 ms after dotdigital applied them, so kills land with an import or a call in flight.
    await new SimControl(sim.urls[credentials.region]).fault({ kind: 'slow', delayMs: 150, method: 'POST' });
    const kills = crashPoints();
    const report = await runCrashHarness({
      platform: 'dotdigital',
      seed: 6060,
      kills,
      store: { customers: 80, orders: 160, products: 10 },
      // Every job the store plans (people, orders, first-order slots, products), so kills reach the orders.
      expectedRecords: EXPECTED_JOBS,
      setup: async () => {
        const base = { credentials, signal: new AbortController().signal };
        const customers = await dotdigitalConnector.setup.ensureAddressBook(base, 'Store customers');
        const subscribers = await dotdigitalConnector.setup.ensureAddressBook(base, 'Store subscribers');
        const settings = {
          customersAddressBookId: customers.id,
          subscribersAddressBookId: subscribers.id,
          storeUrl: 'https://shop.example.com/',
        };
        await dotdigitalConnector.setup.ensureDataFields({
          ...base,
          settings: dotdigitalConnector.settingsSchema.parse(settings),
        });
        return { credentials, settings };
      },
      verify: async ({ expected, ws, connectionId }) => {
        const st = sim.store();
        const settings = ws.connections.get(connectionId).settings as { customersAddressBookId: number };
        const emails = [...st.contacts.values()].map((c) => c.email.toLowerCase());
        expect(duplicates(emails), 'contacts twice').toEqual({});
        const inBook = [...st.contacts.values()].filter((c) => c.lists.has(settings.customersAddressBookId));
        const customerIds = inBook
          .map((c) => c.dataFields['BC_CUSTOMER_ID'])
          .filter((x) => x !== null && x !== undefined)
          .map(String);
        expect(duplicates(customerIds), 'customers twice').toEqual({});
        expect(new Set(customerIds)).toEqual(expected.get('customer'));
        const orders = [...(st.collection('Orders')?.records.keys() ?? [])];
        expect(new Set(orders)).toEqual(expected.get('order'));
        expect(orders.length).toBeGreaterThan(100);
      },
    });
    expect(report.kills).toHaveLength(kills);
    expect(report.dead).toBe(0);
    expect(report.kills.filter((k) => k.ledgerAtKill > 0).length).toBeGreaterThan(kills / 2);
  }, 120_000);
});

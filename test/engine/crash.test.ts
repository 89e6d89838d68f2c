// Runs in: vitest (under scripts/with-keychain.sh). Owns: the crash test: a historical sync SIGKILLed at 20
// seeded points and restarted until done delivers every record exactly once, to an append-only destination
// (the file exporter), an upsert destination with non-idempotent orders (ActiveCampaign) and Connectif purchases.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startActiveCampaignSim } from '../../src/sandbox/activecampaign/index.js';
import { startConnectifSim } from '../../src/sandbox/connectif/index.js';
import { runCrashHarness } from '../support/crash-harness.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

/** How many times each value occurs more than once. */
function duplicates(values: string[]): Record<string, number> {
  const seen: Record<string, number> = {};
  for (const v of values) seen[v] = (seen[v] ?? 0) + 1;
  return Object.fromEntries(Object.entries(seen).filter(([, n]) => n > 1));
}

describe('crash harness: SIGKILL at 20 seeded points, restart until done', () => {
  it('file exporter (appends): every record written once', async () => {
    let out = '';
    const report = await runCrashHarness({
      platform: 'file',
      seed: 20261123,
      expectedRecords: 470,
      setup: async ({ scratch }) => {
        out = scratch;
        return { credentials: {}, settings: { directory: out, format: 'ndjson' } };
      },
      verify: async ({ storeId, expected }) => {
        for (const resource of ['customers', 'orders', 'products']) {
          const ids = readFileSync(join(out, storeId, `${resource}.ndjson`), 'utf8')
            .trim()
            .split('\n')
            .map((l) => (JSON.parse(l) as { id: string }).id);
          expect(duplicates(ids), `${resource} written twice`).toEqual({});
          expect(new Set(ids), `${resource} missing`).toEqual(expected.get(resource));
        }
      },
    });
    expect(report.kills).toHaveLength(20);
    expect(report.dead).toBe(0);
    // Some kills fell between the append and the ledger commit: the next life found those in doubt and
    // settled them from the file instead of appending again.
    expect(report.recovered, 'the crash window was hit at least once').toBeGreaterThan(0);
    // The schedule reached into delivery, not just start-up.
    expect(report.kills.filter((k) => k.ledgerAtKill > 0).length).toBeGreaterThan(10);
  }, 300_000);

  it('ActiveCampaign (contacts upserted, orders appended): every record once', async () => {
    const sim = await startActiveCampaignSim({ rateLimit: 100_000 });
    closers.push(() => sim.close());
    const report = await runCrashHarness({
      platform: 'activecampaign',
      seed: 4242,
      setup: async () => ({
        credentials: { apiUrl: sim.credentials.apiUrl, apiKey: sim.credentials.apiKey },
        settings: { storeUrl: 'https://shop.example.com', requestsPerSecond: 1000, timeoutMs: 2000 },
      }),
      verify: async ({ expected }) => {
        const st = sim.state();
        const emails = st.contacts.map((c) => c.email.toLowerCase());
        expect(duplicates(emails), 'contacts twice').toEqual({});
        const customers = st.customers.map((c) => c.externalid).filter((x) => !x.startsWith('guest:'));
        expect(duplicates(customers), 'e-commerce customers twice').toEqual({});
        expect(new Set(customers)).toEqual(expected.get('customer'));
        const orders = st.orders.map((o) => o.externalid).filter((x): x is string => x !== null);
        expect(duplicates(orders), 'orders twice').toEqual({});
        expect(new Set(orders)).toEqual(expected.get('order'));
        expect(expected.get('order')!.size).toBeGreaterThan(100);
      },
    });
    expect(report.kills).toHaveLength(20);
    expect(report.dead).toBe(0);
  }, 300_000);
});

describe('crash harness: an event destination that stores duplicates', () => {
  it('Connectif purchases: every order once, though the simulator would keep a second copy', async () => {
    const sim = await startConnectifSim({
      stores: [
        { authorizedDomains: ['http://127.0.0.1', 'https://*.example.com', 'https://*.mybigcommerce.com'] },
      ],
      rateLimit: { limit: 1_000_000, windowMs: 60_000 },
      duplicatePurchases: 'store',
      jobs: { mode: 'auto', startAfterMs: 5, runForMs: 10 },
    });
    closers.push(() => sim.close());
    const report = await runCrashHarness({
      platform: 'connectif',
      seed: 777,
      store: { customers: 80, orders: 200, products: 10 },
      expectedRecords: 280,
      setup: async () => ({
        credentials: { apiUrl: sim.url, apiKey: sim.credentials.apiKey },
        settings: { storeUrl: 'https://shop.example.com', requestsPerMinute: 100_000, timeoutMs: 2000 },
      }),
      verify: async ({ expected }) => {
        const ids = sim.purchases.map((p) => p.purchaseId);
        expect(duplicates(ids), 'purchases twice').toEqual({});
        expect(new Set(ids)).toEqual(expected.get('purchase'));
        expect(ids.length).toBeGreaterThan(100);
      },
    });
    expect(report.kills).toHaveLength(20);
    expect(report.dead).toBe(0);
  }, 300_000);
});

// Runs in: vitest (Node). Owns: the full read of a 10,000 / 30,000 / 2,000 store against the simulator,
// then incremental reads (with changes made mid-read), the product sweep and deletion reconciliation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDecimal } from '../../src/main/bigcommerce/money.js';
import type { Extractor } from '../../src/main/extract/extractor.js';
import { extractResources } from '../../src/main/extract/resources.js';
import { startHarness, type Harness } from './harness.js';

const HASH = 'fullread';
let h: Harness;
let ex: Extractor;
let midRunChangedId: number | undefined;

const staged = (resource: string, id: number): Record<string, unknown> => {
  const row = h.db
    .prepare(
      `SELECT payload FROM staging WHERE store_id = ? AND resource = ? AND record_id = ? AND kind = 'upsert' ORDER BY seq DESC LIMIT 1`,
    )
    .get(h.storeId, resource, String(id)) as { payload: string } | undefined;
  if (!row) throw new Error(`${resource} ${id} was not staged`);
  return JSON.parse(row.payload) as Record<string, unknown>;
};
const distinctStaged = (resource: string): number =>
  (
    h.db
      .prepare(
        `SELECT COUNT(DISTINCT record_id) AS n FROM staging WHERE store_id = ? AND resource = ? AND kind = 'upsert'`,
      )
      .get(h.storeId, resource) as { n: number }
  ).n;
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  h = await startHarness({
    hash: HASH,
    seed: { customers: 10_000, orders: 30_000, products: 2_000 },
    quota: 1_000_000,
  });
  const state = () => h.sim.control[HASH]!.state;
  const client = h.client({
    onCall: (c) => {
      h.calls.push(c);
      // While customers are being paged, a customer that was already read is edited.
      if (midRunChangedId === undefined && c.path.startsWith('/v3/customers?') && h.calls.length > 20) {
        const cust = state().customers.get(7)!;
        state().putCustomer(
          { ...cust, first_name: 'EditedMidRun', date_modified: state().stamp() },
          'updated',
        );
        midRunChangedId = 7;
      }
    },
  });
  ex = h.extractor(client);
});
afterAll(async () => h?.close());

describe('full read', () => {
  it('reads every record of every resource', async () => {
    const counts = h.sim.control[HASH]!.state.counts();
    for (const r of extractResources) {
      const res = await ex.historical(r);
      expect(res.staged, r).toBeGreaterThanOrEqual(counts[r]!);
      expect(distinctStaged(r), r).toBe(counts[r]);
    }
    // The edit made mid-read moved the record forward in date_modified order: the same run read it again.
    expect(midRunChangedId).toBe(7);
    expect(staged('customers', 7).first_name).toBe('EditedMidRun');
    // Orders came with their line items inline: no per-order calls.
    expect(h.calls.filter((c) => /\/v2\/orders\/\d+/.test(c.path))).toHaveLength(0);
    // Colons in filters were sent raw.
    const raw = h.sim.server.requests.map((r) => r.rawQuery);
    expect(raw.some((q) => q.includes('date_modified:min='))).toBe(true);
    expect(raw.filter((q) => /%3A/i.test(q))).toEqual([]);
  }, 60_000);

  it('matches the simulator field by field on a sample', () => {
    const state = h.sim.control[HASH]!.state;
    for (const id of [1, 2, 500, 4321, 9999]) {
      const want = state.customers.get(id)!;
      const got = staged('customers', id);
      expect(got.email).toBe(want.email);
      expect(got.first_name).toBe(id === midRunChangedId ? 'EditedMidRun' : want.first_name);
      expect(got.last_name).toBe(want.last_name);
      expect(got.date_modified).toBe(iso(want.date_modified));
      expect(got.date_created).toBe(iso(want.date_created));
      expect(got.channel_ids ?? null).toEqual(want.channel_ids);
      expect((got.addresses as unknown[]).length).toBe(Math.min(10, want.addresses.length));
    }
    for (const id of [1, 77, 15_000, 29_999]) {
      const want = state.orders.get(id)!;
      const got = staged('orders', id) as {
        customer_id: number;
        status_id: number;
        date_created: string;
        billing_address: { email: string };
        consignments: {
          shipping: Array<{ line_items: Array<{ product_id: number; price_inc_tax: string }> }>;
        };
      };
      expect(got.customer_id).toBe(want.customer_id);
      expect(got.status_id).toBe(want.status_id);
      expect(got.date_created).toBe(iso(want.date_created));
      expect(got.billing_address.email).toBe(want.billing_address.email);
      const lines = got.consignments.shipping.flatMap((s) => s.line_items);
      expect(lines.map((l) => l.product_id).sort()).toEqual(want.lines.map((l) => l.product_id).sort());
      for (const l of lines) expect(l.price_inc_tax).toMatch(/^-?\d+\.\d{4}$/);
    }
    for (const id of [1, 1000, 2000]) {
      const want = state.products.get(id)!;
      const got = staged('products', id) as { name: string; sku: string; price: string; variants: unknown[] };
      expect(got.name).toBe(want.name);
      expect(got.sku).toBe(want.sku);
      expect(got.price).toBe(toDecimal(want.price));
      expect(got.variants).toHaveLength(want.variants.length);
    }
  });

  it('reads only what changed on the next run, including the edit made mid-read', async () => {
    expect(midRunChangedId).toBe(7);
    const state = h.sim.control[HASH]!.state;
    const c = state.customers.get(42)!;
    state.putCustomer({ ...c, last_name: 'Changed', date_modified: state.stamp() }, 'updated');
    const o = state.orders.get(123)!;
    state.putOrder({ ...o, status_id: 10, date_modified: state.stamp() }, 'updated');
    const s = state.subscribers.get(5)!;
    state.putSubscriber({ ...s, consents: [], date_modified: state.stamp() }, 'updated');

    const customers = await ex.incremental('customers');
    expect(customers.staged).toBe(1);
    expect(customers.calls).toBeLessThanOrEqual(2);
    expect(staged('customers', 42).last_name).toBe('Changed');
    expect(staged('customers', 7).first_name).toBe('EditedMidRun');
    const orders = await ex.incremental('orders');
    expect(orders.staged).toBe(1);
    expect(staged('orders', 123).status_id).toBe(10);
    const subs = await ex.incremental('subscribers');
    expect(subs.staged).toBe(1);
    expect(staged('subscribers', 5).consents).toEqual([]);
    const products = await ex.incremental('products');
    expect(products.staged).toBe(0);
  });

  it('finds a variant edit (product date_modified unchanged) with the sweep', async () => {
    const state = h.sim.control[HASH]!.state;
    const p = state.products.get(10)!;
    expect(p.variants.length).toBeGreaterThan(0);
    const variants = p.variants.map((v, i) => (i === 0 ? { ...v, price: (v.price ?? 0) + 1 } : v));
    state.putProduct({ ...p, variants }, 'updated');
    expect((await ex.incremental('products')).staged).toBe(0);
    const sweep = await ex.sweepProducts();
    expect(sweep.staged).toBe(1);
    expect(staged('products', 10).date_modified).toBe(iso(p.date_modified));
  });

  it('detects deletions by id reconciliation', async () => {
    const state = h.sim.control[HASH]!.state;
    state.deleteCustomer(100);
    state.deleteCustomer(9000);
    state.deleteProduct(3);
    const customers = await ex.reconcile('customers');
    expect(customers.deleted).toBe(2);
    const products = await ex.reconcile('products');
    expect(products.deleted).toBe(1);
    const markers = h.db
      .prepare(
        `SELECT resource, record_id FROM staging WHERE store_id = ? AND kind = 'delete' ORDER BY resource, record_id`,
      )
      .all(h.storeId);
    expect(markers).toEqual([
      { resource: 'customers', record_id: '100' },
      { resource: 'customers', record_id: '9000' },
      { resource: 'products', record_id: '3' },
    ]);
    // A second reconciliation finds nothing new.
    expect((await ex.reconcile('customers')).deleted).toBe(0);
  });
});

// Runs in: Node (vitest). Owns: the seeded generator's determinism, its data mix and its speed and memory.
import { describe, expect, it } from 'vitest';
import { StoreState } from '../store.js';
import { seedStore } from './index.js';
import { FORM_FIELDS } from './reference.js';

const store = (seed: ReturnType<typeof seedStore>) =>
  new StoreState('s', 1, [{ token: 't' }], seed, () => Date.UTC(2025, 0, 2), 150, 30_000);

describe('seedStore', () => {
  it('gives the same data for the same seed and different data for another', () => {
    const a = seedStore({ seed: 'demo', customers: 500 });
    const b = seedStore({ seed: 'demo', customers: 500 });
    const c = seedStore({ seed: 'other', customers: 500 });
    for (const id of [1, 77, 500]) {
      expect(a.customers.at(id)).toEqual(b.customers.at(id));
      expect(a.orders.at(id)).toEqual(b.orders.at(id));
      expect(a.subscribers.at(id)).toEqual(b.subscribers.at(id));
    }
    expect(a.products.at(3)).toEqual(b.products.at(3));
    expect(a.customers.at(77)).not.toEqual(c.customers.at(77));
  });

  it('mixes guests, customers without orders, non-customer subscribers, unicode and long names, channels, currencies, statuses and form fields', () => {
    const s = store(seedStore({ seed: 5, customers: 2_000 }));
    const orders = [...s.orders.ids()].map((id) => s.orders.get(id)!);
    const customers = [...s.customers.ids()].map((id) => s.customers.get(id)!);
    const subscribers = [...s.subscribers.ids()].map((id) => s.subscribers.get(id)!);
    expect(orders.filter((o) => o.customer_id === 0).length).toBeGreaterThan(100);
    const buyers = new Set(orders.map((o) => o.customer_id));
    expect(customers.filter((c) => !buyers.has(c.id)).length).toBeGreaterThan(300);
    const emails = new Set(customers.map((c) => c.email));
    expect(subscribers.filter((x) => !emails.has(x.email)).length).toBeGreaterThan(100);
    expect(subscribers.some((x) => x.consents.length === 0)).toBe(true);
    expect(
      customers.some((c) => /[^\p{Script=Latin}\p{P}\p{Zs}\p{M}]/u.test(c.first_name + c.last_name)),
    ).toBe(true);
    expect(customers.some((c) => c.last_name.length === 100)).toBe(true);
    expect(new Set(orders.map((o) => o.status_id)).size).toBe(15);
    expect(new Set(orders.map((o) => o.channel_id)).size).toBe(3);
    expect(new Set(orders.map((o) => o.currency_code)).size).toBe(4);
    const fieldTypes = new Set(
      customers.flatMap((c) => c.form_fields.map((f) => FORM_FIELDS.find((d) => d.name === f.name)!.type)),
    );
    expect([...fieldTypes].sort()).toEqual(['checkbox', 'date', 'number', 'radio', 'text']);
    const p = s.products.get(1)!;
    expect(p.variants.length).toBeGreaterThan(0);
    expect(s.brands.size).toBeGreaterThan(0);
    expect(s.categories.size).toBeGreaterThan(0);
    expect(new Set(customers.map((c) => c.email.toLowerCase())).size).toBe(customers.length);
  });

  it('keeps date_modified order consistent with the index, later changes included', () => {
    const s = store(seedStore({ seed: 9, customers: 3_000, laterChangeRate: 0.1 }));
    const ids = [...s.customers.idsByDateModified()];
    expect(ids.length).toBe(3_000);
    const dms = ids.map((id) => s.customers.get(id)!.date_modified);
    expect(dms).toEqual([...dms].sort((a, b) => a - b));
    expect(ids).not.toEqual([...ids].sort((a, b) => a - b));
  });

  it('seeds a 10,000-customer / 30,000-order / 2,000-product store and reads every record back', () => {
    const s = store(seedStore({ customers: 10_000, orders: 30_000, products: 2_000 }));
    let n = 0;
    for (const id of s.orders.ids()) n += s.orders.get(id)!.lines.length > 0 ? 1 : 0;
    for (const id of s.customers.ids()) n += s.customers.get(id)!.id > 0 ? 1 : 0;
    expect(n).toBe(40_000);
    expect(s.products.size).toBe(2_000);
  });

  it('holds a million customers without materialising them', () => {
    const before = process.memoryUsage().heapUsed;
    const s = store(seedStore({ customers: 1_000_000, orders: 1_000_000 }));
    expect(s.customers.size).toBe(1_000_000);
    expect(s.customers.get(999_999)!.id).toBe(999_999);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
  });
});

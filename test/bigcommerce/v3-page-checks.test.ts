// Runs in: vitest (Node). Owns: a v3 page without meta.pagination partway through a read (a garbage
// `{"data": []}` answer) is retried, then fails the read naming the resource and page; it is never taken
// for the end of the list. A real last page and a genuinely empty list still end cleanly.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { V3_PAGE_ATTEMPTS } from '../../src/main/bigcommerce/paginate.js';
import { startHarness, type Harness } from './harness.js';

const HASH = 'v3pages';
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ hash: HASH, seed: { customers: 600, orders: 5, products: 3 }, quota: 100_000 });
});
afterAll(async () => h?.close());
afterEach(() => h.sim.server.faults.clear());

const staged = (): number =>
  (
    h.db.prepare(`SELECT COUNT(DISTINCT record_id) AS n FROM staging WHERE resource = 'customers'`).get() as {
      n: number;
    }
  ).n;

describe('v3 pages without pagination', () => {
  it('a garbage page answered once is asked again: all 600 customers are read', async () => {
    h.db.exec('DELETE FROM staging; DELETE FROM cursors; DELETE FROM extract_records');
    h.sim.server.faults.add({ kind: 'huge', pathIncludes: '/v3/customers', after: 1, count: 1 });
    const res = await h.extractor(h.client()).historical('customers');
    expect(h.sim.server.faults.list(), 'the fault struck').toEqual([]);
    expect(res.records).toBeGreaterThanOrEqual(600);
    expect(staged()).toBe(600);
  });

  it('a garbage page that persists fails the read naming the resource and page; the next read completes', async () => {
    h.db.exec('DELETE FROM staging; DELETE FROM cursors; DELETE FROM extract_records');
    h.sim.server.faults.add({
      kind: 'huge',
      pathIncludes: '/v3/customers',
      after: 1,
      count: V3_PAGE_ATTEMPTS,
    });
    const ex = h.extractor(h.client());
    const err = await ex.historical('customers').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err, 'the read must fail, not stop at 250 of 600').toMatchObject({ code: 'upstream' });
    expect((err as Error).message).toMatch(/GET \/v3\/customers page 1 without a valid meta\.pagination/);
    expect(staged()).toBeLessThan(600);
    await ex.historical('customers');
    expect(staged()).toBe(600);
  });

  it('an empty list and a real last page end cleanly', async () => {
    const client = h.client();
    const pages = [];
    for await (const p of client.customerPages({ query: { 'id:in': '999999' } })) pages.push(p);
    expect(pages.map((p) => p.items.length)).toEqual([0]);
    const all = [];
    for await (const p of client.customerPages({})) all.push(p.items.length);
    expect(all).toEqual([250, 250, 100]);
  });
});

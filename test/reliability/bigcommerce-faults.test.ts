// Runs in: vitest. Owns: the BigCommerce fault switches test/bigcommerce/errors-faults.test.ts does not throw:
// slow answers, the store down for a while, and a 20 MiB garbage body on a v2 page (the read fails clearly and
// the next one completes; it is never taken for "no more records"). The same garbage on a later v3 page:
// test/bigcommerce/v3-page-checks.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../bigcommerce/harness.js';

const HASH = 'bcfaults';
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ hash: HASH, seed: { customers: 120, orders: 150, products: 20 }, quota: 100_000 });
});
afterAll(async () => h?.close());

describe('BigCommerce fault switches during a read', () => {
  it.each([
    ['slow answers', { kind: 'slow', delayMs: 300, pathIncludes: '/v2/orders', count: 1 }],
    ['down for a moment', { kind: 'down', pathIncludes: '/v3/customers', count: 1 }],
    ['a 20 MiB body on the first page', { kind: 'huge', pathIncludes: '/v2/orders', count: 1 }],
  ] as const)(
    '%s: every record is read, nothing is marked deleted',
    async (_name, fault) => {
      h.db.exec('DELETE FROM staging');
      h.sim.server.faults.add(fault);
      const ex = h.extractor(h.client({ timeoutMs: 2_000 }));
      const counts = h.sim.control[HASH]!.state.counts();
      for (const r of ['orders', 'customers'] as const) {
        // A garbage page may fail the read (clearly) instead of being retried within it; the next
        // read completes. Never may it end the read early as if the list were complete.
        const res = await ex.historical(r).catch(async (err: unknown) => {
          expect(err).toMatchObject({ code: 'upstream' });
          expect((err as Error).message).toMatch(/BigCommerce answered GET \/v\d\/\w+ (with|page)/);
          return ex.historical(r);
        });
        expect(res.records, r).toBeGreaterThanOrEqual(counts[r]!);
      }
      expect(h.sim.server.faults.list(), 'the fault struck').toEqual([]);
      const { deletes } = h.db
        .prepare("SELECT count(*) AS deletes FROM staging WHERE kind = 'delete'")
        .get() as {
        deletes: number;
      };
      expect(deletes).toBe(0);
    },
    30_000,
  );
});

// Runs in: vitest (Node). Owns: the rate budget against the simulator's shared quota: a full read of a
// 150-per-window store (window scaled down to 1.2 s) meets at most one 429 and stays within its share.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { extractResources } from '../../src/main/extract/resources.js';
import { startHarness, type Harness } from './harness.js';

const HASH = 'quota150';
let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    hash: HASH,
    seed: { customers: 1_500, orders: 4_000, products: 300 },
    quota: 150,
    windowMs: 1_200,
  });
});
afterAll(async () => h?.close());

it('reads everything with at most one 429 and never more than 80% of any window', async () => {
  const client = h.client({ share: 0.8, maxConcurrency: 3 });
  // Small pages so that the read needs several windows' worth of calls.
  const ex = h.extractor(client, { pageLimit: 25 });
  const results = await Promise.all(extractResources.map((r) => ex.historical(r)));
  const counts = h.sim.control[HASH]!.state.counts();
  for (const r of results) expect(r.records, r.resource).toBeGreaterThanOrEqual(counts[r.resource]!);

  const answered = h.calls.filter((c) => c.rate);
  expect(answered.length).toBeGreaterThan(2 * 120); // several windows were needed
  expect(h.calls.filter((c) => c.status === 429).length).toBeLessThanOrEqual(1);
  // quota - left = requests the store counted in that window, all of them ours here.
  const usedPerWindow = Math.max(...answered.map((c) => c.rate!.quota - c.rate!.left));
  expect(usedPerWindow).toBeLessThanOrEqual(120);
  expect(usedPerWindow).toBeGreaterThan(40); // the budget does use the quota (how much depends on machine load)
}, 30_000);

it('slows down when another app consumes the shared quota', async () => {
  h.calls.length = 0;
  const client = h.client({ share: 0.8, maxConcurrency: 1 });
  const sim = h.sim.url;
  let consumed = false;
  const ex = h.extractor(client, {
    pageLimit: 25,
    onProgress: () => {
      if (consumed) return;
      consumed = true;
      void fetch(`${sim}/__sim/stores/${HASH}/quota/consume`, {
        method: 'POST',
        body: JSON.stringify({ units: 100 }),
      });
    },
  });
  await ex.historical('customers');
  expect(h.calls.filter((c) => c.status === 429).length).toBeLessThanOrEqual(1);
  // The first answer after another app spent 100 units reveals it; after that one, this app sends nothing
  // more in that window while less than 20% of the quota (30) is left.
  const lefts = h.calls.filter((c) => c.rate && c.status === 200).map((c) => c.rate!.left);
  expect(Math.min(...lefts)).toBeLessThan(50);
  expect(lefts.filter((l) => l < 30).length).toBeLessThanOrEqual(1);
});

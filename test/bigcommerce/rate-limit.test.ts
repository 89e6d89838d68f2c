// Runs in: vitest (Node). Owns: the rate budget against the simulator's shared quota: a full read of a
// 150-per-window store (window scaled down to 2 s) meets at most one 429 and stays within its share.
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
    // Long enough that a loaded 2-core machine still sends well over 40 requests in one window.
    windowMs: 2_000,
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
  // Generous: the read is bounded by windows, and a loaded machine needs more of them; a timeout here would
  // leave the read running into the next test's window.
}, 120_000);

it('slows down when another app consumes the shared quota', async () => {
  h.calls.length = 0;
  const sim = `${h.sim.url}/__sim/stores/${HASH}/quota`;
  const quota = async () =>
    (await (await fetch(sim)).json()) as { remaining: number; resetMs: number; windowMs: number };
  // The other app spends the quota right before this app's third request, through the simulator's HTTP
  // route and awaited, so the spending lands in the window that request is counted in. It leaves 45 units:
  // a fixed number, whatever the previous test left in the window. A window about to roll is waited out
  // first, so the spending cannot fall into a window that closes before the request arrives.
  let sent = 0;
  let revealed = false;
  const otherApp = async () => {
    let q = await quota();
    while (q.resetMs < 900) {
      await new Promise((r) => setTimeout(r, q.resetMs + 10));
      q = await quota();
    }
    const res = await fetch(`${sim}/consume`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ units: Math.max(0, q.remaining - 45) }),
    });
    expect(res.status).toBe(200);
  };
  const client = h.client({
    share: 0.8,
    maxConcurrency: 1,
    fetch: async (input, init) => {
      if (++sent === 3) {
        await otherApp();
        revealed = true;
      }
      return fetch(input, init);
    },
  });
  await h.extractor(client, { pageLimit: 25 }).historical('customers');
  expect(revealed).toBe(true);
  expect(h.calls.filter((c) => c.status === 429).length).toBeLessThanOrEqual(1);
  const lefts = h.calls.filter((c) => c.rate && c.status === 200).map((c) => c.rate!.left);
  // The third answer shows what the other app spent: 45 left before it, 44 after.
  expect(lefts[2]).toBe(44);
  // From then on this app sends nothing more in that window once 20% of the quota (30) or less is left.
  expect(lefts.filter((l) => l < 30).length).toBeLessThanOrEqual(1);
  expect(Math.min(...lefts.slice(2, 2 + 44 - 30 + 1))).toBeGreaterThanOrEqual(30);
});

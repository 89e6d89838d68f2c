// Runs in: vitest. Owns: the one case where a 429 must still spend an attempt: a Bloomreach event job split over
// two requests whose second was refused. Part of it landed, so the retry has to be a counted attempt, which is
// what makes the connector look up what arrived instead of sending the first part twice.
import { afterEach, describe, expect, it } from 'vitest';
import { orderRecord } from '../platforms/bloomreach/fixtures.js';
import { harness, type Harness } from '../platforms/bloomreach/harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** 60 lines: one purchase and 60 purchase_item commands, more than one batch request (50) holds. */
const bigOrder = () =>
  orderRecord({
    id: 9001,
    customerId: 0,
    email: 'big.buyer@example.com',
    lines: Array.from({ length: 60 }, (_, i) => ({
      productId: 500 + i,
      variantId: 5000 + i,
      sku: `SKU-${i}`,
      name: `Item ${i}`,
      price: '1.0000',
      qty: 1,
    })),
  });

describe('a 429 after part of a job landed', () => {
  it('is retryable, not rate-limited, and the retry sends only what is missing', async () => {
    // Two requests per 2 s window, counted from the first: the buyer's profile and the first half of the
    // order go, the second half is refused (Retry-After 2 s).
    h = await harness({ sim: { rateLimit: { limit: 2, windowMs: 2_000 } } });
    h.enqueue([bigOrder()], false);
    const guest = h.queue.claim('conn-a', 'test', 10, 60_000, Date.now()).jobs;
    expect(guest.map((j) => j.entityType)).toEqual(['guest']);
    h.queue.complete(await h.connector.deliver(guest, h.ctx), Date.now());

    const purchase = h.queue.claim('conn-a', 'test', 10, 60_000, Date.now()).jobs;
    expect(
      purchase.map((j) => [j.entityType, (j.payload as { commands: unknown[] }).commands.length]),
    ).toEqual([['purchase', 61]]);
    const results = await h.connector.deliver(purchase, h.ctx);
    expect(results).toEqual([
      expect.objectContaining({ outcome: 'retryable', reason: expect.stringMatching(/429/) }),
    ]);
    expect(h.sim.events('purchase_item')).toHaveLength(49); // the first request: purchase + 49 items
    h.queue.complete(results, Date.now());

    // The retry is attempt 2: Bloomreach is asked what arrived and only the rest is sent.
    expect(await h.drainAll(20_000)).toMatchObject({ dead: 0 });
    expect(h.sim.events('purchase')).toHaveLength(1);
    const items = h.sim.events('purchase_item').map((e) => e.properties['product_id']);
    expect(items).toHaveLength(60);
    expect(new Set(items).size).toBe(60);
  });
});

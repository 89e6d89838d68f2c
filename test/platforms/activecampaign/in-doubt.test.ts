// Runs in: vitest. Owns: a crash after orders reached ActiveCampaign but before the results were recorded:
// the restarted drain finds them by external id and does not send them again.
import { afterEach, describe, expect, it } from 'vitest';
import { customerRecord, orderRecord } from './fixtures.js';
import { harness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('ActiveCampaign in-doubt jobs', () => {
  it('settles orders that already arrived as delivered, and sends the ones that did not', async () => {
    h = await harness();
    h.enqueue([customerRecord(1, 'zoe@example.com', 'Zoë', 'N')], true);
    await h.drainAll();
    h.enqueue(
      [
        orderRecord({ id: 5001, customerId: 1, email: 'zoe@example.com' }),
        orderRecord({ id: 5002, customerId: 1, email: 'zoe@example.com' }),
      ],
      false,
    );
    // The crashed process: it claimed both, delivered only the first, then died before recording anything.
    const { jobs } = h.queue.claim('conn-a', 'crashed', 10, 1, Date.now());
    expect(jobs).toHaveLength(2);
    await h.connector.deliver([jobs[0]!], h.ctx);
    const postsBefore = h.sim.server.requests.filter(
      (r) => r.method === 'POST' && r.path.endsWith('/ecomOrders'),
    ).length;

    const out = await h.drainAll();
    expect(out.delivered).toBe(2);
    expect(h.events.some((e) => e.type === 'delivery.recovered' && e.message.startsWith('1 record(s)'))).toBe(
      true,
    );
    const posts = h.sim.server.requests.filter(
      (r) => r.method === 'POST' && r.path.endsWith('/ecomOrders'),
    ).length;
    expect(posts - postsBefore).toBe(1);
    const orders = h.sim.state().orders;
    expect(orders.map((o) => o.externalid).sort()).toEqual(['5001', '5002']);
    expect(orders.every((o) => o.source === 1)).toBe(true);
    expect(h.sim.state().events.filter((e) => e.kind === 'makes_a_purchase')).toHaveLength(2);
  });
});

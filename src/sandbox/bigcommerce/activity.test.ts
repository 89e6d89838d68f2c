// Runs in: Node (vitest). Owns: the shopper-activity driver (determinism, carts only through webhooks,
// abandonment by the clock) and the BigCommerce /__sim/ control routes.
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startBigCommerceSim, type BigCommerceSim, type WebhookPayload } from './index.js';
import { call, waitFor } from './testing/harness.js';

let sim: BigCommerceSim | undefined;
let receiver: Server | undefined;
afterEach(async () => {
  await sim?.close();
  if (receiver) await new Promise((r) => receiver!.close(r));
  sim = undefined;
  receiver = undefined;
});

const control = (path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') =>
  fetch(`${sim!.url}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) }).then(
    async (r) => ({ status: r.status, body: (await r.json().catch(() => undefined)) as unknown }),
  );

describe('shopper activity', () => {
  it('is deterministic for a seed and a clock', async () => {
    const run = async () => {
      let t = Date.UTC(2025, 0, 5);
      const s = await startBigCommerceSim({
        now: () => t,
        stores: [{ hash: 'd', seed: { customers: 50 }, activity: { seed: 4 } }],
      });
      const events = [];
      for (let i = 0; i < 20; i++) {
        t += 60_000;
        events.push(...s.control['d']!.activity.step(5));
      }
      const counts = s.control['d']!.state.counts();
      await s.close();
      return { events, counts };
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    const kinds = new Set(a.events.map((e) => e.kind));
    for (const k of [
      'customer.created',
      'customer.updated',
      'order.created',
      'cart.created',
      'cart.converted',
      'subscriber.created',
    ])
      expect(kinds).toContain(k);
  });

  it('announces carts only through store/cart/* webhooks, abandons idle carts by the clock, and converts carts into orders', async () => {
    const got: WebhookPayload[] = [];
    receiver = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      req.on('end', () => {
        got.push(JSON.parse(raw) as WebhookPayload);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => receiver!.listen(0, '127.0.0.1', r));
    const dest = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/`;
    let t = Date.UTC(2025, 0, 5);
    sim = await startBigCommerceSim({
      now: () => t,
      stores: [{ hash: 'c', seed: { customers: 20 }, activity: { seed: 11, abandonAfterMs: 3_600_000 } }],
    });
    await call(sim, '/v3/hooks', { method: 'POST', body: { scope: 'store/cart/*', destination: dest } });
    const stepped = await control('/__sim/stores/c/activity/step', { steps: 40 });
    const events = (stepped.body as { events: Array<{ kind: string; id: string | number }> }).events;
    const createdCart = events.find((e) => e.kind === 'cart.created')!;
    await waitFor(
      () => got.some((p) => p.scope === 'store/cart/created' && p.data['id'] === createdCart.id) || undefined,
    );
    expect(typeof createdCart.id).toBe('string');
    const converted = events.find((e) => e.kind === 'cart.converted');
    expect(converted).toBeDefined();
    const conv = await waitFor(() =>
      got.find((p) => p.scope === 'store/cart/converted' && p.data['id'] === converted!.id),
    );
    const order = await call(sim, `/v2/orders/${String(conv.data['orderId'])}`);
    expect((order.body as { cart_id: string }).cart_id).toBe(converted!.id);
    const carts = (await control('/__sim/stores/c/carts')).body as Array<{
      id: string;
      state: string;
      cart_url: string;
    }>;
    expect(carts.length).toBeGreaterThan(0);
    expect(carts[0]!.cart_url).toMatch(/^https:\/\/c\.example-store\.com\/cart\.php\?action=load&id=/);
    expect((await control('/__sim/stores/c/activity/abandon', {})).body).toEqual({ events: [] });
    t += 3_600_000;
    const abandoned = (await control('/__sim/stores/c/activity/abandon', {})).body as {
      events: Array<{ id: string }>;
    };
    expect(abandoned.events.length).toBe(carts.length);
    await waitFor(
      () => got.filter((p) => p.scope === 'store/cart/abandoned').length === carts.length || undefined,
    );
  });
});

describe('/__sim/ routes', () => {
  it('inspects counts and writes records directly, firing the same changes the API would', async () => {
    sim = await startBigCommerceSim({
      stores: [{ hash: 'k', seed: { customers: 10, subscribers: 4, orders: 12 } }],
    });
    const before = (await control('/__sim/stores/k')).body as { counts: Record<string, number> };
    expect(before.counts).toMatchObject({ customers: 10, subscribers: 4, orders: 12 });
    const made = await control('/__sim/stores/k/customers', {
      email: 'direct@example.org',
      first_name: 'Dírect',
      last_name: 'Write',
    });
    expect(made.status).toBe(201);
    const id = (made.body as { id: number }).id;
    const found = await call(sim, '/v3/customers?email:in=direct@example.org');
    expect((found.body as { data: Array<{ id: number }> }).data.map((c) => c.id)).toEqual([id]);
    expect((await control(`/__sim/stores/k/customers/${id}`, undefined, 'DELETE')).status).toBe(204);
    expect((await control('/__sim/stores/k/subscribers', { email: 'n@example.org' })).status).toBe(201);
    expect(
      (await control('/__sim/stores/k/orders', { customer_id: 0, products: [{ product_id: 2 }] })).status,
    ).toBe(201);
    const after = (await control('/__sim/stores/k')).body as { counts: Record<string, number> };
    expect(after.counts).toMatchObject({ customers: 10, subscribers: 5, orders: 13 });
    expect((await control('/__sim/stores/nope')).status).toBe(404);
    // The kit's reset rebuilds the store from its seed.
    expect((await control('/__sim/reset', {})).status).toBe(204);
    expect(
      ((await control('/__sim/stores/k')).body as { counts: Record<string, number> }).counts.orders,
    ).toBe(12);
  });
});

// Runs in: Node (vitest). Owns: webhook delivery: payload shape and custom headers, scope wildcards, the
// retry schedule (scaled) and deactivation once retries are exhausted.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RETRY_SCHEDULE_S, startBigCommerceSim, type BigCommerceSim, type WebhookPayload } from './index.js';
import { call, waitFor } from './testing/harness.js';

interface Received {
  body: WebhookPayload;
  headers: IncomingHttpHeaders;
}
let receiver: Server;
let received: Received[];
let answer: () => number;
let url: string;
let sim: BigCommerceSim;

beforeEach(async () => {
  received = [];
  answer = () => 200;
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as WebhookPayload,
        headers: req.headers,
      });
      res.writeHead(answer()).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;
  sim = await startBigCommerceSim({
    stores: [{ hash: 'w1', quota: 1_000_000, seed: { customers: 5 } }],
    webhooks: { timeScale: 0.000005 },
  });
});
afterEach(async () => {
  await sim.close();
  await new Promise((r) => receiver.close(r));
});

async function hook(scope: string, extra: Record<string, unknown> = {}): Promise<number> {
  const res = await call(sim, '/v3/hooks', {
    method: 'POST',
    body: { scope, destination: url, is_active: true, ...extra },
  });
  expect(res.status).toBe(200);
  return (res.body as { data: { id: number } }).data.id;
}

describe('webhook delivery', () => {
  it('posts the BigCommerce payload with the hook headers when matching data changes', async () => {
    await hook('store/customer/*', { headers: { 'X-Shared-Secret': 'pssst' } });
    await hook('store/order/statusUpdated');
    const created = await call(sim, '/v3/customers', {
      method: 'POST',
      body: [{ email: 'ho@ok.test', first_name: 'Ho', last_name: 'Ok' }],
    });
    const id = (created.body as { data: Array<{ id: number }> }).data[0]!.id;
    const got = await waitFor(() => received.find((r) => r.body.scope === 'store/customer/created'));
    expect(got.body).toEqual({
      scope: 'store/customer/created',
      store_id: expect.stringMatching(/^\d+$/) as string,
      data: { type: 'customer', id },
      hash: expect.stringMatching(/^[0-9a-f]{40}$/) as string,
      created_at: expect.any(Number) as number,
      producer: 'stores/w1',
    });
    expect(got.headers['x-shared-secret']).toBe('pssst');
    await call(sim, '/v2/orders/2', { method: 'PUT', body: { status_id: 5 } });
    const status = await waitFor(() => received.find((r) => r.body.scope === 'store/order/statusUpdated'));
    expect(status.body.data).toMatchObject({ type: 'order', id: 2, status: { new_status_id: 5 } });
    // store/order/updated was not subscribed, so only statusUpdated arrived for the order.
    expect(received.filter((r) => r.body.scope.startsWith('store/order/')).map((r) => r.body.scope)).toEqual([
      'store/order/statusUpdated',
    ]);
  });

  it('retries a failing callback on the schedule with the same hash', async () => {
    let calls = 0;
    answer = () => (++calls <= 2 ? 500 : 200);
    await hook('store/subscriber/created');
    await call(sim, '/v3/customers/subscribers', { method: 'POST', body: { email: 'retry@me.test' } });
    const deliveries = sim.control['w1']!.webhooks.deliveries;
    await waitFor(() => deliveries.length >= 3 || undefined);
    expect(new Set(received.map((r) => r.body.hash)).size).toBe(1);
    expect(deliveries.map((d) => [d.attempt, d.ok])).toEqual([
      [0, false],
      [1, false],
      [2, true],
    ]);
  });

  it('deactivates the hook after the last retry fails, visible through GET /v3/hooks', async () => {
    answer = () => 503;
    const id = await hook('store/product/updated');
    await call(sim, '/v3/catalog/products/1', { method: 'PUT', body: { price: 3 } });
    const hookState = await waitFor(async () => {
      const h = (await call(sim, `/v3/hooks/${id}`)).body as { data: { is_active: boolean } };
      return h.data.is_active ? undefined : h.data;
    }, 20_000);
    expect(hookState.is_active).toBe(false);
    expect(received.length).toBe(RETRY_SCHEDULE_S.length + 1);
    // Inactive hooks get nothing more.
    await call(sim, '/v3/catalog/products/1', { method: 'PUT', body: { price: 4 } });
    expect(sim.control['w1']!.webhooks.deliveries.length).toBe(RETRY_SCHEDULE_S.length + 1);
  });

  it('hides hooks from other clients', async () => {
    await sim.close();
    sim = await startBigCommerceSim({
      stores: [
        {
          hash: 'w2',
          seed: { customers: 1 },
          tokens: [{ token: 'app-a' }, { token: 'app-b', clientId: 'other' }],
        },
      ],
    });
    await call(sim, '/v3/hooks', {
      method: 'POST',
      token: 'app-a',
      body: { scope: 'store/cart/*', destination: url },
    });
    const mine = (await call(sim, '/v3/hooks', { token: 'app-a' })).body as { data: unknown[] };
    const theirs = (await call(sim, '/v3/hooks', { token: 'app-b' })).body as { data: unknown[] };
    expect([mine.data.length, theirs.data.length]).toEqual([1, 0]);
  });
});

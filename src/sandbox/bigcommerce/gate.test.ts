// Runs in: Node (vitest). Owns: auth, scope and rate-limit behaviour of the simulator's gate.
import { afterEach, describe, expect, it } from 'vitest';
import { startBigCommerceSim, type BigCommerceSim } from './index.js';
import { call } from './testing/harness.js';
import { SpecValidator } from './testing/openapi.js';

let sim: BigCommerceSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('auth and scopes', () => {
  it('answers 401 for a missing or unknown token, in each version shape', async () => {
    sim = await startBigCommerceSim({ stores: [{ hash: 'a1', seed: { customers: 5 } }] });
    const missing = await call(sim, '/v3/customers', { token: null });
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ status: 401, type: expect.any(String) as string });
    const wrong = await call(sim, '/v2/orders', { token: 'nope' });
    expect(wrong.status).toBe(401);
    expect(Array.isArray(wrong.body)).toBe(true);
    expect((wrong.body as Array<{ status: number }>)[0]!.status).toBe(401);
  });

  it('answers 403 Missing scope when the token lacks the scope, and read-only blocks writes', async () => {
    sim = await startBigCommerceSim({
      stores: [
        {
          hash: 'a1',
          seed: { customers: 5 },
          tokens: [{ token: 'ro', scopes: ['store_v2_customers_read_only'] }],
        },
      ],
    });
    const orders = await call(sim, '/v2/orders');
    expect(orders.status).toBe(403);
    expect(orders.body).toEqual([
      { status: 403, message: expect.stringContaining('Missing scope') as string },
    ]);
    const products = await call(sim, '/v3/catalog/products');
    expect(products.status).toBe(403);
    expect(new SpecValidator().check('customers.v3.yml', '/customers', 'get', 422, products.body)).toEqual(
      [],
    );
    expect((products.body as { title: string }).title).toMatch(/^Missing scope/);
    expect((await call(sim, '/v3/customers')).status).toBe(200);
    const write = await call(sim, '/v3/customers', {
      method: 'POST',
      body: [{ email: 'x@y.z', first_name: 'X', last_name: 'Y' }],
    });
    expect(write.status).toBe(403);
    // Webhooks need no scope.
    expect((await call(sim, '/v3/hooks')).status).toBe(200);
  });

  it('keeps stores apart: a token of one store is refused by another', async () => {
    sim = await startBigCommerceSim({
      stores: [
        { hash: 'a1', seed: { customers: 3 } },
        { hash: 'b2', seed: { customers: 7 } },
      ],
    });
    expect((await call(sim, '/v3/customers', { hash: 'b2', token: sim.stores[0]!.token })).status).toBe(401);
    const b = await call(sim, '/v3/customers', { hash: 'b2' });
    expect((b.body as { meta: { pagination: { total: number } } }).meta.pagination.total).toBe(7);
  });
});

describe('rate limit', () => {
  it('gives exactly N successes per window, then 429 with the reset time, then refills', async () => {
    let t = 1_000_000;
    sim = await startBigCommerceSim({
      now: () => t,
      stores: [{ hash: 'r1', seed: { customers: 2 }, quota: 5, windowMs: 1_000 }],
    });
    const statuses: number[] = [];
    const lefts: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await call(sim, '/v2/time');
      statuses.push(r.status);
      lefts.push(r.headers.get('x-rate-limit-requests-left')!);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(lefts).toEqual(['4', '3', '2', '1', '0']);
    t += 400;
    const over = await call(sim, '/v3/customers');
    expect(over.status).toBe(429);
    expect(over.headers.get('x-rate-limit-time-reset-ms')).toBe('600');
    expect(over.headers.get('x-rate-limit-requests-quota')).toBe('5');
    expect(over.headers.get('x-rate-limit-time-window-ms')).toBe('1000');
    expect(over.headers.get('x-rate-limit-requests-left')).toBe('0');
    expect(over.headers.get('x-retry-after')).toBe('1');
    expect(over.body).toMatchObject({ status: 429, title: 'Too many requests' });
    t += 600;
    const after = await call(sim, '/v3/customers');
    expect(after.status).toBe(200);
    expect(after.headers.get('x-rate-limit-requests-left')).toBe('4');
  });

  it('shares the quota with other apps (via /__sim/) and across tokens', async () => {
    const t = 5_000;
    sim = await startBigCommerceSim({
      now: () => t,
      stores: [
        {
          hash: 'r2',
          seed: { customers: 2 },
          quota: 10,
          windowMs: 30_000,
          tokens: [{ token: 'one' }, { token: 'two' }],
        },
      ],
    });
    const res = await fetch(`${sim.url}/__sim/stores/r2/quota/consume`, {
      method: 'POST',
      body: JSON.stringify({ units: 8 }),
    });
    expect(((await res.json()) as { remaining: number }).remaining).toBe(2);
    expect((await call(sim, '/v2/time', { token: 'one' })).status).toBe(200);
    expect((await call(sim, '/v2/time', { token: 'two' })).status).toBe(200);
    expect((await call(sim, '/v2/time', { token: 'one' })).status).toBe(429);
  });
});

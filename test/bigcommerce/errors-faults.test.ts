// Runs in: vitest (Node). Owns: 401/403 surfacing as clear errors (and in verifyStore), and transient faults
// (5xx, connection reset, timeout, malformed JSON) being retried until the read completes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BigCommerceClient } from '../../src/main/bigcommerce/client.js';
import { verifyResultSchema, verifyStore } from '../../src/main/bigcommerce/verify.js';
import { startHarness, fastRetry, type Harness } from './harness.js';

const HASH = 'faulty';
let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    hash: HASH,
    seed: { customers: 300, orders: 900, products: 60 },
    quota: 100_000,
    tokens: [
      { token: 'tok-full' },
      {
        token: 'tok-customers-only',
        scopes: ['store_v2_customers_read_only', 'store_v2_information_read_only'],
      },
    ],
  });
});
afterAll(async () => h?.close());

const clientWith = (token: string) =>
  new BigCommerceClient({
    baseUrl: h.sim.url,
    storeHash: HASH,
    accessToken: token,
    storeLabel: 'Faulty Shop',
    retry: fastRetry,
  });

describe('auth errors', () => {
  it('401 becomes an unauthorized AppError naming the store', async () => {
    const ex = h.extractor(clientWith('wrong-token'));
    await expect(ex.historical('customers')).rejects.toMatchObject({
      code: 'unauthorized',
      message: expect.stringContaining('Faulty Shop'),
    });
  });

  it('403 becomes a forbidden AppError naming the missing scope', async () => {
    const ex = h.extractor(clientWith('tok-customers-only'));
    await expect(ex.historical('orders')).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/Orders.*store_v2_orders_read_only/),
    });
    expect((await ex.historical('customers')).records).toBeGreaterThanOrEqual(300);
  });

  it('verifyStore lists what the token can read and how to fix the rest', async () => {
    const limited = verifyResultSchema.parse(await verifyStore(clientWith('tok-customers-only')));
    const byId = Object.fromEntries(limited.checks.map((c) => [c.id, c]));
    expect(limited.ok).toBe(false);
    expect(byId.token?.ok).toBe(true);
    expect(byId.customers?.ok).toBe(true);
    expect(byId.information?.ok).toBe(true);
    expect(byId.orders).toMatchObject({
      ok: false,
      fix: expect.stringContaining('Give the API account Orders: read-only'),
    });
    expect(byId.products).toMatchObject({ ok: false, fix: expect.stringContaining('Products: read-only') });
    expect(limited.store?.name).toBeTruthy();

    const full = await verifyStore(clientWith('tok-full'));
    expect(full.checks.filter((c) => !c.ok)).toEqual([]);
    expect(full.ok).toBe(true);
    expect(full.channels.length).toBeGreaterThan(0);
    expect(full.currencies.some((c) => c.isDefault)).toBe(true);
    expect(full.store?.currency).toBeTruthy();

    const bad = await verifyStore(clientWith('nope'));
    expect(bad.checks).toHaveLength(1);
    expect(bad.checks[0]).toMatchObject({
      id: 'token',
      ok: false,
      fix: expect.stringContaining('valid access token'),
    });
  });
});

describe('transient faults', () => {
  it('retries 5xx, resets, timeouts and malformed JSON, and the read completes', async () => {
    const faults = h.sim.server.faults;
    faults.add({ kind: 'status', status: 503, pathIncludes: '/v2/orders', after: 1, count: 2 });
    faults.add({ kind: 'reset', pathIncludes: '/v2/orders', after: 2, count: 1 });
    faults.add({ kind: 'timeout', delayMs: 1_500, pathIncludes: '/v3/customers', after: 1, count: 1 });
    faults.add({ kind: 'malformed', pathIncludes: '/v3/catalog/products', count: 1 });
    faults.add({ kind: 'status', status: 500, pathIncludes: '/v3/customers/subscribers', count: 1 });
    const calls: string[] = [];
    const client = h.client({
      accessToken: 'tok-full',
      timeoutMs: 300,
      onCall: (c) => calls.push(`${c.status}${c.error ? ` ${c.error}` : ''}`),
    });
    const ex = h.extractor(client);
    const counts = h.sim.control[HASH]!.state.counts();
    for (const r of ['orders', 'customers', 'products', 'subscribers'] as const) {
      const res = await ex.historical(r);
      expect(res.records, r).toBeGreaterThanOrEqual(counts[r]!);
    }
    expect(faults.list()).toEqual([]); // every fault fired
    expect(calls.filter((c) => c === '503')).toHaveLength(2);
    expect(calls.filter((c) => c === '500')).toHaveLength(1);
    expect(calls.filter((c) => c.startsWith('error timeout'))).toHaveLength(1);
    expect(calls.filter((c) => c.startsWith('error') && !c.includes('timeout'))).toHaveLength(1);
  }, 20_000);

  it('gives up with a retryable error after the last attempt', async () => {
    h.sim.server.faults.add({ kind: 'status', status: 502, pathIncludes: '/v2/time' });
    try {
      await expect(
        h.extractor(h.client({ accessToken: 'tok-full' })).incremental('orders'),
      ).rejects.toMatchObject({
        code: 'upstream',
        options: { retryable: true },
      });
    } finally {
      h.sim.server.faults.clear();
    }
  });

  it('stops at once when cancelled', async () => {
    const ac = new AbortController();
    const ex = h.extractor(h.client({ accessToken: 'tok-full' }), {
      pageLimit: 20,
      onProgress: () => ac.abort(),
    });
    await expect(ex.historical('orders', { signal: ac.signal })).rejects.toMatchObject({ code: 'cancelled' });
  });
});

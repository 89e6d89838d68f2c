// Runs in: Node (vitest). Owns: proof that every simulator answer matches the official OpenAPI response
// schema in shared/specs/bigcommerce beside the project (README lists the deliberate deviations).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BigCommerceSim } from './index.js';
import { call, startSim } from './testing/harness.js';
import { SpecValidator } from './testing/openapi.js';

const v = new SpecValidator();
let sim: BigCommerceSim;

beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim.close());

type Case = [file: string, specPath: string, method: string, status: number, path: string, body?: unknown];

const reads: Case[] = [
  [
    'customers.v3.yml',
    '/customers',
    'get',
    200,
    '/v3/customers?include=addresses,storecredit,attributes,formfields&limit=20',
  ],
  ['customers.v3.yml', '/customers', 'get', 200, '/v3/customers?page=2&limit=5&sort=date_modified:desc'],
  ['customers.v3.yml', '/customers', 'get', 200, '/v3/customers?after=eyJpZCI6M30&limit=5'],
  ['customers.v3.yml', '/customers/{customerId}/consent', 'get', 200, '/v3/customers/2/consent'],
  ['customers.v3.yml', '/customers/attributes', 'get', 200, '/v3/customers/attributes'],
  ['customers.v3.yml', '/customers/attribute-values', 'get', 200, '/v3/customers/attribute-values'],
  [
    'customers.v3.yml',
    '/customers/form-field-values',
    'get',
    200,
    '/v3/customers/form-field-values?limit=100',
  ],
  ['subscribers.v3.yml', '/customers/subscribers', 'get', 200, '/v3/customers/subscribers?limit=40'],
  ['subscribers.v3.yml', '/customers/subscribers/{subscriber_id}', 'get', 200, '/v3/customers/subscribers/3'],
  [
    'products_catalog.v3.yml',
    '/catalog/products',
    'get',
    200,
    '/v3/catalog/products?include=variants,images,primary_image&limit=12',
  ],
  [
    'products_catalog.v3.yml',
    '/catalog/products/{product_id}',
    'get',
    200,
    '/v3/catalog/products/1?include=variants,images',
  ],
  [
    'product-variants_catalog.v3.yml',
    '/catalog/products/{product_id}/variants',
    'get',
    200,
    '/v3/catalog/products/2/variants',
  ],
  ['brands_catalog.v3.yml', '/catalog/brands', 'get', 200, '/v3/catalog/brands'],
  ['categories_catalog.v3.yml', '/catalog/categories', 'get', 200, '/v3/catalog/categories'],
  ['channels.v3.yml', '/channels', 'get', 200, '/v3/channels'],
  ['channels.v3.yml', '/channels/{channel_id}', 'get', 200, '/v3/channels/1'],
  ['orders.v2.oas2.yml', '/orders', 'get', 200, '/v2/orders?limit=100'],
  ['orders.v2.oas2.yml', '/orders/{order_id}', 'get', 200, '/v2/orders/5'],
  ['orders.v2.oas2.yml', '/orders/count', 'get', 200, '/v2/orders/count'],
  ['orders.v2.oas2.yml', '/orders/{order_id}/products', 'get', 200, '/v2/orders/5/products'],
  [
    'orders.v2.oas2.yml',
    '/orders/{order_id}/shipping_addresses',
    'get',
    200,
    '/v2/orders/5/shipping_addresses',
  ],
  ['orders.v2.oas2.yml', '/order_statuses', 'get', 200, '/v2/order_statuses'],
  ['orders.v2.oas2.yml', '/order_statuses/{status_id}', 'get', 200, '/v2/order_statuses/11'],
  ['currencies.v2.yml', '/currencies', 'get', 200, '/v2/currencies'],
  ['store_information.v2.yml', '/store', 'get', 200, '/v2/store'],
  ['store_information.v2.yml', '/time', 'get', 200, '/v2/time'],
];

describe('responses match the official OpenAPI schemas', () => {
  it.each(reads)('%s %s %s', async (file, specPath, method, status, path) => {
    const res = await call(sim, path);
    expect(res.status).toBe(status);
    expect(v.check(file, specPath, method, status, res.body)).toEqual([]);
  });

  it('v2 orders with include=consignments.line_items carry line items inline', async () => {
    const res = await call(sim, '/v2/orders?limit=20&include=consignments.line_items');
    const orders = res.body as Array<{ consignments: { shipping: Array<{ line_items: unknown[] }> } }>;
    expect(orders[0]!.consignments.shipping[0]!.line_items.length).toBeGreaterThan(0);
    expect(v.check('orders.v2.oas2.yml', '/orders', 'get', 200, res.body)).toEqual([]);
  });

  it('writes answer in the documented shapes', async () => {
    const check = async (
      file: string,
      specPath: string,
      method: string,
      status: number,
      path: string,
      body: unknown,
    ) => {
      const res = await call(sim, path, { method: method.toUpperCase(), body });
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(v.check(file, specPath, method, status, res.body)).toEqual([]);
      return res.body as { data: Record<string, unknown> };
    };
    await check('customers.v3.yml', '/customers', 'post', 200, '/v3/customers', [
      { email: 'new.person@example.org', first_name: 'Nova', last_name: 'Pessoa' },
    ]);
    await check('customers.v3.yml', '/customers', 'put', 200, '/v3/customers', [
      { id: 1, phone: '+1 555 0101' },
    ]);
    await check(
      'customers.v3.yml',
      '/customers/{customerId}/consent',
      'put',
      200,
      '/v3/customers/1/consent',
      { allow: ['essential', 'analytics'], deny: ['targeting'] },
    );
    const sub = await check(
      'subscribers.v3.yml',
      '/customers/subscribers',
      'post',
      200,
      '/v3/customers/subscribers',
      { email: 'only.news@example.org', consents: ['marketing_newsletter'] },
    );
    await check(
      'subscribers.v3.yml',
      '/customers/subscribers/{subscriber_id}',
      'put',
      200,
      `/v3/customers/subscribers/${String(sub.data['id'])}`,
      { first_name: 'Só' },
    );
    const hook = await check('webhooks.v3.yml', '/hooks', 'post', 200, '/v3/hooks', {
      scope: 'store/order/*',
      destination: 'https://example.com/hook',
      is_active: false,
    });
    await check(
      'webhooks.v3.yml',
      '/hooks/{webhook_id}',
      'get',
      200,
      `/v3/hooks/${String(hook.data['id'])}`,
      undefined,
    );
    await check(
      'webhooks.v3.yml',
      '/hooks/{webhook_id}',
      'put',
      200,
      `/v3/hooks/${String(hook.data['id'])}`,
      { headers: { 'X-Secret': 's' } },
    );
    await check('webhooks.v3.yml', '/hooks', 'get', 200, '/v3/hooks', undefined);
    await check(
      'webhooks.v3.yml',
      '/hooks/{webhook_id}',
      'delete',
      200,
      `/v3/hooks/${String(hook.data['id'])}`,
      undefined,
    );
    const script = await check('scripts.v3.yml', '/content/scripts', 'post', 200, '/v3/content/scripts', {
      name: 'Tracker',
      kind: 'src',
      src: 'https://cdn.example.com/t.js',
      consent_category: 'analytics',
    });
    await check(
      'scripts.v3.yml',
      '/content/scripts/{uuid}',
      'get',
      200,
      `/v3/content/scripts/${String(script.data['uuid'])}`,
      undefined,
    );
    await check(
      'scripts.v3.yml',
      '/content/scripts/{uuid}',
      'put',
      200,
      `/v3/content/scripts/${String(script.data['uuid'])}`,
      { enabled: false },
    );
    await check('scripts.v3.yml', '/content/scripts', 'get', 200, '/v3/content/scripts', undefined);
    await check('orders.v2.oas2.yml', '/orders/{order_id}', 'put', 200, '/v2/orders/3', { status_id: 5 });
    await check(
      'products_catalog.v3.yml',
      '/catalog/products/{product_id}',
      'put',
      200,
      '/v3/catalog/products/2',
      { price: 12.5 },
    );
  });

  it('a cart reads back in the documented shape, with redirect_urls when included, and 404 once converted', async () => {
    const made = await fetch(`${sim.url}/__sim/stores/store1/carts`, {
      method: 'POST',
      body: JSON.stringify({ email: 'cart.shopper@example.org', products: [{ product_id: 2, quantity: 2 }] }),
    });
    const cartId = ((await made.json()) as { id: string }).id;
    const res = await call(sim, `/v3/carts/${cartId}?include=redirect_urls`);
    expect(res.status).toBe(200);
    expect(v.check('carts.v3.yml', '/carts/{cartId}', 'get', 200, res.body)).toEqual([]);
    const cart = (res.body as { data: Record<string, unknown> }).data;
    expect(cart['email']).toBe('cart.shopper@example.org');
    expect((cart['redirect_urls'] as { cart_url: string }).cart_url).toContain(`id=${cartId}`);
    const plain = await call(sim, `/v3/carts/${cartId}`);
    expect((plain.body as { data: Record<string, unknown> }).data['redirect_urls']).toBeUndefined();
    await fetch(`${sim.url}/__sim/stores/store1/carts/${cartId}/convert`, { method: 'POST' });
    const gone = await call(sim, `/v3/carts/${cartId}?include=redirect_urls`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ status: 404, title: 'Cart not found' });
  });

  it('errors use the documented v3 problem shape', async () => {
    const res = await call(sim, '/v3/customers', { method: 'DELETE' });
    expect(res.status).toBe(422);
    expect(v.check('customers.v3.yml', '/customers', 'delete', 422, res.body)).toEqual([]);
    const dup = await call(sim, '/v3/customers/subscribers', {
      method: 'POST',
      body: { email: 'only.news@example.org' },
    });
    expect(dup.status).toBe(409);
    expect(v.check('subscribers.v3.yml', '/customers/subscribers', 'post', 409, dup.body)).toEqual([]);
  });
});

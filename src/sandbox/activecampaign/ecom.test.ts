// Runs in: Node (vitest). Owns: tests of connections, e-commerce customers, orders, carts and automation eligibility.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { order, seedStore, startClient, type Client } from './test-helpers.js';

let c: Client;
beforeEach(async () => {
  c = await startClient();
});
afterEach(async () => c.sim.close());

describe('connections and customers', () => {
  it('requires the five connection fields and refuses a second connection for the same service and store', async () => {
    const missing = await c.ac('POST', '/connections', { connection: { service: 'bigcommerce' } });
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((e: { source: { pointer: string } }) => e.source.pointer)).toEqual([
      '/data/attributes/externalid',
      '/data/attributes/name',
      '/data/attributes/logoUrl',
      '/data/attributes/linkUrl',
    ]);
    await seedStore(c);
    const again = await c.ac('POST', '/connections', {
      connection: {
        service: 'bigcommerce',
        externalid: 'store-abc',
        name: 'Demo',
        logoUrl: 'https://x/l.png',
        linkUrl: 'https://x',
      },
    });
    expect(again.body.errors[0].code).toBe('duplicate');
  });

  it('needs an existing connection for a customer, and filters customers by email and externalid', async () => {
    const bad = await c.ac('POST', '/ecomCustomers', {
      ecomCustomer: { connectionid: '99', externalid: '1', email: 'a@example.com' },
    });
    expect(bad.body.errors[0].source.pointer).toBe('/data/attributes/connectionid');
    const ids = await seedStore(c);
    const found = await c.ac(
      'GET',
      `/ecomCustomers?filters[email]=alice@example.com&filters[connectionid]=${ids.connectionid}`,
    );
    expect(found.body.meta.total).toBe('1');
    expect(found.body.ecomCustomers[0].acceptsMarketing).toBe('1');
  });
});

describe('orders', () => {
  it('stores an order twice when it is sent twice (the API does not reject a duplicate externalid)', async () => {
    const ids = await seedStore(c);
    const a = await c.ac('POST', '/ecomOrders', order(ids));
    const b = await c.ac('POST', '/ecomOrders', order(ids));
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.ecomOrder.id).not.toBe(a.body.ecomOrder.id);
    const lookup = await c.ac(
      'GET',
      `/ecomOrders?filters[externalid]=1001&filters[connectionid]=${ids.connectionid}`,
    );
    expect(lookup.body.meta.total).toBe('2');
    expect(c.sim.state().events.filter((e) => e.kind === 'makes_a_purchase')).toHaveLength(2);
  });

  it('answers POST with integers and GET /ecomOrders/{id} with strings, as documented', async () => {
    const ids = await seedStore(c);
    const post = await c.ac('POST', '/ecomOrders', order(ids));
    expect(post.body.ecomOrder).toMatchObject({ totalPrice: 9800, state: 1, source: '1', totalProducts: 2 });
    expect(post.body.ecomOrderProducts[0]).toMatchObject({ externalid: 'P1', price: 4900, quantity: 2 });
    expect(post.body.connections[0].service).toBe('bigcommerce');
    const get = await c.ac('GET', `/ecomOrders/${post.body.ecomOrder.id}`);
    expect(get.body.ecomOrder).toMatchObject({
      totalPrice: '9800',
      state: '1',
      currency: 'USD',
      shippingMethod: 'UPS Ground',
    });
    const cust = await c.ac('GET', `/ecomCustomers/${ids.customerid}`);
    expect(cust.body.ecomCustomer).toMatchObject({
      totalRevenue: '9800',
      totalOrders: '1',
      totalProducts: '2',
      avgProductCategory: 'Toys',
    });
  });

  it('refuses dollars, a bad currency, a missing source and unknown customers with 422 pointers', async () => {
    const ids = await seedStore(c);
    const pointers = async (over: Record<string, unknown>) =>
      ((await c.ac('POST', '/ecomOrders', order(ids, over))).body.errors ?? []).map(
        (e: { source: { pointer: string } }) => e.source.pointer,
      );
    expect(await pointers({ totalPrice: 98.0 + 0.5 })).toEqual(['/data/attributes/totalPrice']);
    expect(await pointers({ totalPrice: '98.50' })).toEqual(['/data/attributes/totalPrice']);
    expect(await pointers({ currency: 'US Dollar' })).toEqual(['/data/attributes/currency']);
    expect(await pointers({ source: undefined })).toEqual(['/data/attributes/source']);
    expect(await pointers({ customerid: '999' })).toEqual(['/data/attributes/customerid']);
    expect(await pointers({ orderProducts: [{ name: 'x', price: 1.5, quantity: 1 }] })).toEqual([
      '/data/attributes/orderProducts/0/externalid',
      '/data/attributes/orderProducts/0/price',
    ]);
    expect(await pointers({ externalid: undefined })).toEqual(['/data/attributes/externalid']);
    expect(c.sim.state().orders).toHaveLength(0);
  });

  it('an abandoned cart needs abandoned_date; PUT with an externalid recovers it (state 3)', async () => {
    const ids = await seedStore(c);
    const cart = { externalid: undefined, externalcheckoutid: 'cart-7' };
    expect((await c.ac('POST', '/ecomOrders', order(ids, cart))).body.errors[0].source.pointer).toBe(
      '/data/attributes/abandoned_date',
    );
    const posted = await c.ac(
      'POST',
      '/ecomOrders',
      order(ids, { ...cart, abandoned_date: '2024-05-01T11:00:00-03:00' }),
    );
    expect(posted.body.ecomOrder.state).toBe(2);
    const id = posted.body.ecomOrder.id;
    const put = await c.ac('PUT', `/ecomOrders/${id}`, { ecomOrder: { externalid: '2002' } });
    expect(put.status).toBe(200);
    expect(put.body.ecomOrder.state).toBe('3');
    expect(c.sim.state().events.map((e) => e.kind)).toEqual(['abandoned_cart', 'cart_recovered']);
    expect((await c.ac('GET', '/ecomOrders?filters[state]=3')).body.meta.total).toBe('1');
  });

  it('historical orders (source 0) are stored but start no automation', async () => {
    const ids = await seedStore(c);
    await c.ac('POST', '/ecomOrders', order(ids, { source: 0 }));
    expect(c.sim.state().orders).toHaveLength(1);
    expect(c.sim.state().events).toHaveLength(0);
    expect(await c.ac('DELETE', '/ecomOrders/1')).toMatchObject({ status: 200, body: {} });
    expect((await c.ac('GET', '/ecomOrders/1')).status).toBe(404);
  });
});

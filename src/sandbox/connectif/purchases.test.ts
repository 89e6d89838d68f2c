// Runs in: Node (vitest). Owns: tests of Connectif products (upsert, E0201) and purchases (existence
// checks E0101/E0102/E0103, duplicates, reads, delete and recomputed aggregates).
import { afterEach, describe, expect, it } from 'vitest';
import { startConnectifSim, type ConnectifSim } from './index.js';
import { call, product, purchase } from './test-support.js';

let sim: ConnectifSim;
afterEach(() => sim.close());

describe('Connectif simulator: products', () => {
  it('PATCH /products/product-id/{id} creates with the required fields, then patches', async () => {
    sim = await startConnectifSim();
    const missing = await call(sim, 'PATCH', '/products/product-id/SKU-1', { name: 'Only a name' });
    expect(missing.status).toBe(422);
    expect(missing.body.detail).toContain('productDetailUrl');

    const created = await call(
      sim,
      'PATCH',
      '/products/product-id/SKU-1',
      product('SKU-1', { categories: ['Pc/Keyboards'] }),
    );
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      productId: 'SKU-1',
      availability: 'instock',
      categories: ['Pc/Keyboards'],
    });
    const patched = await call(sim, 'PATCH', '/products/product-id/SKU-1', {
      availability: 'outofstock',
      unitPrice: 8,
    });
    expect(patched.body).toMatchObject({
      id: created.body.id,
      name: 'Product SKU-1',
      availability: 'outofstock',
      unitPrice: 8,
    });
    expect(sim.products.size).toBe(1);

    expect((await call(sim, 'GET', `/products/${String(created.body.id)}`)).body.productId).toBe('SKU-1');
    expect((await call(sim, 'GET', '/products/product-id/SKU-1')).body.unitPrice).toBe(8);
    expect((await call(sim, 'GET', '/products/product-id/nope')).status).toBe(404);
    expect((await call(sim, 'GET', '/products/not-an-id')).status).toBe(400);
  });

  it('validates product fields (422) and names unknown ones', async () => {
    sim = await startConnectifSim();
    const r = await call(
      sim,
      'PATCH',
      '/products/product-id/P',
      product('P', {
        availability: 'InStock',
        rating: 7,
        discountedPercentage: 120,
        ratingValue: 4,
        categories: 'Shoes',
      }),
    );
    expect(r.status).toBe(422);
    for (const word of ['availability', 'rating', 'discountedPercentage', 'ratingValue', 'categories'])
      expect(r.body.detail).toContain(word);
  });

  it('rejects URLs off the Authorized Domains with 400 E0201 and the allowed domains', async () => {
    sim = await startConnectifSim({ stores: [{ authorizedDomains: ['https://shop.example.com'] }] });
    const r = await call(
      sim,
      'PATCH',
      '/products/product-id/P',
      product('P', { productDetailUrl: 'https://evil.example.net/p' }),
    );
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({
      status: 400,
      code: 'E0201',
      allowedDomains: ['https://shop.example.com'],
    });
    const ok = await call(
      sim,
      'PATCH',
      '/products/product-id/P',
      product('P', { productDetailUrl: 'https://shop.example.com/p' }),
    );
    expect(ok.status).toBe(200);
  });
});

describe('Connectif simulator: purchases', () => {
  const seed = async (): Promise<void> => {
    await call(sim, 'PATCH', '/contacts/buyer@example.com', { _name: 'Buyer' });
    await call(sim, 'PATCH', '/products/product-id/A', product('A'));
    await call(sim, 'PATCH', '/products/product-id/B', product('B'));
  };

  it('refuses a purchase whose contact or products do not exist (E0101, E0102)', async () => {
    sim = await startConnectifSim();
    const noContact = await call(sim, 'POST', '/purchases/', purchase('o1', 'ghost@example.com', ['A']));
    expect(noContact.status).toBe(400);
    expect(noContact.body).toMatchObject({ status: 400, title: 'Bad Request', code: 'E0101' });
    await seed();
    const noProduct = await call(
      sim,
      'POST',
      '/purchases/',
      purchase('o1', 'buyer@example.com', ['A', 'X', 'Y']),
    );
    expect(noProduct.status).toBe(400);
    expect(noProduct.body).toMatchObject({ code: 'E0102', productIds: ['X', 'Y'] });
    expect(sim.purchases).toHaveLength(0);
  });

  it('refuses line URLs off the Authorized Domains (E0103 with productsId and allowedDomains)', async () => {
    sim = await startConnectifSim();
    await seed();
    const body = purchase('o1', 'buyer@example.com', ['A', 'B']);
    (body['products'] as Array<Record<string, unknown>>)[1]!['imageUrl'] = 'https://cdn.other.net/b.jpg';
    const r = await call(sim, 'POST', '/purchases/', body);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'E0103', productsId: ['B'] });
    expect(r.body.allowedDomains).toContain('http://127.0.0.1');
  });

  it('validates the purchase body (422)', async () => {
    sim = await startConnectifSim();
    const r = await call(sim, 'POST', '/purchases/', {
      purchaseId: 'o1',
      contactEmail: 'x',
      products: [{ productId: 'A' }],
      total: 3,
    });
    expect(r.status).toBe(422);
    for (const word of ['contactEmail', 'purchaseDate', 'totalPrice', 'products[0].quantity', 'total is not'])
      expect(r.body.detail).toContain(word);
    expect((await call(sim, 'POST', '/purchases/?triggerPurchaseEvent=maybe', {})).status).toBe(422);
  });

  it('stores a purchase sent twice twice (default), so double sends show in the aggregates', async () => {
    sim = await startConnectifSim();
    await seed();
    const first = await call(
      sim,
      'POST',
      '/purchases/?triggerPurchaseEvent=false',
      purchase('o1', 'buyer@example.com', ['A', 'B']),
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ purchaseId: 'o1', totalPrice: 20 });
    expect(sim.purchases[0]!.triggerPurchaseEvent).toBe(false);
    expect(
      (await call(sim, 'POST', '/purchases/', purchase('o1', 'buyer@example.com', ['A', 'B']))).status,
    ).toBe(201);
    expect(sim.purchases).toHaveLength(2);
    const contact = await call(sim, 'GET', '/contacts/buyer@example.com');
    expect(contact.body).toMatchObject({
      _totalPurchases: 2,
      _totalPurchasesAmount: 40,
      _averagePurchasesAmount: 20,
    });

    expect((await call(sim, 'GET', `/purchases/${String(first.body.id)}`)).body.purchaseId).toBe('o1');
    expect((await call(sim, 'GET', '/purchases/bad-id')).status).toBe(400);
    expect((await call(sim, 'GET', '/purchases/aaaaaaaaaaaaaaaaaaaaaaaa')).status).toBe(404);
    expect((await call(sim, 'GET', '/purchases/purchase-id/o1')).body.id).toBe(first.body.id);
  });

  it('rejects a repeated purchaseId with 409 when configured to', async () => {
    sim = await startConnectifSim({ duplicatePurchases: 'reject' });
    await seed();
    expect((await call(sim, 'POST', '/purchases/', purchase('o1', 'buyer@example.com', ['A']))).status).toBe(
      201,
    );
    const again = await call(sim, 'POST', '/purchases/', purchase('o1', 'buyer@example.com', ['A']));
    expect(again.status).toBe(409);
    expect(sim.purchases).toHaveLength(1);
  });

  it('deletes one purchase per call by store id (204) and recomputes the contact aggregates', async () => {
    sim = await startConnectifSim();
    await seed();
    await call(sim, 'POST', '/purchases/', purchase('o1', 'buyer@example.com', ['A']));
    await call(sim, 'POST', '/purchases/', purchase('o2', 'buyer@example.com', ['A', 'B']));
    expect((await call(sim, 'DELETE', '/purchases/purchase-id/o2')).status).toBe(204);
    expect((await call(sim, 'GET', '/contacts/buyer@example.com')).body).toMatchObject({
      _totalPurchases: 1,
      _totalPurchasesAmount: 10,
    });
    expect((await call(sim, 'DELETE', '/purchases/purchase-id/o2')).status).toBe(404);
    expect((await call(sim, 'GET', '/purchases/purchase-id/o2')).status).toBe(404);
  });

  it('keeps purchases, detached, when their contact is deleted', async () => {
    sim = await startConnectifSim();
    await seed();
    await call(sim, 'POST', '/purchases/', purchase('o1', 'buyer@example.com', ['A']));
    expect((await call(sim, 'DELETE', '/contacts/buyer@example.com')).status).toBe(204);
    const p = await call(sim, 'GET', '/purchases/purchase-id/o1');
    expect(p.body).toMatchObject({ contactId: null, contactEmail: null });
    await call(sim, 'PATCH', '/contacts/buyer@example.com', {});
    expect((await call(sim, 'GET', '/contacts/buyer@example.com')).body._totalPurchases).toBe(0);
  });
});

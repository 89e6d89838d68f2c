// Runs in: Node (vitest). Owns: v3 catalogs and products: documented reason codes (11, 12, 13, 14, 15),
// per-product problems (batch partial failure), upsert by productId, quantity and price updates.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSalesmanagoSim, type SalesmanagoSim } from './index.js';
import { simCall, v3 } from './testing.js';

let sim: SalesmanagoSim;
beforeAll(async () => {
  sim = await startSalesmanagoSim();
});
afterAll(() => sim.close());
beforeEach(() => simCall(sim, 'POST', '/__sim/reset'));

const catalog = { catalogName: 'Loja Centro', currency: 'BRL', location: 'bc_store_1', setAsDefault: true };

async function makeCatalog(): Promise<string> {
  const r = await v3(sim, 'POST', '/v3/product/catalogUpsert', catalog);
  expect(r.status).toBe(200);
  return r.body['catalogId'] as string;
}

const product = (id: string, extra: object = {}) => ({
  productId: id,
  name: `Product ${id}`,
  price: 10.5,
  quantity: 3,
  available: true,
  ...extra,
});

describe('catalogs', () => {
  it('creates, lists and updates a catalog by catalogId', async () => {
    const id = await makeCatalog();
    const again = await v3(sim, 'POST', '/v3/product/catalogUpsert', {
      ...catalog,
      catalogId: id,
      catalogName: 'Renamed',
    });
    expect(again.body['catalogId']).toBe(id);
    const list = await v3(sim, 'GET', '/v3/product/catalogList');
    expect(list.body['catalogs']).toEqual([
      { catalogId: id, catalogName: 'Renamed', currency: 'BRL', location: 'bc_store_1', setAsDefault: true },
    ]);
  });

  it('answers the documented reason codes', async () => {
    const missing = await v3(sim, 'POST', '/v3/product/catalogUpsert', { ...catalog, location: undefined });
    expect(missing).toMatchObject({ status: 400, body: { reasonCode: 13 } });
    const currency = await v3(sim, 'POST', '/v3/product/catalogUpsert', { ...catalog, currency: 'REAIS' });
    expect(currency).toMatchObject({ status: 400, body: { reasonCode: 14 } });
    const long = await v3(sim, 'POST', '/v3/product/catalogUpsert', {
      ...catalog,
      catalogName: 'x'.repeat(256),
    });
    expect(long).toMatchObject({ status: 400, body: { reasonCode: 11 } });
    expect(String((long.body['messages'] as string[])[0])).toMatch(/^catalogName\|min:1\|max:255\|/);
    await makeCatalog();
    const dup = await v3(sim, 'POST', '/v3/product/catalogUpsert', { ...catalog, catalogName: 'Other' });
    expect(dup).toMatchObject({ status: 400, body: { reasonCode: 15 } });
  });
});

describe('products', () => {
  it('upserts by productId within the catalog: a second send updates, not duplicates', async () => {
    const catalogId = await makeCatalog();
    await v3(sim, 'POST', '/v3/product/upsert', { catalogId, products: [product('1'), product('2')] });
    const r = await v3(sim, 'POST', '/v3/product/upsert', {
      catalogId,
      products: [product('1', { price: 12 })],
    });
    expect(r).toMatchObject({ status: 200, body: { productIds: ['1'], problems: [] } });
    expect(sim.products()).toHaveLength(2);
    expect(sim.products().find((p) => p.productId === '1')?.fields['price']).toBe(12);
  });

  it('needs catalogId and caps products per call', async () => {
    expect(await v3(sim, 'POST', '/v3/product/upsert', { products: [product('1')] })).toMatchObject({
      status: 400,
      body: { reasonCode: 13 },
    });
    const catalogId = await makeCatalog();
    const many = Array.from({ length: 101 }, (_, i) => product(String(i)));
    expect(await v3(sim, 'POST', '/v3/product/upsert', { catalogId, products: many })).toMatchObject({
      status: 400,
      body: { reasonCode: 11 },
    });
    expect(sim.products()).toHaveLength(0);
  });

  it('saves the good products and lists problems for the rest; a too-long description is trimmed with code 12', async () => {
    const catalogId = await makeCatalog();
    const r = await v3(sim, 'POST', '/v3/product/upsert', {
      catalogId,
      products: [
        product('1', { description: 'd'.repeat(2100) }),
        product('2', { price: '10,50' }),
        { name: 'no id' },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body['productIds']).toEqual(['1']);
    const codes = (r.body['problems'] as Array<{ reasonCode: number; message: string }>)
      .map((p) => p.reasonCode)
      .sort();
    expect(codes).toEqual([12, 13, 14]);
    expect((sim.products()[0]?.fields['description'] as string).length).toBe(2000);
    const allBad = await v3(sim, 'POST', '/v3/product/upsert', { catalogId, products: [{ productId: 5 }] });
    expect(allBad.status).toBe(400);
    expect((allBad.body['problems'] as unknown[]).length).toBeGreaterThan(0);
  });

  it('updates quantity and price of known products only', async () => {
    const catalogId = await makeCatalog();
    await v3(sim, 'POST', '/v3/product/upsert', { catalogId, products: [product('1')] });
    const q = await v3(sim, 'POST', '/v3/product/updateQuantity', {
      catalogId,
      products: [
        { productId: '1', quantity: 0, name: 'ignored' },
        { productId: '9', quantity: 1 },
      ],
    });
    expect(q).toMatchObject({ status: 200, body: { productIds: ['1'] } });
    expect((q.body['problems'] as unknown[]).length).toBe(1);
    const p = await v3(sim, 'POST', '/v3/product/updatePrice', {
      catalogId,
      products: [{ productId: '1', price: 8, discountPrice: 7 }],
    });
    expect(p.status).toBe(200);
    expect(sim.products()[0]?.fields).toMatchObject({
      quantity: 0,
      price: 8,
      discountPrice: 7,
      name: 'Product 1',
    });
  });
});

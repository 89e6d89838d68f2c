// Runs in: Node (vitest). Owns: tests of the Catalog API (schema checks, replace vs partial update, bulk
// per-item results, listing window and order).
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './test-helpers.js';

let h: Harness;
afterEach(async () => h.sim.close());

async function productCatalog(): Promise<string> {
  const res = await h.post(h.data('/catalogs'), {
    name: 'products',
    is_product_catalog: true,
    fields: [
      { name: 'title', type: 'string', searchable: true },
      { name: 'price', type: 'number' },
      { name: 'brand', type: 'string' },
      { name: 'date_added', type: 'date' },
    ],
  });
  expect(res.body).toEqual({ success: true, id: expect.stringMatching(/^[0-9a-f]{24}$/) });
  return res.body.id as string;
}

describe('Bloomreach catalogs', () => {
  it('rejects unknown fields, bad keys and wrong types; PUT replaces, partial-update merges', async () => {
    h = await startHarness();
    const id = await productCatalog();
    const item = (itemId: string) => h.data(`/catalogs/${id}/items/${itemId}`);
    const unknown = await h.call('PUT', item('sku-1'), {
      properties: { title: 'Mug', colour: 'red', size: 'L' },
    });
    expect(unknown).toMatchObject({
      status: 400,
      body: {
        success: false,
        errors: { properties: ["Fields ['colour', 'size'] are not properly defined."] },
      },
    });
    expect((await h.call('PUT', item('sku-1'), { properties: { 'a.b': 1 } })).status).toBe(400);
    expect((await h.call('PUT', item('sku-1'), { properties: { date_added: '2025-01-01' } })).status).toBe(
      400,
    );
    expect(
      (await h.call('PUT', item('a%2Fb'), { properties: { title: 'x' } })).body.errors._global[0],
    ).toMatch(/Malformed item id/);

    expect(
      (await h.call('PUT', item('sku-1'), { properties: { title: 'Mug', price: 9, brand: 'Acme' } })).body,
    ).toEqual({ success: true });
    await h.call('PUT', item('sku-1'), { properties: { title: 'Mug 2' } });
    expect((await h.call('GET', item('sku-1'))).body.data).toEqual({
      item_id: 'sku-1',
      properties: { title: 'Mug 2', price: null, brand: null, date_added: null },
    });
    await h.post(item('sku-1') + '/partial-update', { properties: { price: 12 } });
    expect((await h.call('GET', item('sku-1'))).body.data.properties).toMatchObject({
      title: 'Mug 2',
      price: 12,
    });
    await h.post(item('sku-2') + '/partial-update', { properties: { price: 1 } });
    expect((await h.call('GET', item('sku-2'))).status).toBe(404);
    await h.post(item('sku-2') + '/partial-update', { properties: { price: 1 }, upsert: true });
    expect((await h.call('GET', item('sku-2'))).body.data.properties.price).toBe(1);
  });

  it('answers bulk writes with per-item results in request order; faulty items do not fail the request', async () => {
    h = await startHarness();
    const id = await productCatalog();
    const res = await h.call('PUT', h.data(`/catalogs/${id}/items`), [
      { item_id: 'a', properties: { title: 'A', price: 1 } },
      { item_id: 'b', properties: { title: 'B', x: 1 } },
      { item_id: 5, properties: { title: 'C' } },
      { item_id: 'd', properties: { title: 'D', price: 4 } },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { success: true, queued: true },
      { success: false, queued: false, errors: { properties: ["Fields ['x'] are not properly defined."] } },
      {
        success: false,
        queued: false,
        errors: { _global: ['Malformed item id. Item id should be a string'] },
      },
      { success: true, queued: true },
    ]);
    const partial = await h.post(h.data(`/catalogs/${id}/items/partial-update`), [
      { item_id: 'a', properties: { price: 2 } },
    ]);
    expect(partial.body).toEqual([{ success: true, queued: true }]);
    const del = await h.call('DELETE', h.data(`/catalogs/${id}/items/bulk-delete`), ['d', { item_id: 'zz' }]);
    expect(del.body).toEqual([
      { success: true, queued: true },
      { success: true, queued: true },
    ]);
    const list = await h.call('GET', h.data(`/catalogs/${id}/items`));
    expect(list.body.data).toEqual([
      { item_id: 'a', properties: { title: 'A', price: 2, brand: null, date_added: null } },
    ]);
  });

  it('pages items with count/skip (window of 1001), orders and searches them', async () => {
    h = await startHarness();
    const id = await productCatalog();
    const items = Array.from({ length: 25 }, (_, i) => ({
      item_id: `p${i}`,
      properties: { title: i % 2 ? 'Red mug' : 'Blue cup', price: i },
    }));
    await h.call('PUT', h.data(`/catalogs/${id}/items`), items);
    const first = await h.call('GET', h.data(`/catalogs/${id}/items`));
    expect(first.body).toMatchObject({
      success: true,
      limit: 20,
      skip: 0,
      total: 25,
      matched: 25,
      matched_limited: false,
    });
    expect(first.body.data).toHaveLength(20);
    const page = await h.call('GET', h.data(`/catalogs/${id}/items?count=3&skip=2&order=price%20desc`));
    expect(page.body.data.map((d: { item_id: string }) => d.item_id)).toEqual(['p22', 'p21', 'p20']);
    const search = await h.call('GET', h.data(`/catalogs/${id}/items?query=red&count=100`));
    expect(search.body.matched).toBe(12);
    const over = await h.call('GET', h.data(`/catalogs/${id}/items?count=2&skip=1000`));
    expect(over).toMatchObject({ status: 400, body: { success: false } });
    expect((await h.call('GET', h.data(`/catalogs/${id}/items?count=1&skip=1000`))).status).toBe(200);
  });

  it('fixes the schema at creation and needs the catalog permission', async () => {
    h = await startHarness({
      privateKeys: [
        { keyId: 'sim-key-id', secret: 'sim-key-secret' },
        { keyId: 'tracker', secret: 's', permissions: ['customers.set'] },
      ],
    });
    const id = await productCatalog();
    const change = await h.call('PUT', h.data(`/catalogs/${id}`), { name: 'p', fields: [{ name: 'title' }] });
    expect(change).toMatchObject({ status: 400, body: { success: false } });
    const denied = await h.call(
      'GET',
      h.data('/catalogs'),
      undefined,
      'Basic ' + Buffer.from('tracker:s').toString('base64'),
    );
    expect(denied.status).toBe(403);
    expect((await h.call('GET', h.data(`/catalogs/${id}`))).body.data.name).toBe('products');
  });
});

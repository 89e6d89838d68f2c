// Runs in: Node (vitest). Owns: pagination edges and filters: v2 204 past the end, v3 last page and links,
// cursor pagination, date/id/email filters, sorting and the percent-encoded colon rejection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BigCommerceSim } from './index.js';
import { call } from './testing/harness.js';
import { startBigCommerceSim } from './index.js';

interface V3<T = Record<string, unknown>> {
  data: T[];
  meta: {
    pagination?: {
      total: number;
      count: number;
      per_page: number;
      current_page: number;
      total_pages: number;
      links: Record<string, string>;
    };
    cursor_pagination?: { end_cursor: string; links: Record<string, string> };
  };
}
let sim: BigCommerceSim;
beforeAll(async () => {
  sim = await startBigCommerceSim({
    stores: [{ hash: 'p1', quota: 10_000, seed: { customers: 23, orders: 41, products: 9, seed: 3 } }],
  });
});
afterAll(() => sim.close());

describe('v2 paging', () => {
  it('pages orders as bare arrays and answers 204 with no body past the end', async () => {
    const seen: number[] = [];
    for (let page = 1; ; page++) {
      const r = await call(sim, `/v2/orders?limit=10&page=${page}`);
      if (r.status === 204) {
        expect(r.body).toBeUndefined();
        break;
      }
      seen.push(...(r.body as Array<{ id: number }>).map((o) => o.id));
    }
    expect(seen).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
    expect((await call(sim, '/v2/orders?limit=251')).status).toBe(413);
    expect((await call(sim, '/v2/orders?customer_id=999999')).status).toBe(204);
  });

  it('filters orders by date, id, status and customer, and sorts', async () => {
    const all = (await call(sim, '/v2/orders?limit=250')).body as Array<{
      id: number;
      customer_id: number;
      status_id: number;
      date_modified: string;
    }>;
    expect(all.some((o) => o.customer_id === 0)).toBe(true);
    const mid = all[20]!.date_modified;
    const since = (await call(sim, `/v2/orders?limit=250&min_date_modified=${encodeURIComponent(mid)}`))
      .body as typeof all;
    expect(since.length).toBe(all.filter((o) => Date.parse(o.date_modified) >= Date.parse(mid)).length);
    const minId = (await call(sim, '/v2/orders?min_id=30')).body as typeof all;
    expect(minId.map((o) => o.id)).toEqual([30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41]);
    const byDm = (await call(sim, '/v2/orders?limit=250&sort=date_modified:desc')).body as typeof all;
    const dms = byDm.map((o) => Date.parse(o.date_modified));
    expect(dms).toEqual([...dms].sort((a, b) => b - a));
    const count = (await call(sim, '/v2/orders/count?status_id=11')).body as { count: number };
    expect(count.count).toBe(all.filter((o) => o.status_id === 11).length);
    // An unencoded '+' in an RFC 2822 date arrives as a space and is rejected, as the real API does.
    expect(
      (await call(sim, '/v2/orders?min_date_modified=Thu,%2020%20Apr%202017%2011:32:00+0400')).status,
    ).toBe(400);
  });
});

describe('v3 paging and filters', () => {
  it('reports pagination meta with links, and an empty last page past the end', async () => {
    const last = (await call(sim, '/v3/customers?limit=10&page=3')).body as V3;
    expect(last.data.length).toBe(3);
    expect(last.meta.pagination).toMatchObject({
      total: 23,
      count: 3,
      per_page: 10,
      current_page: 3,
      total_pages: 3,
    });
    expect(last.meta.pagination!.links).toEqual({
      previous: '?page=2&limit=10',
      current: '?page=3&limit=10',
    });
    const beyond = (await call(sim, '/v3/customers?limit=10&page=4')).body as V3;
    expect(beyond.data).toEqual([]);
    expect((await call(sim, '/v3/customers?limit=251')).status).toBe(413);
  });

  it('walks customers with cursors, returning only cursor meta once a cursor is used', async () => {
    const first = (await call(sim, '/v3/customers?limit=10')).body as V3<{ id: number }>;
    expect(first.meta.pagination).toBeDefined();
    expect(first.meta.cursor_pagination).toBeDefined();
    const ids = first.data.map((c) => c.id);
    let cursor = first.meta.cursor_pagination!.end_cursor;
    for (;;) {
      const page = (await call(sim, `/v3/customers?limit=10&after=${encodeURIComponent(cursor)}`))
        .body as V3<{ id: number }>;
      expect(page.meta.pagination).toBeUndefined();
      ids.push(...page.data.map((c) => c.id));
      if (!page.meta.cursor_pagination!.links['next']) break;
      cursor = page.meta.cursor_pagination!.end_cursor;
    }
    expect(ids).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
  });

  it('filters by id:in, email:in and date_modified range with a literal colon, and sorts by date_modified', async () => {
    const some = (await call(sim, '/v3/customers?id:in=3,5,99')).body as V3<{ id: number; email: string }>;
    expect(some.data.map((c) => c.id)).toEqual([3, 5]);
    const byEmail = (await call(sim, `/v3/customers?email:in=${encodeURIComponent(some.data[1]!.email)}`))
      .body as V3<{ id: number }>;
    expect(byEmail.data.map((c) => c.id)).toEqual([5]);
    const all = (await call(sim, '/v3/customers?limit=250&sort=date_modified:asc')).body as V3<{
      id: number;
      date_modified: string;
    }>;
    const dms = all.data.map((c) => Date.parse(c.date_modified));
    expect(dms).toEqual([...dms].sort((a, b) => a - b));
    const pivot = all.data[10]!.date_modified;
    const since = (
      await call(sim, `/v3/customers?limit=250&date_modified:min=${pivot}&sort=date_modified:asc`)
    ).body as V3<{ id: number }>;
    expect(since.data.map((c) => c.id)).toEqual(
      all.data
        .slice(10)
        .map((c) => c.id)
        .filter((id) => since.data.some((s) => s.id === id)),
    );
    expect(since.meta.pagination!.total).toBe(
      all.data.filter((c) => Date.parse(c.date_modified) >= Date.parse(pivot)).length,
    );
    const encoded = await call(sim, `/v3/customers?date_modified%3Amin=${pivot}`);
    expect(encoded.status).toBe(422);
    expect((await call(sim, '/v3/customers?date_modified:min=yesterday')).status).toBe(422);
  });

  it('filters subscribers and products', async () => {
    const subs = (await call(sim, '/v3/customers/subscribers?limit=250')).body as V3<{
      id: number;
      email: string;
      date_modified: string;
    }>;
    const one = (
      await call(sim, `/v3/customers/subscribers?email=${encodeURIComponent(subs.data[2]!.email)}`)
    ).body as V3<{ id: number }>;
    expect(one.data.map((s) => s.id)).toEqual([subs.data[2]!.id]);
    const recent = (
      await call(sim, `/v3/customers/subscribers?date_modified:min=${subs.data[5]!.date_modified}`)
    ).body as V3;
    expect(recent.meta.pagination!.total).toBe(
      subs.data.filter((s) => s.date_modified >= subs.data[5]!.date_modified).length,
    );
    const visible = (await call(sim, '/v3/catalog/products?is_visible=true&include=variants,images'))
      .body as V3<{ is_visible: boolean; variants: unknown[] }>;
    expect(visible.data.every((p) => p.is_visible && p.variants.length > 0)).toBe(true);
    const ids = (await call(sim, '/v3/catalog/products?id:in=2,4')).body as V3<{ id: number }>;
    expect(ids.data.map((p) => p.id)).toEqual([2, 4]);
  });
});

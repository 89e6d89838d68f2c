// Runs in: main (Electron-free). Owns: paging. v3 answers {data, meta.pagination}; v2 answers a bare array
// and 204 with no body past the end. Both are walked with 250 per page, the documented maximum.
import { AppError } from '../core/errors.js';
import { withQuery, type Query } from './query.js';
import type { Transport } from './transport.js';

export const PAGE_LIMIT = 250;

export interface RawPage {
  page: number;
  items: unknown[];
  /** v3 only: the total the API reported with this page. */
  total?: number;
  totalPages?: number;
}

export interface PageOptions {
  signal?: AbortSignal;
  limit?: number;
  startPage?: number;
}

interface V3Envelope {
  data?: unknown;
  meta?: { pagination?: { total?: number; total_pages?: number; current_page?: number } };
}

export async function* v3Pages(
  t: Transport,
  path: string,
  query: Query = {},
  o: PageOptions = {},
): AsyncGenerator<RawPage> {
  const limit = o.limit ?? PAGE_LIMIT;
  for (let page = o.startPage ?? 1; ; page++) {
    const res = await t.request('GET', withQuery(path, { ...query, page, limit }), { signal: o.signal });
    if (res.body === null) return; // a few v3 sub-resources answer 204 when empty
    const env = res.body as V3Envelope;
    if (!Array.isArray(env.data)) {
      throw new AppError(
        'upstream',
        `BigCommerce answered GET ${path} without a data array (store ${t.storeLabel}).`,
      );
    }
    const p = env.meta?.pagination;
    yield { page, items: env.data, total: p?.total, totalPages: p?.total_pages };
    if (env.data.length === 0) return;
    if (p?.total_pages !== undefined ? page >= p.total_pages : env.data.length < limit) return;
  }
}

export async function* v2Pages(
  t: Transport,
  path: string,
  query: Query = {},
  o: PageOptions = {},
): AsyncGenerator<RawPage> {
  const limit = o.limit ?? PAGE_LIMIT;
  for (let page = o.startPage ?? 1; ; page++) {
    const res = await t.request('GET', withQuery(path, { ...query, page, limit }), { signal: o.signal });
    if (res.body === null) return; // 204: past the end, or nothing matched
    if (!Array.isArray(res.body)) {
      throw new AppError(
        'upstream',
        `BigCommerce answered GET ${path} with something other than a list (store ${t.storeLabel}).`,
      );
    }
    yield { page, items: res.body };
    // A short page is the last one: saves the extra call that would answer 204.
    if (res.body.length < limit) return;
  }
}

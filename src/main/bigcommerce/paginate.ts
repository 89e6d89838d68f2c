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
  meta?: { pagination?: { total?: unknown; total_pages?: unknown; current_page?: unknown } };
}

/** How many times one v3 page is asked for when its answer is not a proper page (garbage, proxies). */
export const V3_PAGE_ATTEMPTS = 3;

type V3Answer = { items: unknown[]; total: number; totalPages: number } | { empty: true };

const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * Every v3 list endpoint the client walks sends `meta.pagination`, on the last page and on an empty list
 * too. An answer without it (a proxy's or a fault's `{"data": []}`) must never be read as the end of the
 * list: that once staged 250 of 600 customers without an error.
 */
function checkV3(body: unknown, page: number): V3Answer | string {
  if (body === null) return { empty: true }; // a few v3 sub-resources answer 204 when empty
  const env = body as V3Envelope;
  if (!Array.isArray(env.data)) return 'without a data array';
  const p = env.meta?.pagination;
  if (!p || !count(p.total) || !count(p.total_pages))
    return 'without a valid meta.pagination block (total, total_pages)';
  if (env.data.length === 0 && page < p.total_pages)
    return `with no records although it reported ${p.total_pages} pages`;
  return { items: env.data, total: p.total, totalPages: p.total_pages };
}

async function v3Page(
  t: Transport,
  path: string,
  url: string,
  page: number,
  signal?: AbortSignal,
): Promise<V3Answer> {
  let problem = '';
  for (let attempt = 1; attempt <= V3_PAGE_ATTEMPTS; attempt++) {
    // Each new attempt goes through the store's budget again, like any other call.
    const res = await t.request('GET', url, { signal });
    const answer = checkV3(res.body, page);
    if (typeof answer !== 'string') return answer;
    problem = answer;
  }
  throw new AppError(
    'upstream',
    `BigCommerce answered GET ${path} page ${page} ${problem} (store ${t.storeLabel}), ` +
      `${V3_PAGE_ATTEMPTS} times; the read stopped instead of taking it for the end of the list.`,
    { retryable: true },
  );
}

export async function* v3Pages(
  t: Transport,
  path: string,
  query: Query = {},
  o: PageOptions = {},
): AsyncGenerator<RawPage> {
  const limit = o.limit ?? PAGE_LIMIT;
  for (let page = o.startPage ?? 1; ; page++) {
    const url = withQuery(path, { ...query, page, limit });
    const answer = await v3Page(t, path, url, page, o.signal);
    if ('empty' in answer) return;
    yield { page, items: answer.items, total: answer.total, totalPages: answer.totalPages };
    if (answer.items.length === 0 || page >= answer.totalPages) return;
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

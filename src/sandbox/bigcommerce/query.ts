// Runs in: Node (simulators). Owns: reading query strings the way BigCommerce does (filter keys with a literal
// colon), v3 offset and cursor pagination envelopes, and v2 page/limit paging with 204 past the end.
import type { SimResponse } from '../kit/index.js';
import { v3Error } from './errors.js';

export class QueryError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: Record<string, string>,
  ) {
    super(message);
  }
}

/** Parses the raw query keeping `date_modified:min` as written; values are percent-decoded. */
export function parseRawQuery(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of raw.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    out.set(safeDecode(key), safeDecode(value.replace(/\+/g, ' ')));
  }
  return out;
}

/**
 * The real v3 API treats `date_modified%3Amin` as an unknown parameter and answers 422 on filtered
 * collections (bigcommerce/docs #620); a client that lets URLSearchParams encode the colon must see that.
 */
export function rejectEncodedColons(raw: string): void {
  for (const part of raw.split('&')) {
    const key = part.split('=')[0] ?? '';
    if (/%3a/i.test(key)) {
      throw new QueryError(422, `The filter '${safeDecode(key)}' is not valid: send the colon unencoded.`, {
        [safeDecode(key)]: 'is not a valid filter',
      });
    }
  }
}

export function intParam(
  q: Map<string, string>,
  key: string,
  def: number,
  min: number,
  max?: number,
): number {
  const raw = q.get(key);
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new QueryError(422, `The '${key}' parameter must be an integer >= ${min}.`, {
      [key]: 'is invalid',
    });
  if (max !== undefined && n > max)
    throw new QueryError(413, `The '${key}' parameter may be at most ${max}.`);
  return n;
}

export function intList(q: Map<string, string>, key: string): number[] | undefined {
  const raw = q.get(key);
  if (raw === undefined) return undefined;
  const ids = raw
    .split(',')
    .filter((s) => s !== '')
    .map(Number);
  if (ids.some((n) => !Number.isInteger(n)))
    throw new QueryError(422, `'${key}' must be a comma-separated list of integers.`, {
      [key]: 'is invalid',
    });
  return ids;
}

export function pagingOf(q: Map<string, string>, maxLimit = 250): { page: number; limit: number } {
  return { page: intParam(q, 'page', 1, 1), limit: intParam(q, 'limit', 50, 1, maxLimit) };
}

export interface PageMeta {
  total: number;
  count: number;
  per_page: number;
  current_page: number;
  total_pages: number;
  links: { previous?: string; current: string; next?: string };
}

export function pageMeta(total: number, count: number, page: number, limit: number): PageMeta {
  const totalPages = Math.ceil(total / limit);
  const links: PageMeta['links'] = { current: `?page=${page}&limit=${limit}` };
  if (page > 1) links.previous = `?page=${page - 1}&limit=${limit}`;
  if (page < totalPages) links.next = `?page=${page + 1}&limit=${limit}`;
  return { total, count, per_page: limit, current_page: page, total_pages: totalPages, links };
}

/** A v3 offset-paginated list answer. */
export function v3List<T>(
  ids: readonly number[],
  q: Map<string, string>,
  render: (id: number) => T,
  maxLimit = 250,
): SimResponse {
  const { page, limit } = pagingOf(q, maxLimit);
  const slice = ids.slice((page - 1) * limit, page * limit);
  const data = slice.map(render);
  return {
    status: 200,
    body: { data, meta: { pagination: pageMeta(ids.length, data.length, page, limit) } },
  };
}

/** A v2 list answer: a bare array, or 204 with no body when the page is empty. */
export function v2List<T>(
  ids: readonly number[],
  q: Map<string, string>,
  render: (id: number) => T,
): SimResponse {
  const { page, limit } = pagingOf(q);
  const slice = ids.slice((page - 1) * limit, page * limit);
  if (slice.length === 0) return { status: 204 };
  return { status: 200, body: slice.map(render) };
}

/** Turns a thrown QueryError into the v3 problem body (v2 routes map it themselves). */
export function v3Guard(fn: () => SimResponse): SimResponse {
  try {
    return fn();
  } catch (err) {
    if (err instanceof QueryError) return v3Error(err.status, err.message, err.errors);
    throw err;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

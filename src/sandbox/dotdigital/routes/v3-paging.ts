// Runs in: Node (simulators). Owns: v3 seek paging: `limit` (1..5000, default 500 [UNVERIFIED]) and
// an opaque `marker`, answered as `_links` {self, first, next} the client follows.
import type { SimRequest, SimResponse } from '../../kit/index.js';
import { v3Error } from '../errors.js';

export interface Link {
  marker: string;
  link: string;
}

export function markerPage<T>(
  req: SimRequest,
  sorted: T[],
  seekKey: (item: T) => number | string,
  maxLimit = 5000,
): { items: T[]; links: Record<string, Link> } | { error: SimResponse } {
  const limitRaw = req.query.get('limit');
  const limit = limitRaw === null ? 500 : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit)
    return {
      error: v3Error(400, 'validationFailed', `limit must be 1 to ${maxLimit}.`, [
        { item: 'limit', description: 'Out of range.' },
      ]),
    };
  const marker = req.query.get('marker');
  let start = 0;
  if (marker !== null && marker !== '') {
    let after: string;
    try {
      after = Buffer.from(marker, 'base64url').toString('utf8');
    } catch {
      after = '';
    }
    // Seek past the marker's key rather than its position, so deletions between pages skip nothing.
    const key = (x: T) => seekKey(x);
    const gt = (a: number | string) => (typeof a === 'number' ? a > Number(after) : a > after);
    if (after === '')
      return {
        error: v3Error(400, 'validationFailed', 'marker is not valid.', [
          { item: 'marker', description: 'Unknown marker.' },
        ]),
      };
    const i = sorted.findIndex((x) => gt(key(x)));
    start = i < 0 ? sorted.length : i;
  }
  const items = sorted.slice(start, start + limit);
  const link = (m: string) => {
    const q = new URLSearchParams(req.query);
    if (m) q.set('marker', m);
    else q.delete('marker');
    return `${req.path}?${q.toString()}`;
  };
  const links: Record<string, Link> = {
    self: { marker: marker ?? '', link: link(marker ?? '') },
    first: { marker: '', link: link('') },
  };
  const last = items.at(-1);
  if (last !== undefined && start + limit < sorted.length) {
    const m = Buffer.from(String(seekKey(last))).toString('base64url');
    links.next = { marker: m, link: link(m) };
  }
  return { items, links };
}

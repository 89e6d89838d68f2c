// Runs in: Node (simulators). Owns: helpers every route file uses: route registration through the
// gate, v2 select/skip paging, and small body readers.
import type { SimRequest, SimResponse } from '../../kit/index.js';
import { msg, v2Error } from '../errors.js';
import type { ApiHandler } from '../gate.js';
import type { Tier } from '../options.js';

export type Add = (
  method: string,
  pattern: string,
  tier: Tier,
  handler: ApiHandler,
  anyRegion?: boolean,
) => void;

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const obj = (v: unknown): Obj => (isObj(v) ? v : {});

/** v2 paging: `select` 1..1000 (default 1000), `skip` >= 0. Returns the page or a 400. */
export function page<T>(req: SimRequest, items: T[]): { items: T[] } | { error: SimResponse } {
  const selectRaw = req.query.get('select');
  const skipRaw = req.query.get('skip');
  const select = selectRaw === null ? 1000 : Number(selectRaw);
  const skip = skipRaw === null ? 0 : Number(skipRaw);
  if (!Number.isInteger(select) || select < 1 || select > 1000)
    return { error: v2Error(400, msg.invalid('select must be a number between 1 and 1000.')) };
  if (!Number.isInteger(skip) || skip < 0)
    return { error: v2Error(400, msg.invalid('skip must be 0 or more.')) };
  return { items: items.slice(skip, skip + select) };
}

export function ok(body: unknown, status = 200): SimResponse {
  return { status, body };
}

/** `{date}` path segments of the `…-since/{date}` calls: ISO 8601 date or date-time. */
export function parseSince(raw: string | undefined): number | undefined {
  if (!raw) return undefined;
  // dotdigital reads dates without an offset as UTC; Date.parse would read them as local time.
  const withZone = /^\d{4}-\d{2}-\d{2}$/.test(raw)
    ? `${raw}T00:00:00Z`
    : /(Z|[+-]\d{2}:?\d{2})$/i.test(raw)
      ? raw
      : `${raw}Z`;
  const t = Date.parse(withZone);
  return Number.isNaN(t) ? undefined : t;
}

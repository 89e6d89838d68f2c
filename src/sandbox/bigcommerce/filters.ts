// Runs in: Node (simulators). Owns: reading the common v3 filter families (`x:in`, date `x`/`x:min`/`x:max`,
// `sort=field:dir`) into plain values, with a 422 that names the bad parameter.
import { parseFilterDate } from './dates.js';
import { intList, QueryError } from './query.js';

export interface Range {
  min?: number;
  max?: number;
}

/** `field` (exact, to the second), `field:min` (>=) and `field:max` (<=); undefined when none is given. */
export function dateRange(
  q: Map<string, string>,
  field: string,
  names = { min: `${field}:min`, max: `${field}:max` },
): Range | undefined {
  const read = (key: string): number | undefined => {
    const raw = q.get(key);
    if (raw === undefined) return undefined;
    const ms = parseFilterDate(raw);
    if (ms === undefined)
      throw new QueryError(422, `The filter '${key}' must be an ISO 8601 date or a unix timestamp.`, {
        [key]: 'is not a valid date',
      });
    return ms;
  };
  const exact = read(field);
  const min = read(names.min);
  const max = read(names.max);
  if (exact === undefined && min === undefined && max === undefined) return undefined;
  const r: Range = {};
  if (exact !== undefined) {
    r.min = exact;
    r.max = exact + 999;
  }
  if (min !== undefined) r.min = Math.max(r.min ?? -Infinity, min);
  if (max !== undefined) r.max = Math.min(r.max ?? Infinity, max);
  return r;
}

export function inRange(ms: number, r: Range | undefined): boolean {
  return !r || ((r.min === undefined || ms >= r.min) && (r.max === undefined || ms <= r.max));
}

export function stringList(q: Map<string, string>, key: string): string[] | undefined {
  const raw = q.get(key);
  return raw === undefined
    ? undefined
    : raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
}

/** `id:in` merged with a plain `id`. */
export function idFilter(q: Map<string, string>): number[] | undefined {
  const list = intList(q, 'id:in');
  const one = intList(q, 'id');
  if (list && one) return list.filter((i) => one.includes(i));
  return list ?? one;
}

export function boolParam(q: Map<string, string>, key: string): boolean | undefined {
  const raw = q.get(key);
  if (raw === undefined) return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new QueryError(422, `The filter '${key}' must be true or false.`, { [key]: 'is invalid' });
}

/** `sort=field:asc|desc` restricted to `allowed`. */
export function sortParam(
  q: Map<string, string>,
  allowed: string[],
): { field: string; desc: boolean } | undefined {
  const raw = q.get('sort');
  if (raw === undefined || raw === '') return undefined;
  const [field = '', dir = 'asc'] = raw.split(':');
  if (!allowed.includes(field) || (dir !== 'asc' && dir !== 'desc'))
    throw new QueryError(422, `sort must be one of ${allowed.map((f) => `${f}:asc|desc`).join(', ')}.`, {
      sort: 'is invalid',
    });
  return { field, desc: dir === 'desc' };
}

export function includes(q: Map<string, string>, allowed: string[]): Set<string> {
  const list = stringList(q, 'include') ?? [];
  const bad = list.filter((i) => !allowed.includes(i));
  if (bad.length > 0)
    throw new QueryError(422, `include accepts ${allowed.join(', ')}; got ${bad.join(', ')}.`, {
      include: 'is invalid',
    });
  return new Set(list);
}

// Runs in: Node (simulators). Owns: ActiveCampaign's envelopes: dates, errors, pagination, filters, sorting.
import type { SimRequest, SimResponse } from '../kit/index.js';
import type { AccountStore } from './store.js';

/** What an /api/3 handler gets besides the request: the caller's account and the clock. */
export interface Ctx {
  store: AccountStore;
  now: () => number;
  /** A timestamp in the account's zone, the way the API writes dates: `2018-09-12T16:53:50-05:00`. */
  date: (ms: number) => string;
  /** Absolute prefix for `links` (`http://127.0.0.1:port/api/3`). */
  base: string;
  utcOffsetMinutes: number;
}

/** Reads a date filter; a date without an offset is in the account's zone, as the UI shows it. */
export function parseAcDate(v: string, offsetMinutes: number): number | undefined {
  const s = v.trim().replace(' ', 'T');
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(s)) {
    const t = Date.parse(s);
    return Number.isNaN(t) ? undefined : t;
  }
  const t = Date.parse(/T/.test(s) ? `${s}Z` : `${s}T00:00:00Z`);
  return Number.isNaN(t) ? undefined : t - offsetMinutes * 60_000;
}

export type AcRequest = SimRequest & { ctx: Ctx };
export type AcHandler = (req: AcRequest) => SimResponse;

export function formatDate(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const offset = `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return local.toISOString().slice(0, 19) + offset;
}

export const ok = (body: unknown): SimResponse => ({ status: 200, body });
export const created = (body: unknown): SimResponse => ({ status: 201, body });
/** Deletes answer 200 with an empty object. */
export const deleted = (): SimResponse => ({ status: 200, body: {} });

/** The 404 most resources use: `{"message":"No Result found for Subscriber with id 1"}`. */
export function notFound(entity: string, id: string, phrase = 'No Result found for'): SimResponse {
  return { status: 404, body: { message: `${phrase} ${entity} with id ${id}` } };
}

export interface AcRouter {
  add(method: string, pattern: string, handler: AcHandler): void;
}

export interface FieldError {
  title: string;
  detail: string;
  code: string;
  source: { pointer: string };
}

export function fieldError(field: string, code: string, title: string, detail = ''): FieldError {
  return { title, detail, code, source: { pointer: `/data/attributes/${field}` } };
}

export function unprocessable(errors: FieldError[]): SimResponse {
  return { status: 422, body: { errors } };
}

/** `limit` (default 20, at most 100) and zero-based `offset`; `meta.total` is a string. */
export function paginate<T>(req: SimRequest, items: T[]): { items: T[]; meta: { total: string } } {
  const rawLimit = Number.parseInt(req.query.get('limit') ?? '', 10);
  const rawOffset = Number.parseInt(req.query.get('offset') ?? '', 10);
  const limit = Number.isFinite(rawLimit) && rawLimit > 0 ? Math.min(rawLimit, 100) : 20;
  const offset = Number.isFinite(rawOffset) && rawOffset > 0 ? rawOffset : 0;
  return { items: items.slice(offset, offset + limit), meta: { total: String(items.length) } };
}

export function filter(req: SimRequest, name: string): string | undefined {
  const v = req.query.get(`filters[${name}]`);
  return v === null || v === '' ? undefined : v;
}

/** Applies `orders[field]=ASC|DESC` for the fields the endpoint documents; ids ascending otherwise. */
export function sortBy<T extends { id: number }>(
  req: SimRequest,
  items: T[],
  keys: Record<string, (t: T) => string | number>,
): T[] {
  const out = [...items].sort((a, b) => a.id - b.id);
  for (const [name, key] of Object.entries(keys)) {
    const dir = req.query.get(`orders[${name}]`)?.toUpperCase();
    if (dir !== 'ASC' && dir !== 'DESC') continue;
    const sign = dir === 'ASC' ? 1 : -1;
    out.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return (x < y ? -1 : x > y ? 1 : a.id - b.id) * sign;
    });
  }
  return out;
}

/** Reads the singular wrapper (`{"contact":{…}}`); undefined when the body lacks it. */
export function wrapped(req: SimRequest, key: string): Record<string, unknown> | undefined {
  const body = req.body;
  if (!body || typeof body !== 'object') return undefined;
  const inner = (body as Record<string, unknown>)[key];
  return inner && typeof inner === 'object' && !Array.isArray(inner)
    ? (inner as Record<string, unknown>)
    : undefined;
}

export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** Integers may arrive as JSON numbers or numeric strings (the docs' own examples send `"1"`). */
export function int(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number.parseInt(v, 10);
  return undefined;
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;
export const isEmail = (v: string): boolean => EMAIL.test(v.trim());

export function idParam(req: SimRequest, name = 'id'): number | undefined {
  const v = req.params[name] ?? '';
  return /^\d+$/.test(v) ? Number.parseInt(v, 10) : undefined;
}

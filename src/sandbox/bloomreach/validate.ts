// Runs in: Node (simulators). Owns: the tracking API's request checks (customer ids, sizes, timestamps)
// and Bloomreach's id transformations (trim always, lowercase per id type).
import { isPlainObject } from './errors.js';
import { LIMITS, type IdType } from './options.js';

export interface CustomerId {
  type: string;
  value: string;
  kind: 'hard' | 'soft';
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

export const MSG = {
  noIds: 'At least one id should be specified.',
  noValidIds: 'At least one valid id should be specified',
  invalidId: 'Invalid customer_id',
  noProperties: 'At least one property should be specified.',
  noEventType: 'Event type must be specified.',
  badTimestamp: 'Invalid timestamp.',
  badProperties: 'Properties must be an object.',
  tooLarge: 'Message is too large. Maximum size is 800 KB.',
  eventNotAllowed: 'Not authorized to add event of specified type',
  propertiesNotAllowed: 'Not authorized to update customer properties',
} as const;

/** Applies the documented id rules; invalid values are dropped, and none left is an error. */
export function checkCustomerIds(raw: unknown, idTypes: IdType[]): Checked<CustomerId[]> {
  if (!isPlainObject(raw) || Object.keys(raw).length === 0) return { ok: false, error: MSG.noIds };
  const ids: CustomerId[] = [];
  for (const [type, rawValue] of Object.entries(raw)) {
    const def = idTypes.find((t) => t.name === type);
    if (!def) return { ok: false, error: `${MSG.invalidId}: unknown id type '${type}'` };
    if (typeof rawValue !== 'string' && typeof rawValue !== 'number') continue;
    let value = String(rawValue).trim();
    if (def.lowercase) value = value.toLowerCase();
    if (!/[A-Za-z0-9]/.test(value) || ['null', 'undefined'].includes(value.toLowerCase())) continue;
    ids.push({ type, value, kind: def.kind });
  }
  if (ids.length === 0) return { ok: false, error: MSG.noValidIds };
  return { ok: true, value: ids };
}

/** Message < 800 KB and every property value < 16 KB. */
export function checkSizes(
  data: unknown,
  properties: Record<string, unknown> | undefined,
): string | undefined {
  if (Buffer.byteLength(JSON.stringify(data) ?? '', 'utf8') > LIMITS.messageBytes) return MSG.tooLarge;
  for (const [key, value] of Object.entries(properties ?? {})) {
    const size = Buffer.byteLength(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''), 'utf8');
    if (size > LIMITS.valueBytes) return `Value of property '${key}' is too large. Maximum size is 16 KB.`;
  }
  return undefined;
}

/** Unix seconds (float) or ISO-8601; no millisecond detection, so a ms value lands far in the future as on the platform. */
export function checkTimestamp(raw: unknown, nowSec: number): Checked<number> {
  if (raw === undefined || raw === null) return { ok: true, value: nowSec };
  if (typeof raw === 'number' && Number.isFinite(raw)) return { ok: true, value: raw };
  if (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}/.test(raw)) {
    const ms = Date.parse(raw);
    if (Number.isFinite(ms)) return { ok: true, value: ms / 1000 };
  }
  return { ok: false, error: MSG.badTimestamp };
}

export function checkProperties(raw: unknown, required: boolean): Checked<Record<string, unknown>> {
  if (raw === undefined && !required) return { ok: true, value: {} };
  if (!isPlainObject(raw)) return { ok: false, error: required ? MSG.noProperties : MSG.badProperties };
  if (required && Object.keys(raw).length === 0) return { ok: false, error: MSG.noProperties };
  return { ok: true, value: raw };
}

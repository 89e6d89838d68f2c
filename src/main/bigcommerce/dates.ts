// Runs in: main (Electron-free). Owns: turning BigCommerce's three date formats (v2 RFC 2822, v3 ISO 8601,
// unix seconds) into one: ISO 8601 UTC strings with milliseconds ("2019-03-05T21:40:11.000Z").
const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

const RFC2822 =
  /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(?:([+-])(\d{2})(\d{2})|GMT|UTC|UT|Z)?$/;
const ISO8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(?:(Z)|([+-])(\d{2}):?(\d{2}))?$/;

/**
 * Epoch ms of a BigCommerce date, or undefined when the text is not a date. A value without an offset is
 * read as UTC (BigCommerce stores UTC), never as the machine's local time: `Date.parse` would do the latter.
 */
export function parseBcDate(value: string | number): number | undefined {
  if (typeof value === 'number') {
    // Webhooks, /v2/time and hook timestamps are unix seconds.
    return Number.isFinite(value) ? Math.round(value * 1000) : undefined;
  }
  const s = value.trim();
  if (/^\d{9,11}$/.test(s)) return Number(s) * 1000;
  let m = ISO8601.exec(s);
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '', , sign, oh = '0', om = '0'] = m;
    const ms = Number((frac + '000').slice(0, 3));
    const base = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec), ms);
    const offset = sign ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000 : 0;
    return valid(base - offset, Number(mo), Number(d));
  }
  m = RFC2822.exec(s);
  if (m) {
    const [, d, mon, y, h, mi, sec = '0', sign, oh = '0', om = '0'] = m;
    const month = MONTHS[mon!.toLowerCase()];
    if (month === undefined) return undefined;
    const base = Date.UTC(Number(y), month, Number(d), Number(h), Number(mi), Number(sec));
    const offset = sign ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000 : 0;
    return valid(base - offset, month + 1, Number(d));
  }
  return undefined;
}

function valid(ms: number, month: number, day: number): number | undefined {
  if (!Number.isFinite(ms) || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return ms;
}

export function toIsoUtc(ms: number): string {
  return new Date(ms).toISOString();
}

/** The normalised form, or undefined when unparseable. Empty strings (v2 `date_shipped: ""`) are null. */
export function normaliseBcDate(value: string | number | null | undefined): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  const ms = parseBcDate(value);
  return ms === undefined ? undefined : toIsoUtc(ms);
}

/**
 * The value BigCommerce filters take (v2 `min_date_modified`, v3 `date_modified:min`): ISO 8601 in UTC with a
 * `Z` and whole seconds, so it carries no `+` (which would need %2B) and no local offset.
 */
export function filterDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

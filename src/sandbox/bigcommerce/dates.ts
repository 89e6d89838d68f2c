// Runs in: Node (simulators). Owns: BigCommerce's date formats (v2 RFC 2822, v3 ISO 8601, webhooks unix
// seconds) and parsing the date values clients put in filters.
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');

/** v2: `Tue, 05 Mar 2019 21:40:11 +0000`, always UTC. */
export function rfc2822(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

/** v3 customers and subscribers: `2018-11-13T21:42:06Z`. */
export function isoZ(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** v3 catalog and channels: `2018-08-15T14:49:05+00:00`. */
export function isoOffset(ms: number): string {
  return isoZ(ms).replace(/Z$/, '+00:00');
}

export function unixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

/**
 * Parses a filter value: ISO 8601 (date-only means midnight UTC), unix seconds, or RFC 2822.
 * Returns undefined when the value is not a date, so the caller can answer with the vendor's error.
 */
export function parseFilterDate(value: string): number | undefined {
  const v = value.trim();
  if (/^\d{9,11}$/.test(v)) return Number(v) * 1000;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return Date.parse(`${v}T00:00:00Z`);
  // An ISO time without a zone is read as UTC (the server's zone), never the host's local zone.
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(v) ? `${v}Z` : v;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

// Runs in: main (Electron-free). Owns: building query strings by hand. URLSearchParams percent-encodes `:`
// (`date_modified%3Amin`), which BigCommerce v3 filters reject; keys and values keep `:` and `,` literal.
export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined | null;
export type Query = Record<string, QueryValue>;

function encode(text: string): string {
  // encodeURIComponent already leaves `-_.!~*'()` alone; restore the two characters filters need raw.
  // `+` stays %2B: unencoded it would be read as a space (an ISO offset would break).
  return encodeURIComponent(text).replace(/%3A/gi, ':').replace(/%2C/gi, ',');
}

/** `{ 'date_modified:min': '2024-01-01T00:00:00Z', include: ['a','b'] }` -> `date_modified:min=2024-01-01T00:00:00Z&include=a,b`. */
export function buildQuery(query: Query = {}): string {
  const parts: string[] = [];
  for (const [key, raw] of Object.entries(query)) {
    if (raw === undefined || raw === null) continue;
    const value = Array.isArray(raw) ? raw.join(',') : String(raw);
    parts.push(`${encode(key)}=${encode(value)}`);
  }
  return parts.join('&');
}

export function withQuery(path: string, query: Query = {}): string {
  const qs = buildQuery(query);
  if (!qs) return path;
  return path.includes('?') ? `${path}&${qs}` : `${path}?${qs}`;
}

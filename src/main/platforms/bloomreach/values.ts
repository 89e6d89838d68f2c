// Runs in: main (Electron-free). Owns: value shaping shared by the mappings: email ids, numbers, unix seconds.

/** Bloomreach hard ids are case-sensitive: one customer per email needs the same trimmed, lowercased value. */
export const emailKey = (email: string): string => email.trim().toLowerCase();

export function num(v: unknown): number | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** Unix seconds, as the Tracking API takes timestamps (it does not detect milliseconds). */
export function secs(iso: string | null | undefined): number | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms / 1000 : undefined;
}

/** Drops undefined and null so a missing BigCommerce value never blanks a Bloomreach property. */
export function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export function absoluteUrl(base: string, path: string | undefined | null): string | undefined {
  if (!path) return undefined;
  try {
    return new URL(path, base).toString();
  } catch {
    return undefined;
  }
}

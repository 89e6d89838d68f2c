// Runs in: main (Electron-free). Owns: small value conversions from BigCommerce's normalised records to
// what Connectif validates (numbers, international phones, clipped texts, absolute URLs).

export const text = (v: string | null | undefined, max = 255): string | undefined => {
  const t = v?.trim();
  if (!t) return undefined;
  return t.length > max ? t.slice(0, max) : t;
};

/** BigCommerce amounts are 4-place decimal strings; Connectif takes numbers. */
export const amount = (v: string | number | null | undefined): number | undefined => {
  if (v === null || v === undefined || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? Math.round(n * 100) / 100 : undefined;
};

/** Connectif wants international phones (+ and digits); a number without its country code is not sent. */
export function intlPhone(v: string | null | undefined): string | undefined {
  const t = v?.trim();
  if (!t) return undefined;
  const digits = t.replace(/[\s\-().]/g, '');
  const m = /^(?:\+|00)([1-9]\d{6,14})$/.exec(digits);
  return m ? `+${m[1]!}` : undefined;
}

export const emailKey = (email: string): string => email.trim().toLowerCase();

export function absoluteUrl(base: string, path: string | null | undefined): string | undefined {
  if (!path) return undefined;
  try {
    return new URL(path, base.endsWith('/') ? base : `${base}/`).toString();
  } catch {
    return undefined;
  }
}

export function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export const ms = (iso: string | null | undefined): number | undefined => {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? t : undefined;
};

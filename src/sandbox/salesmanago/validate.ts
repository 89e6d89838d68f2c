// Runs in: Node (simulators). Owns: field checks shared by v2 and v3 (e-mail per the docs' limits, tag
// spelling, ISO 4217 currency codes).

/** The docs: at most 64 characters before the @ and 254 in total. */
export function emailProblem(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return `Email is not valid: ${email}`;
  if (at > 64) return `Email is not valid (more than 64 characters before @): ${email}`;
  if (email.length > 254) return `Email is not valid (more than 254 characters): ${email}`;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/.test(email)) return `Email is not valid: ${email}`;
  return undefined;
}

/** SALESmanago shows tags upper-case with underscores; the simulator stores them that way. */
export function normaliseTag(tag: string): string {
  return tag.trim().replace(/\s+/g, '_').toUpperCase();
}

let currencies: Set<string> | undefined;

export function isCurrency(code: unknown): boolean {
  if (typeof code !== 'string') return false;
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(code);
}

export function stringArray(v: unknown): string[] | undefined {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return undefined;
  return v as string[];
}

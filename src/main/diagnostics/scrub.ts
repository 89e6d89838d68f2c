// Runs in: main (Electron-free). Owns: what may leave the machine in a diagnostics bundle: secret-looking keys
// removed, credential hints kept, personal data masked unless asked for, and every known secret cut out.
import { mask, redact } from '../events/redact.js';

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}/gi;
/** A hint is bullets and at most the last four characters (`secretHint`); anything longer is not a hint. */
const HINT = /^•+[^•]{0,4}$/;

/** Free text (messages, error reasons, log lines that are not JSON): e-mail addresses masked. */
export function maskText(text: string): string {
  return text.replace(EMAIL, (m) => mask(m));
}

/**
 * Knows the workspace's actual secrets (read from the SecretStore) and cuts them out of any text, raw or as
 * they appear inside a JSON string, whatever field or line they leaked into.
 */
export class Scrubber {
  private readonly needles: string[] = [];

  add(secret: string | undefined): void {
    if (!secret || secret.length < 4) return;
    const forms = [secret, JSON.stringify(secret).slice(1, -1)];
    // An account's credentials are one JSON object; its values leak one by one.
    try {
      const parsed: unknown = JSON.parse(secret);
      if (parsed && typeof parsed === 'object')
        for (const v of Object.values(parsed)) if (typeof v === 'string' && v.length >= 4) forms.push(v);
    } catch {
      // not JSON: a plain token
    }
    for (const f of forms) if (!this.needles.includes(f)) this.needles.push(f);
    // Longest first, so a secret containing another is cut whole.
    this.needles.sort((a, b) => b.length - a.length);
  }

  get size(): number {
    return this.needles.length;
  }

  text(s: string): string {
    for (const n of this.needles) if (s.includes(n)) s = s.split(n).join('[redacted]');
    return s;
  }
}

export interface SanitizeOptions {
  maskPii: boolean;
}

/** A SQLite row for the bundle: JSON columns opened and redacted, hints kept, anything secret-looking dropped. */
export function sanitizeRow(row: Record<string, unknown>, opts: SanitizeOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.endsWith('_hint')) {
      out[key] = typeof value === 'string' && (value === '' || HINT.test(value)) ? value : '[redacted]';
      continue;
    }
    const json = typeof value === 'string' ? parseObject(value) : undefined;
    // Columns are the schema's own (ids, names, URLs): only their e-mail addresses count as personal data.
    // Inside JSON columns, the event log's key rules apply.
    const plain = typeof value === 'string' && opts.maskPii ? maskText(value) : value;
    out[key] = (
      redact({ [key]: json ?? plain }, json ? opts : { maskPii: false }) as Record<string, unknown>
    )[key];
  }
  return out;
}

/** Event payloads and JSON log lines: the event log's own rules, applied again with this bundle's options. */
export function sanitizeValue(value: unknown, opts: SanitizeOptions): unknown {
  const r = redact(value, opts);
  return opts.maskPii ? maskStrings(r) : r;
}

function maskStrings(value: unknown): unknown {
  if (typeof value === 'string') return maskText(value);
  if (Array.isArray(value)) return value.map(maskStrings);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskStrings(v)]));
  return value;
}

function parseObject(s: string): object | undefined {
  if (!s.startsWith('{') && !s.startsWith('[')) return undefined;
  try {
    const v: unknown = JSON.parse(s);
    return v && typeof v === 'object' ? v : undefined;
  } catch {
    return undefined;
  }
}

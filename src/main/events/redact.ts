// Runs in: main (Electron-free). Owns: what may be written to the event log: credentials never, personal
// data masked when the workspace asks for it.

const secretKey =
  /(token|secret|password|passwd|api[-_]?key|authorization|auth|signature|private[-_]?key|cookie)/i;
const piiKey =
  /(email|phone|mobile|first[-_]?name|last[-_]?name|^name$|surname|street|address|zip|postal|postcode|city|company|birth|ip)/i;

export interface RedactOptions {
  maskPii: boolean;
}

/** A deep copy with secret-looking keys removed and, optionally, personal fields masked. */
export function redact(value: unknown, opts: RedactOptions, depth = 0): unknown {
  if (depth > 8) return '[deep]';
  if (Array.isArray(value)) return value.slice(0, 200).map((v) => redact(v, opts, depth + 1));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (secretKey.test(k)) out[k] = '[redacted]';
    else if (opts.maskPii && piiKey.test(k) && (typeof v === 'string' || typeof v === 'number'))
      out[k] = mask(String(v));
    else out[k] = redact(v, opts, depth + 1);
  }
  return out;
}

/** Keeps enough to recognise a value without revealing it: `j•••@e•••.com`, `+44•••89`. */
export function mask(s: string): string {
  const at = s.indexOf('@');
  if (at > 0) {
    const domain = s.slice(at + 1);
    const dot = domain.lastIndexOf('.');
    return `${s[0]}•••@${domain[0] ?? ''}•••${dot >= 0 ? domain.slice(dot) : ''}`;
  }
  if (s.length <= 4) return '•••';
  return `${s.slice(0, 2)}•••${s.slice(-2)}`;
}

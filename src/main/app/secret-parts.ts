// Runs in: main (Electron-free). Owns: what the logger must redact of a secret the keychain hands out. Platform
// credentials are kept as one JSON object, so the API key inside it must be registered on its own: a log line
// carries the key, never the whole object.
const secretKey = /key|token|secret|pass|auth|credential|bearer/i;

export function secretParts(secret: string): string[] {
  const parts = [secret];
  let parsed: unknown;
  try {
    parsed = JSON.parse(secret);
  } catch {
    return parts;
  }
  const visit = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      // Named like a secret, or long and not an address (an unnamed token); URLs and names stay readable.
      if (value.length >= 4 && (secretKey.test(key) || (value.length >= 16 && !/^https?:\/\//.test(value))))
        parts.push(value);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, k);
    }
  };
  visit(parsed, '');
  return parts;
}

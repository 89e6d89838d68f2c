// Runs in: main (Electron-free). Owns: reading the system error code (ECONNREFUSED, ENOTFOUND…) that fetch
// buries in an error's cause chain, and describing a network failure with it.

export function networkCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** `ECONNREFUSED (fetch failed)`, or the message alone when no code was found. */
export function describeNetworkError(err: unknown): string {
  const code = networkCode(err);
  const msg = err instanceof Error ? err.message : String(err);
  return code ? `${code} (${msg})` : msg;
}

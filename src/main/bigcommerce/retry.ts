// Runs in: main (Electron-free). Owns: the retry policy for transient failures (5xx, connection resets,
// timeouts, malformed JSON): how long to wait before attempt n, and which thrown errors are transient.
import { isNetworkError, isTimeoutError } from 'ky';

export interface RetryPolicy {
  /** Total attempts for one request, the first included. */
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
  /** Consecutive 429s tolerated for one request before giving up. */
  max429: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 6, baseMs: 1_000, maxMs: 60_000, max429: 12 };

/** "Full jitter" exponential backoff: uniform in [d/2, d] with d = base × 2^(attempt-1), capped. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const d = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(d / 2 + (random() * d) / 2);
}

/** A failure on the wire (reset, refused, DNS, truncated body) rather than a bug in the caller. */
export function isTransientError(err: unknown): boolean {
  if (isNetworkError(err) || isTimeoutError(err)) return true;
  if (err instanceof TypeError) return true; // undici: "fetch failed", "terminated" (socket closed mid-body)
  const code = (err as { code?: unknown; cause?: { code?: unknown } } | undefined)?.cause?.code;
  return typeof code === 'string' || typeof (err as { code?: unknown })?.code === 'string';
}

export function describeError(err: unknown): string {
  const e = err as { message?: unknown; cause?: { code?: unknown; message?: unknown } };
  const code = e?.cause?.code ?? e?.cause?.message;
  return `${String(e?.message ?? err)}${code ? ` (${String(code)})` : ''}`;
}

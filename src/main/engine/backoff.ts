// Runs in: main (Electron-free). Owns: when a failed job may be tried again.

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** After this many attempts a retryable failure becomes a dead letter. */
  maxAttempts: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 1_000, maxMs: 15 * 60_000, maxAttempts: 12 };

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so retries of many jobs
 * that failed together spread out without any of them retrying immediately. A server's Retry-After wins
 * when it asks for longer.
 */
export function retryDelayMs(
  attempt: number,
  policy: BackoffPolicy = defaultBackoff,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = step / 2 + random() * (step / 2);
  return Math.max(Math.round(jittered), retryAfterMs ?? 0);
}

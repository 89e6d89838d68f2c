// Runs in: vitest. Owns: what the per-platform crash tests share on top of test/support/crash-harness.ts: the
// number of seeded kill points (8 by default to keep CI short; CRASH_POINTS=20 for a full run) and the
// duplicate count every destination check uses.
export { runCrashHarness, type CrashReport } from '../support/crash-harness.js';

/** Kill points per run: `CRASH_POINTS` when set (e.g. 20 for a full run), else 8. */
export function crashPoints(fallback = 8): number {
  const n = Number(process.env['CRASH_POINTS']);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** How many times each value occurs more than once: `{}` when every value is unique. */
export function duplicates(values: readonly string[]): Record<string, number> {
  const seen: Record<string, number> = {};
  for (const v of values) seen[v] = (seen[v] ?? 0) + 1;
  return Object.fromEntries(Object.entries(seen).filter(([, n]) => n > 1));
}

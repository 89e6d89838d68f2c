// Runs in: Node (benchmarks). Owns: how a benchmark child reports to bench/run.ts (one RESULT line of JSON)
// and reads its flags.
export function flag(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) ? v : dflt;
}

export function has(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

/** Figures named in `metrics`; bench/run.ts takes the median of each across runs. */
export function report(metrics: Record<string, number>, notes: Record<string, string | number> = {}): void {
  console.log(`RESULT ${JSON.stringify({ metrics, notes })}`);
}

/** Whole-process peak resident set (all threads), in MiB, as the kernel counted it. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

// Runs in: Node (CLI). Owns: how results are printed: aligned text for people, JSON for scripts; errors on
// stderr with an exit code (1: the operation failed, 2: the command line was wrong).
import type { AppErrorShape, Result } from '../../shared/contract/index.js';

export class UsageError extends Error {}

export interface Output {
  json: boolean;
  out(line: string): void;
  err(line: string): void;
}

export const stdio = (json: boolean): Output => ({
  json,
  out: (l) => process.stdout.write(l + '\n'),
  err: (l) => process.stderr.write(l + '\n'),
});

/** Prints rows as an aligned table (people) or the value as JSON (scripts). */
export function printTable<T>(
  o: Output,
  value: T[],
  columns: Array<[header: string, cell: (row: T) => string]>,
): void {
  if (o.json) return o.out(JSON.stringify(value));
  if (value.length === 0) return o.out('(none)');
  const cells = value.map((row) => columns.map(([, cell]) => cell(row)));
  const widths = columns.map(([h], i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const line = (parts: string[]) =>
    parts
      .map((p, i) => p.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  o.out(line(columns.map(([h]) => h)));
  for (const r of cells) o.out(line(r));
}

/** Unwraps a result; on failure prints the error and returns undefined (the caller exits 1). */
export function expectOk<T>(o: Output, r: Result<T>): T | undefined {
  if (r.ok) return r.value;
  printError(o, r.error);
  return undefined;
}

export function printError(o: Output, e: AppErrorShape): void {
  if (o.json) o.err(JSON.stringify({ error: e }));
  else {
    o.err(`error (${e.code}): ${e.message}`);
    for (const [field, msg] of Object.entries(e.fields ?? {})) o.err(`  ${field}: ${msg}`);
  }
}

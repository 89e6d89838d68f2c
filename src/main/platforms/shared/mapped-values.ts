// Runs in: main (Electron-free). Owns: reading a record's mapped values (PlanContext.mapped) the way every
// connector needs: its own standard keys apart from the platform's custom fields, in plain JSON values.
import type { MappedValues } from '../../engine/connector.js';

export type MappedValue = string | number | boolean | string[];

/** The mapped values, empty ones left out (the mapping already reported anything it could not produce). */
export function mappedEntries(mapped: MappedValues | undefined): Array<[string, MappedValue]> {
  if (!mapped) return [];
  return Object.entries(mapped.payload).filter(
    (e): e is [string, MappedValue] => e[1] !== undefined && e[1] !== null,
  );
}

/** Splits mapped values into the connector's own standard fields and the rest (the platform's custom fields). */
export function splitMapped(
  mapped: MappedValues | undefined,
  standard: readonly string[],
): { standard: Record<string, MappedValue>; custom: Record<string, MappedValue> } {
  const out = { standard: {} as Record<string, MappedValue>, custom: {} as Record<string, MappedValue> };
  for (const [k, v] of mappedEntries(mapped)) {
    if (standard.includes(k)) out.standard[k] = v;
    else out.custom[k] = v;
  }
  return out;
}

/** A mapped value as text, for platforms whose fields take strings; one checkbox answer is that answer. */
export function asText(v: MappedValue, join = ', '): string {
  if (Array.isArray(v)) return v.length === 1 ? v[0]! : v.join(join);
  return String(v);
}

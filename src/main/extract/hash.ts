// Runs in: main (Electron-free). Owns: the content hash of an extracted record (stable key order), so the
// same record read twice is recognised whatever order the API sent its fields in.
import { createHash } from 'node:crypto';

export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`;
}

export function contentHash(value: unknown): string {
  return hashText(stableStringify(value));
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

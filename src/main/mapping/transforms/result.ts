// Runs in: main (Electron-free). Owns: what one transform step returns, and what counts as an empty value.
import type { Value } from '../model.js';

export type StepResult = { ok: true; value: Value; note?: string } | { ok: false; message: string };

export const ok = (value: Value, note?: string): StepResult =>
  note === undefined ? { ok: true, value } : { ok: true, value, note };
export const fail = (message: string): StepResult => ({ ok: false, message });

export function isEmpty(v: Value): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Quotes a value for a message, short enough for a log line. */
export function show(v: Value): string {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

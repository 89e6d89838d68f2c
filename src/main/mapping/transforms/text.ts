// Runs in: main (Electron-free). Owns: the text transforms (trim, lowercase, uppercase, truncate) and default.
// Arrays (checkbox answers) are handled element by element; numbers and booleans pass through unchanged.
import type { Value } from '../model.js';
import { isEmpty, ok, type StepResult } from './result.js';

function eachString(v: Value, f: (s: string) => string): Value {
  if (typeof v === 'string') return f(v);
  if (Array.isArray(v)) return v.map(f);
  return v;
}

export const trim = (v: Value): StepResult => ok(eachString(v, (s) => s.trim()));
export const lowercase = (v: Value): StepResult => ok(eachString(v, (s) => s.toLowerCase()));
export const uppercase = (v: Value): StepResult => ok(eachString(v, (s) => s.toUpperCase()));

/** Cuts to `length` characters (code points, so an emoji is never split in half) and says so. */
export function truncate(v: Value, length: number): StepResult {
  if (typeof v !== 'string') return ok(v);
  const chars = Array.from(v);
  if (chars.length <= length) return ok(v);
  return ok(chars.slice(0, length).join(''), `cut from ${chars.length} to ${length} characters`);
}

export function withDefault(v: Value, value: string | number | boolean): StepResult {
  return isEmpty(v) ? ok(value) : ok(v);
}

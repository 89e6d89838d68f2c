// Runs in: main (Electron-free). Owns: reading yes/no answers as booleans. Anything not clearly yes or no is
// an error rather than a guess, so "maybe" never becomes false.
import type { Value } from '../model.js';
import { fail, isEmpty, ok, show, type StepResult } from './result.js';

const YES = new Set(['yes', 'y', 'true', 't', '1', 'on', 'checked', 'sim', 'si', 'sí', 'oui', 'ja']);
const NO = new Set(['no', 'n', 'false', 'f', '0', 'off', 'unchecked', 'não', 'nao', 'non', 'nein']);

export function toBoolean(v: Value): StepResult {
  if (isEmpty(v) || typeof v === 'boolean') return ok(v);
  if (typeof v === 'number') {
    if (v === 1 || v === 0) return ok(v === 1);
    return fail(`${v} is not a yes/no value (only 1 and 0 are)`);
  }
  // A single ticked checkbox ("I agree") arrives as a one-element array.
  const text = Array.isArray(v)
    ? v.length === 1
      ? v[0]!
      : undefined
    : typeof v === 'string'
      ? v
      : undefined;
  if (text === undefined) return fail(`${show(v)} holds several answers, not one yes/no`);
  const key = text.trim().toLowerCase();
  if (YES.has(key)) return ok(true);
  if (NO.has(key)) return ok(false);
  return fail(`${show(v)} is not a yes/no value (yes/no, true/false, 1/0, on/off)`);
}

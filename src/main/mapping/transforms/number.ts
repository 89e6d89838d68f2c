// Runs in: main (Electron-free). Owns: parsing numbers typed by people in any common locale ("1.234,56",
// "1,234.56", "1 234,5", "1'234.50"). Ambiguous text ("1,234" with no hint) is an error, not a guess.
import type { Value } from '../model.js';
import { fail, isEmpty, ok, show, type StepResult } from './result.js';

export function toNumber(v: Value, decimal: 'auto' | '.' | ','): StepResult {
  if (isEmpty(v)) return ok(v);
  if (typeof v === 'number') return Number.isFinite(v) ? ok(v) : fail(`${v} is not a finite number`);
  if (typeof v !== 'string') return fail(`${show(v)} is not a number`);
  // Spaces (also no-break and narrow no-break) and apostrophes only ever group digits.
  const s = v.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (!/^[+-]?[\d.,]*\d[\d.,]*$/.test(s)) return fail(`${show(v)} is not a number`);
  const sep = decimal === 'auto' ? guessDecimal(s) : decimal;
  if (sep === undefined) {
    return fail(`${show(v)} is ambiguous: set the decimal separator ("." or ",") on this transform`);
  }
  const group = sep === '.' ? ',' : '.';
  const [intPart, ...rest] = s.split(sep);
  if (rest.length > 1) return fail(`${show(v)} has more than one decimal separator "${sep}"`);
  const frac = rest[0];
  if (frac !== undefined && frac.includes(group))
    return fail(`${show(v)} has a grouping mark after the decimals`);
  const groups = intPart!.replace(/^[+-]/, '').split(group);
  if (
    groups.length > 1 &&
    (groups[0] === '' || groups[0]!.length > 3 || groups.slice(1).some((g) => g.length !== 3))
  ) {
    return fail(`${show(v)} has digits grouped oddly for "${group}" thousands separators`);
  }
  const digits = intPart!.split(group).join('') + (frac !== undefined ? `.${frac}` : '');
  const n = Number(digits);
  return Number.isFinite(n) && digits !== '' ? ok(n) : fail(`${show(v)} is not a number`);
}

function guessDecimal(s: string): '.' | ',' | undefined {
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  // Both marks present: the last one is the decimal separator.
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  const mark = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : undefined;
  if (mark === undefined) return '.';
  const count = s.split(mark).length - 1;
  if (count > 1) return mark === '.' ? ',' : '.';
  // One mark followed by exactly three digits reads as 1,234 (grouping) or 1,234 (decimal): do not guess.
  const after = s.length - s.lastIndexOf(mark) - 1;
  return after === 3 ? undefined : mark;
}

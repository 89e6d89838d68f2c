// Runs in: main (Electron-free). Owns: a small, honest E.164 normaliser. It knows calling codes, trunk
// prefixes and national lengths for a few dozen common countries; it does not know numbering plans (which
// prefixes exist), so a well-formed but unassigned number passes. libphonenumber-js would close that gap.
import type { Value } from '../model.js';
import { fail, isEmpty, ok, show, type StepResult } from './result.js';

interface Country {
  code: string;
  /** Digits of a national significant number (after the trunk prefix is removed). */
  min: number;
  max: number;
  /** Italy and San Marino keep their leading 0 after the country code. */
  keepZero?: boolean;
}

const C = (code: string, min: number, max: number, keepZero?: boolean): Country =>
  keepZero ? { code, min, max, keepZero } : { code, min, max };

// NANP countries share +1 and ten-digit numbers; the others list their usual national lengths.
const COUNTRIES: Record<string, Country> = {
  US: C('1', 10, 10),
  CA: C('1', 10, 10),
  PR: C('1', 10, 10),
  MX: C('52', 10, 10),
  BR: C('55', 10, 11),
  AR: C('54', 10, 11),
  CL: C('56', 9, 9),
  CO: C('57', 10, 10),
  PE: C('51', 8, 9),
  GB: C('44', 9, 10),
  IE: C('353', 7, 9),
  FR: C('33', 9, 9),
  DE: C('49', 6, 13),
  AT: C('43', 4, 13),
  CH: C('41', 9, 9),
  ES: C('34', 9, 9),
  PT: C('351', 9, 9),
  IT: C('39', 6, 11, true),
  SM: C('378', 6, 10, true),
  NL: C('31', 9, 9),
  BE: C('32', 8, 9),
  LU: C('352', 4, 11),
  DK: C('45', 8, 8),
  NO: C('47', 8, 8),
  SE: C('46', 7, 9),
  FI: C('358', 5, 12),
  PL: C('48', 9, 9),
  CZ: C('420', 9, 9),
  GR: C('30', 10, 10),
  RO: C('40', 9, 9),
  HU: C('36', 8, 9),
  TR: C('90', 10, 10),
  IL: C('972', 8, 9),
  AE: C('971', 8, 9),
  ZA: C('27', 9, 9),
  IN: C('91', 10, 10),
  CN: C('86', 10, 11),
  JP: C('81', 9, 10),
  KR: C('82', 8, 10),
  SG: C('65', 8, 8),
  AU: C('61', 9, 9),
  NZ: C('64', 8, 10),
};

export const phoneCountries = Object.keys(COUNTRIES);

export function toE164(v: Value, defaultCountry: string): StepResult {
  if (isEmpty(v)) return ok(v);
  if (typeof v !== 'string' && typeof v !== 'number') return fail(`${show(v)} is not a phone number`);
  const raw = String(v).trim();
  if (/(?:ext\.?|x|#)\s*\d+$/i.test(raw)) {
    return fail(`${show(v)} has an extension, which E.164 cannot hold`);
  }
  if (/[a-z]/i.test(raw)) return fail(`${show(v)} contains letters`);
  if (!/^[+\d\s().\-/]+$/.test(raw)) return fail(`${show(v)} contains characters a phone number does not`);
  let digits = raw.replace(/\D/g, '');
  let international = raw.startsWith('+');
  if (!international && digits.startsWith('00')) {
    // 00 is the international prefix across Europe and most of the world.
    digits = digits.slice(2);
    international = true;
  } else if (!international && digits.startsWith('011') && COUNTRIES[defaultCountry]?.code === '1') {
    digits = digits.slice(3);
    international = true;
  }
  if (international) {
    if (digits.length < 8 || digits.length > 15 || digits.startsWith('0')) {
      return fail(`${show(v)} is not a valid international number (8 to 15 digits after +)`);
    }
    return ok(`+${digits}`);
  }
  const country = COUNTRIES[defaultCountry];
  if (!country) {
    return fail(
      `${show(v)} has no country code and ${defaultCountry} is not a country this normaliser knows`,
    );
  }
  let national = digits;
  if (country.code === '1' && national.length === 11 && national.startsWith('1'))
    national = national.slice(1);
  // Most countries dial a trunk 0 at home that disappears after the country code.
  if (!country.keepZero && national.startsWith('0')) national = national.replace(/^0/, '');
  if (national.length < country.min || national.length > country.max) {
    const len = country.min === country.max ? `${country.min}` : `${country.min} to ${country.max}`;
    return fail(`${show(v)} has ${national.length} digits; ${defaultCountry} numbers have ${len}`);
  }
  return ok(`+${country.code}${national}`);
}

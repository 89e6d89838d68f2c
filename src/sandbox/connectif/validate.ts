// Runs in: Node (simulators). Owns: the value checks behind Connectif's 422 answers (types, enums, ISO
// dates, international phones, emails, custom-field values).
import type { FieldDef } from './options.js';

export type Problems = string[];

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isoDate = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
export const isIsoDate = (v: unknown): v is string =>
  typeof v === 'string' && isoDate.test(v) && !Number.isNaN(Date.parse(v));

// Connectif asks for international format; E.164 is the strictest reading of that.
export const isIntlPhone = (v: unknown): v is string => typeof v === 'string' && /^\+[1-9]\d{6,14}$/.test(v);

export const isEmail = (v: unknown): v is string =>
  typeof v === 'string' && v.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);

export function checkEnum(p: Problems, name: string, v: unknown, allowed: readonly string[]): void {
  if (v !== undefined && (typeof v !== 'string' || !allowed.includes(v)))
    p.push(`${name} must be one of ${allowed.join(', ')}`);
}

export function checkString(p: Problems, name: string, v: unknown, maxLength = 1000): void {
  if (v !== undefined && (typeof v !== 'string' || v.length > maxLength))
    p.push(`${name} must be a string of at most ${maxLength} characters`);
}

export function checkNumber(p: Problems, name: string, v: unknown, min?: number, max?: number): void {
  if (v === undefined) return;
  if (typeof v !== 'number' || !Number.isFinite(v)) p.push(`${name} must be a number`);
  else if ((min !== undefined && v < min) || (max !== undefined && v > max))
    p.push(`${name} must be between ${min ?? '-∞'} and ${max ?? '∞'}`);
}

export function checkInteger(p: Problems, name: string, v: unknown, min?: number): void {
  if (v === undefined) return;
  if (typeof v !== 'number' || !Number.isInteger(v)) p.push(`${name} must be an integer`);
  else if (min !== undefined && v < min) p.push(`${name} must be at least ${min}`);
}

export function checkStringArray(p: Problems, name: string, v: unknown): void {
  if (v !== undefined && (!Array.isArray(v) || v.some((x) => typeof x !== 'string')))
    p.push(`${name} must be an array of strings`);
}

/** A value written to a contact custom field or a custom-event field, by the field's type. */
export function checkFieldValue(p: Problems, name: string, def: FieldDef, v: unknown): void {
  if (v === null) return; // clears the field
  const optionIds = (def.options ?? []).map((o) => o.id);
  switch (def.type) {
    case 'text':
      return checkString(p, name, v, 2000);
    case 'email':
      if (!isEmail(v)) p.push(`${name} must be an email address`);
      return;
    case 'date':
      if (!isIsoDate(v)) p.push(`${name} must be an ISO-8601 date`);
      return;
    case 'phone':
      if (!isIntlPhone(v)) p.push(`${name} must be a phone number in international format (+34...)`);
      return;
    case 'radio':
      if (typeof v !== 'string' || !optionIds.includes(v))
        p.push(`${name} must be one of ${optionIds.join(', ')}`);
      return;
    case 'checkbox':
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !optionIds.includes(x)))
        p.push(`${name} must be an array of option ids among ${optionIds.join(', ')}`);
      return;
    case 'boolean':
      if (typeof v !== 'boolean') p.push(`${name} must be a boolean`);
      return;
    case 'number':
      return checkNumber(p, name, v);
    case 'integer':
      return checkInteger(p, name, v);
  }
}

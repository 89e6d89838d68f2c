// Runs in: main (Electron-free). Owns: running a row's transforms in order, and what type each transform
// turns a field into (so the mapping can be checked before any record is read).
import type { CatalogueField, FieldType, Value } from '../model.js';
import { toBoolean } from './boolean.js';
import { toDate } from './date.js';
import { toNumber } from './number.js';
import { toOptionIndex } from './options.js';
import { toE164 } from './phone.js';
import type { StepResult } from './result.js';
import type { TransformSpec } from './spec.js';
import { lowercase, trim, truncate, uppercase, withDefault } from './text.js';

export { transformSchema, type TransformSpec } from './spec.js';

/** What a step may know of the record beyond the value: the country of the address the value belongs to. */
export interface StepContext {
  recordCountry?: string;
}

export function runStep(
  v: Value,
  spec: TransformSpec,
  source?: CatalogueField,
  ctx: StepContext = {},
): StepResult {
  switch (spec.kind) {
    case 'trim':
      return trim(v);
    case 'lowercase':
      return lowercase(v);
    case 'uppercase':
      return uppercase(v);
    case 'truncate':
      return truncate(v, spec.length);
    case 'default':
      return withDefault(v, spec.value);
    case 'boolean':
      return toBoolean(v);
    case 'number':
      return toNumber(v, spec.decimal);
    case 'date':
      return toDate(v, spec);
    case 'phone':
      // The record's own address country wins: a Spanish shopper's local number is Spanish in any store.
      return toE164(v, ctx.recordCountry ?? spec.defaultCountry);
    case 'optionIndex':
      return toOptionIndex(v, spec.options ?? source?.options);
  }
}

export type ChainResult =
  | { ok: true; value: Value; notes: string[] }
  | { ok: false; step: number; kind: TransformSpec['kind']; message: string };

/** Runs the transforms left to right; the first failure stops the chain and says which step failed. */
export function runChain(
  v: Value,
  specs: readonly TransformSpec[],
  source?: CatalogueField,
  ctx: StepContext = {},
): ChainResult {
  let value = v;
  const notes: string[] = [];
  for (const [i, spec] of specs.entries()) {
    const r = runStep(value, spec, source, ctx);
    if (!r.ok) return { ok: false, step: i, kind: spec.kind, message: r.message };
    value = r.value;
    if (r.note) notes.push(r.note);
  }
  return { ok: true, value, notes };
}

/** The field type after a transform; `multi` tracks whether a list still holds several answers. */
export interface Shape {
  type: FieldType;
  multi: boolean;
}

export function shapeAfter(spec: TransformSpec, s: Shape): Shape {
  switch (spec.kind) {
    case 'boolean':
      return { type: 'boolean', multi: false };
    case 'number':
      return { type: 'number', multi: false };
    case 'phone':
      return { type: 'text', multi: false };
    case 'date':
      return {
        type: spec.format === 'epoch_s' || spec.format === 'epoch_ms' ? 'number' : 'date',
        multi: false,
      };
    case 'optionIndex':
      return { type: 'list', multi: s.multi };
    default:
      return s;
  }
}

/** Source types a transform can read; anything else is a mistake in the mapping. */
export const accepts: Record<TransformSpec['kind'], readonly FieldType[]> = {
  trim: ['text', 'list'],
  lowercase: ['text', 'list'],
  uppercase: ['text', 'list'],
  truncate: ['text'],
  default: ['text', 'number', 'date', 'boolean', 'list'],
  boolean: ['text', 'number', 'boolean', 'list'],
  number: ['text', 'number'],
  date: ['text', 'date', 'number'],
  phone: ['text', 'number'],
  optionIndex: ['list'],
};

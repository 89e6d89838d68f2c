// Runs in: main (Electron-free). Owns: which field types fit which: the static warning when a mapping puts
// one type into another (text into a date, a checkbox list into a yes/no), and the per-value check at apply.
import type { CatalogueField, FieldType, Value } from './model.js';
import type { Shape } from './transforms/index.js';

const ADVICE: Partial<Record<FieldType, Partial<Record<FieldType, string>>>> = {
  date: {
    text: 'free text may not be a date: add a date transform',
    number: 'a number is not a date: add a date transform (epoch seconds or ms)',
    boolean: 'a yes/no value cannot be a date',
    list: 'a list answer is not a date',
  },
  number: {
    text: 'free text may not be a number: add a number transform',
    date: 'a date into a number field: add a date transform with an epoch format',
    boolean: 'a yes/no value into a number field',
    list: 'a list answer is not a number: add a number transform if the options are numbers',
  },
  boolean: {
    text: 'free text into a yes/no field: add a boolean transform',
    number: 'a number into a yes/no field: add a boolean transform (only 1 and 0 convert)',
    date: 'a date cannot be yes/no',
    list: 'a list answer into a yes/no field: add a boolean transform (one answer such as "Yes" only)',
  },
  list: {
    text: "free text may not match the platform field's options",
    number: "a number may not match the platform field's options",
    date: "a date may not match the platform field's options",
    boolean: "a yes/no value may not match the platform field's options",
  },
};

/** Why `from` does not fit `to`, or undefined when it does. */
export function typeAdvice(from: Shape, to: CatalogueField): string | undefined {
  if (to.type === 'text') {
    return from.type === 'list' && from.multi
      ? 'several checkbox answers into a text field: the platform expects one value'
      : undefined;
  }
  if (from.type === to.type) {
    return from.type === 'list' && from.multi && to.multi === false
      ? 'several checkbox answers into a single-choice field'
      : undefined;
  }
  return ADVICE[to.type]?.[from.type];
}

export type Conformed = { ok: true; value: Value } | { ok: false; message: string };

/** The last check on a value before it goes into a payload: the platform's field type decides. */
export function conform(v: Value, to: CatalogueField | undefined): Conformed {
  if (!to) return { ok: true, value: v };
  const bad = (what: string): Conformed => ({
    ok: false,
    message: `${what} cannot go into ${to.type} field "${to.label}"`,
  });
  switch (to.type) {
    case 'text':
      if (Array.isArray(v)) {
        // One ticked checkbox is one value; several cannot be joined without choosing a separator for the user.
        return v.length === 1 ? { ok: true, value: v[0]! } : bad(`several answers (${v.join(', ')})`);
      }
      return { ok: true, value: typeof v === 'string' ? v : String(v) };
    case 'number':
      return typeof v === 'number' && Number.isFinite(v)
        ? { ok: true, value: v }
        : bad(`${JSON.stringify(v)} (not a number)`);
    case 'boolean':
      return typeof v === 'boolean' ? { ok: true, value: v } : bad(`${JSON.stringify(v)} (not true/false)`);
    case 'date':
      // The row's date transform chose the format; only values that cannot be a date at all are refused.
      return typeof v === 'string' || typeof v === 'number' ? { ok: true, value: v } : bad(JSON.stringify(v));
    case 'list':
      if (Array.isArray(v)) {
        return to.multi === false && v.length > 1
          ? bad(`several answers (${v.join(', ')})`)
          : { ok: true, value: v };
      }
      return typeof v === 'boolean' ? bad(String(v)) : { ok: true, value: String(v) };
  }
}

// Runs in: Node (simulators). Owns: checking and storing custom field values by the field's type.
import { fieldError, int, str, type Ctx, type FieldError } from './http.js';
import type { FieldValue } from './store.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Returns why `value` does not fit field `fieldId`, or undefined when it does. */
export function checkFieldValue(
  ctx: Ctx,
  fieldId: number | undefined,
  value: unknown,
  at: string,
): FieldError | undefined {
  const field = fieldId === undefined ? undefined : ctx.store.fields.get(fieldId);
  if (!field) return fieldError(`${at}field`, 'field_invalid', `No field found with id ${String(fieldId)}`);
  const v = str(value);
  if (v === undefined) return fieldError(`${at}value`, 'field_invalid', 'The field value must be a string');
  if (v === '') return undefined;
  switch (field.type) {
    case 'date':
      if (!DATE.test(v) || Number.isNaN(Date.parse(v)))
        return fieldError(
          `${at}value`,
          'field_invalid',
          `Invalid date for field '${field.title}': use YYYY-MM-DD`,
        );
      return undefined;
    case 'datetime':
      if (Number.isNaN(Date.parse(v)))
        return fieldError(
          `${at}value`,
          'field_invalid',
          `Invalid datetime for field '${field.title}': use ISO 8601`,
        );
      return undefined;
    case 'dropdown':
    case 'radio':
      return field.options.length === 0 || field.options.includes(v)
        ? undefined
        : fieldError(`${at}value`, 'field_invalid', `'${v}' is not an option of field '${field.title}'`);
    case 'listbox':
    case 'checkbox': {
      // Multi-select values are written `||A||B||`.
      if (!/^\|\|.*\|\|$/.test(v))
        return fieldError(
          `${at}value`,
          'field_invalid',
          `Multi-select field '${field.title}' takes '||A||B||'`,
        );
      const picked = v.split('||').filter((p) => p !== '');
      const bad = picked.find((p) => field.options.length > 0 && !field.options.includes(p));
      return bad
        ? fieldError(`${at}value`, 'field_invalid', `'${bad}' is not an option of field '${field.title}'`)
        : undefined;
    }
    default:
      return undefined;
  }
}

/** Checks `[{field, value}]` as sent inside a contact; returns the parsed pairs or the errors. */
export function parseFieldValues(
  ctx: Ctx,
  raw: unknown,
): { pairs: Array<{ field: number; value: string }>; errors: FieldError[] } {
  const pairs: Array<{ field: number; value: string }> = [];
  const errors: FieldError[] = [];
  if (raw === undefined) return { pairs, errors };
  if (!Array.isArray(raw))
    return { pairs, errors: [fieldError('fieldValues', 'field_invalid', 'fieldValues must be an array')] };
  raw.forEach((item: unknown, i) => {
    const o = (item ?? {}) as Record<string, unknown>;
    const field = int(o['field']);
    const err = checkFieldValue(ctx, field, o['value'], `fieldValues/${i}/`);
    if (err) errors.push(err);
    else pairs.push({ field: field!, value: str(o['value'])! });
  });
  return { pairs, errors };
}

/** One value per contact and field: a second write updates the first. */
export function setFieldValue(ctx: Ctx, contact: number, field: number, value: string): FieldValue {
  const t = ctx.now();
  for (const v of ctx.store.fieldValues.values()) {
    if (v.contact === contact && v.field === field) {
      v.value = value;
      v.udate = t;
      return v;
    }
  }
  const v: FieldValue = { id: ctx.store.nextId('fieldValue'), contact, field, value, cdate: t, udate: t };
  ctx.store.fieldValues.set(v.id, v);
  return v;
}

// Runs in: Node (simulators). Owns: data-field value rules: every key must be a defined data field,
// and the value must fit the field's type (String, Numeric, Date, Boolean).
import type { AccountStore, DataField } from './store.js';

export type FieldProblem = { kind: 'unknown'; name: string } | { kind: 'type'; name: string; type: string };

/** Coerces a value to the field's type; undefined when it does not fit. `null` always fits (it clears). */
export function coerce(field: DataField, value: unknown): unknown {
  if (value === null) return null;
  switch (field.type) {
    case 'String':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : undefined;
    case 'Numeric': {
      const n =
        typeof value === 'number'
          ? value
          : typeof value === 'string' && value.trim() !== ''
            ? Number(value)
            : NaN;
      return Number.isFinite(n) ? value : undefined;
    }
    case 'Date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined;
    case 'Boolean':
      if (typeof value === 'boolean') return value;
      return typeof value === 'string' && /^(true|false)$/i.test(value) ? value : undefined;
    default:
      return undefined;
  }
}

/** Resolves `{name: value}` against the account's fields; returns the canonical names or the first problem. */
export function resolveFields(
  store: AccountStore,
  input: Record<string, unknown>,
): { ok: Record<string, unknown> } | { problem: FieldProblem } {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    const field = store.field(name);
    if (!field) return { problem: { kind: 'unknown', name } };
    const v = coerce(field, value);
    if (v === undefined) return { problem: { kind: 'type', name: field.name, type: field.type } };
    out[field.name] = v;
  }
  return { ok: out };
}

export const fieldNamePattern = /^[A-Za-z0-9_-]{1,20}$/;

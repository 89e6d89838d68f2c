// Runs in: main (Electron-free). Owns: the connection's field mapping merged into ActiveCampaign payloads:
// contact fields it maps (email stays the record's: it is the contact's identity) and custom field values
// keyed by the field's id, written the way ActiveCampaign takes them (several answers as `||a||b||`).
import type { MappedValues } from '../../engine/connector.js';
import { splitMapped, type MappedValue } from '../shared/mapped-values.js';
import type { ContactPayload, FieldValuePayload } from './payloads.js';

const STANDARD = ['email', 'firstName', 'lastName', 'phone'] as const;

function acValue(v: MappedValue): string {
  if (Array.isArray(v)) return v.length === 1 ? v[0]! : `||${v.join('||')}||`;
  if (typeof v === 'boolean') return v ? '1' : '0';
  return String(v);
}

export function withMapped(p: ContactPayload, mapped: MappedValues | undefined): ContactPayload {
  if (!mapped) return p;
  const { standard, custom } = splitMapped(mapped, STANDARD);
  const fields = new Map<string, FieldValuePayload>(p.fieldValues.map((f) => [f.field, f]));
  // The grid's mapping wins over the connection's older `fieldMappings` setting for the same field.
  for (const [field, v] of Object.entries(custom)) fields.set(field, { field, value: acValue(v) });
  return {
    ...p,
    ...(standard['firstName'] !== undefined ? { firstName: acValue(standard['firstName']) } : {}),
    ...(standard['lastName'] !== undefined ? { lastName: acValue(standard['lastName']) } : {}),
    ...(standard['phone'] !== undefined ? { phone: acValue(standard['phone']) } : {}),
    fieldValues: [...fields.values()],
  };
}

/** An order's contact names: its billing names, unless the order mapping names them otherwise. */
export function orderNames(
  base: { firstName: string; lastName: string },
  mapped: MappedValues | undefined,
): { firstName: string; lastName: string } {
  const { standard } = splitMapped(mapped, STANDARD);
  return {
    firstName: standard['firstName'] !== undefined ? acValue(standard['firstName']) : base.firstName,
    lastName: standard['lastName'] !== undefined ? acValue(standard['lastName']) : base.lastName,
  };
}

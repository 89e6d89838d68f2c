// Runs in: main (Electron-free). Owns: discovering a store's custom form fields and customer attributes,
// from their definitions when the caller has them and from staged records otherwise (types then inferred,
// options only as observed, and marked so).
import { attributesOf, customKey, formFieldsOf, scopeEntity, type CustomScope } from './custom-fields.js';
import type { CatalogueField, FieldType } from './model.js';

/** BigCommerce's own form field types (`field_type` on /v3/customers/form-field-values). */
export type BcFormFieldType =
  'checkboxes' | 'date' | 'multiline' | 'numbers' | 'password' | 'radiobuttons' | 'text' | 'picklist';

export interface FormFieldDefinition {
  name: string;
  type: BcFormFieldType;
  /** In the order the store defines them: checkbox option indexes depend on it. */
  options?: string[];
  scope?: Exclude<CustomScope, 'attribute'>;
}

export interface AttributeDefinition {
  id: number;
  name: string;
  type: 'string' | 'number' | 'date';
}

export interface Discovery {
  fields: CatalogueField[];
  /** Fields found but not offered, with why (passwords, for one). */
  skipped: Array<{ key: string; reason: string }>;
}

const GROUP: Record<CustomScope, string> = {
  form_field: 'Form fields',
  address_form_field: 'Address form fields',
  order_form_field: 'Order form fields',
  attribute: 'Attributes',
};

const LABEL: Record<CustomScope, string> = {
  form_field: '',
  address_form_field: 'Address: ',
  order_form_field: 'Billing: ',
  attribute: '',
};

function fromDefinition(d: FormFieldDefinition): CatalogueField {
  const scope = d.scope ?? 'form_field';
  const base = {
    key: customKey(scope, d.name),
    label: `${LABEL[scope]}${d.name}`,
    custom: true,
    entity: scopeEntity[scope],
    group: GROUP[scope],
  };
  switch (d.type) {
    case 'checkboxes':
    case 'radiobuttons':
    case 'picklist':
      return {
        ...base,
        type: 'list',
        multi: d.type === 'checkboxes',
        options: d.options ?? [],
        optionsFrom: 'definition',
      };
    case 'date':
      return { ...base, type: 'date' };
    case 'numbers':
      return { ...base, type: 'number' };
    default:
      return { ...base, type: 'text' };
  }
}

interface Seen {
  scope: CustomScope;
  name: string;
  values: unknown[];
}

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function inferType(values: unknown[]): { type: FieldType; multi?: boolean; options?: string[] } {
  const present = values.filter((v) => v !== null && v !== undefined && v !== '');
  if (present.some(Array.isArray)) {
    const options: string[] = [];
    for (const v of present)
      for (const o of Array.isArray(v) ? v : [v]) if (!options.includes(String(o))) options.push(String(o));
    return { type: 'list', multi: true, options };
  }
  if (present.length > 0 && present.every((v) => typeof v === 'number')) return { type: 'number' };
  if (present.length > 0 && present.every((v) => typeof v === 'string' && DATE_LIKE.test(v)))
    return { type: 'date' };
  return { type: 'text' };
}

/**
 * The store's custom fields. Definitions win over what records show; attributes get their names from
 * definitions, or "Attribute <id>" when only values were seen.
 */
export function discoverCustomFields(input: {
  records?: { customers?: unknown[]; orders?: unknown[] };
  formFields?: FormFieldDefinition[];
  attributes?: AttributeDefinition[];
}): Discovery {
  const fields = new Map<string, CatalogueField>();
  const skipped: Discovery['skipped'] = [];
  for (const d of input.formFields ?? []) {
    const key = customKey(d.scope ?? 'form_field', d.name);
    if (d.type === 'password') skipped.push({ key, reason: 'password fields are never synced' });
    else fields.set(key, fromDefinition(d));
  }
  for (const a of input.attributes ?? []) {
    const key = customKey('attribute', a.id);
    const type: FieldType = a.type === 'string' ? 'text' : a.type;
    fields.set(key, { key, label: a.name, type, custom: true, entity: 'customer', group: GROUP.attribute });
  }

  const seen = new Map<string, Seen>();
  const note = (scope: CustomScope, name: string, value: unknown): void => {
    const key = customKey(scope, name);
    const s = seen.get(key) ?? { scope, name, values: [] };
    s.values.push(value);
    seen.set(key, s);
  };
  for (const r of input.records?.customers ?? []) {
    for (const f of formFieldsOf(r, 'form_field')) note('form_field', String(f['name']), f['value']);
    for (const f of formFieldsOf(r, 'address_form_field'))
      note('address_form_field', String(f['name']), f['value']);
    for (const a of attributesOf(r)) note('attribute', String(a['attribute_id']), a['attribute_value']);
  }
  for (const r of input.records?.orders ?? []) {
    for (const f of formFieldsOf(r, 'order_form_field'))
      note('order_form_field', String(f['name']), f['value']);
  }
  for (const [key, s] of seen) {
    if (fields.has(key)) continue;
    const inferred = s.scope === 'attribute' ? { type: 'text' as const } : inferType(s.values);
    fields.set(key, {
      key,
      label: s.scope === 'attribute' ? `Attribute ${s.name}` : `${LABEL[s.scope]}${s.name}`,
      custom: true,
      entity: scopeEntity[s.scope],
      group: GROUP[s.scope],
      ...inferred,
      ...(inferred.options ? { optionsFrom: 'observed' as const } : {}),
    });
  }
  return { fields: [...fields.values()].sort((a, b) => a.key.localeCompare(b.key)), skipped };
}

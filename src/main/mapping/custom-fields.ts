// Runs in: main (Electron-free). Owns: the keys of a store's own fields (custom sign-up form fields and
// customer attributes) and reading their values out of normalised records.
import type { Entity } from './model.js';

/** Where a custom field lives: the customer, its first address, or an order's billing address. */
export type CustomScope = 'form_field' | 'address_form_field' | 'order_form_field' | 'attribute';

const PREFIX: Record<CustomScope, string> = {
  form_field: 'bc.form_field.',
  address_form_field: 'bc.address_form_field.',
  order_form_field: 'bc.order.form_field.',
  attribute: 'bc.attribute.',
};

export const scopeEntity: Record<CustomScope, Entity> = {
  form_field: 'customer',
  address_form_field: 'customer',
  order_form_field: 'order',
  attribute: 'customer',
};

/** Names are kept verbatim after the prefix, so "How did you hear about us?" stays readable and stable. */
export function customKey(scope: CustomScope, nameOrId: string | number): string {
  return `${PREFIX[scope]}${nameOrId}`;
}

export function parseCustomKey(key: string): { scope: CustomScope; name: string } | undefined {
  for (const scope of Object.keys(PREFIX) as CustomScope[]) {
    const p = PREFIX[scope];
    if (key.startsWith(p) && key.length > p.length) return { scope, name: key.slice(p.length) };
  }
  return undefined;
}

type Rec = Record<string, unknown>;
const obj = (v: unknown): Rec | undefined => (v && typeof v === 'object' ? (v as Rec) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The `{name, value}` entries a record carries for one scope. */
export function formFieldsOf(record: unknown, scope: Exclude<CustomScope, 'attribute'>): Rec[] {
  const r = obj(record);
  if (!r) return [];
  const holder =
    scope === 'form_field'
      ? r
      : scope === 'address_form_field'
        ? obj(list(r['addresses'])[0])
        : obj(r['billing_address']);
  return list(holder?.['form_fields'])
    .map(obj)
    .filter((x): x is Rec => !!x && typeof x['name'] === 'string');
}

export function attributesOf(record: unknown): Rec[] {
  return list(obj(record)?.['attributes'])
    .map(obj)
    .filter((x): x is Rec => !!x && x['attribute_id'] !== undefined);
}

/** The raw value of a custom field in a record; undefined when the record does not carry it. */
export function readCustom(record: unknown, key: string): unknown {
  const parsed = parseCustomKey(key);
  if (!parsed) return undefined;
  if (parsed.scope === 'attribute') {
    return attributesOf(record).find((a) => String(a['attribute_id']) === parsed.name)?.['attribute_value'];
  }
  return formFieldsOf(record, parsed.scope).find((f) => f['name'] === parsed.name)?.['value'];
}

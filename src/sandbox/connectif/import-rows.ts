// Runs in: Node (simulators). Owns: applying the rows of a finished import (contacts, products,
// coupons), each row on its own: a bad row becomes a line of the error report, the others are kept.
import { applyPatch, validatePatch } from './contacts.js';
import { isAuthorized, productUrls } from './domains.js';
import { checkProductFields, requiredOnCreate } from './products.js';
import { emailKey, newId, type StoreState } from './state.js';
import { isEmail } from './validate.js';

export interface ImportOptions {
  type: 'contacts' | 'products' | 'coupons';
  overrideExisting: boolean;
  updateOnlyEmptyFields: boolean;
  delimiter: string;
  couponSetId?: string;
  csv: string[][];
}

export interface RowFailure {
  line: number;
  error: string;
}

// Multi-valued cells (checkbox fields, categories, tags) are "|"-separated: the docs do not say how.
const LIST_SEPARATOR = '|';
const numberFields = new Set([
  'unitPrice',
  'unitPriceOriginal',
  'unitPriceWithoutVAT',
  'discountedAmount',
  'discountedPercentage',
  'rating',
  'priority',
  'inStockUnits',
  'ratingCount',
  'reviewCount',
  '_points',
]);
const listFields = new Set(['categories', 'tags', 'relatedExternalProductIds']);

export function applyRows(
  store: StoreState,
  o: ImportOptions,
  ctx: { now: number; doubleOptIn: boolean },
): RowFailure[] {
  const [header = [], ...rows] = o.csv;
  const failures: RowFailure[] = [];
  rows.forEach((cells, i) => {
    const line = i + 2;
    const record: Record<string, string> = {};
    header.forEach((h, c) => {
      const v = cells[c];
      if (v !== undefined && v !== '') record[h] = v;
    });
    const error =
      o.type === 'contacts'
        ? contactRow(store, o, record, ctx)
        : o.type === 'products'
          ? productRow(store, o, record, ctx.now)
          : couponRow(store, o, record);
    if (error) failures.push({ line, error });
  });
  return failures;
}

function typed(store: StoreState, k: string, v: string): unknown {
  const def = store.customFields.find((f) => f.id === k);
  const type = def?.type;
  if (type === 'checkbox' || listFields.has(k)) return v.split(LIST_SEPARATOR);
  if (type === 'boolean' || k === 'isBlacklisted') return v === 'true' ? true : v === 'false' ? false : v;
  if (type === 'number' || type === 'integer' || numberFields.has(k))
    return Number.isNaN(Number(v)) ? v : Number(v);
  return v;
}

function keepFields(
  o: ImportOptions,
  existing: Record<string, unknown> | undefined,
  values: Record<string, unknown>,
): Record<string, unknown> | undefined {
  if (!existing) return values;
  if (!o.overrideExisting) return undefined;
  if (!o.updateOnlyEmptyFields) return values;
  return Object.fromEntries(
    Object.entries(values).filter(
      ([k]) => existing[k] === undefined || existing[k] === null || existing[k] === '',
    ),
  );
}

function contactRow(
  store: StoreState,
  o: ImportOptions,
  record: Record<string, string>,
  ctx: { now: number; doubleOptIn: boolean },
): string | undefined {
  const { _email: email, ...rest } = record;
  if (!isEmail(email)) return `_email '${email ?? ''}' is not a valid email address`;
  const values = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, typed(store, k, v)]));
  const problems = validatePatch(store, values, false);
  if (problems.length) return problems.join('; ');
  const key = emailKey(email);
  let contact = store.contacts.get(key);
  const patch = keepFields(o, contact?.data, values);
  if (!patch) return undefined; // existing contact left alone: overrideExisting is false
  if (!contact) {
    contact = { id: newId(), email: key, createdAt: ctx.now, updatedAt: ctx.now, data: {} };
    store.contacts.set(key, contact);
  }
  applyPatch(store, contact, patch, ctx);
  return undefined;
}

function productRow(
  store: StoreState,
  o: ImportOptions,
  record: Record<string, string>,
  now: number,
): string | undefined {
  const { productId, ...rest } = record;
  if (!productId) return 'productId is required';
  const values = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, typed(store, k, v)]));
  const problems: string[] = [];
  checkProductFields(problems, values);
  const existing = store.products.get(productId);
  if (!existing)
    for (const f of requiredOnCreate) if (values[f] === undefined) problems.push(`${f} is required`);
  const bad = productUrls(values).filter((u) => !isAuthorized(u, store.authorizedDomains));
  if (bad.length) problems.push(`URL from non authorized domain: ${bad.join(', ')}`);
  if (problems.length) return problems.join('; ');
  const patch = keepFields(o, existing?.data, values);
  if (!patch) return undefined;
  const rec = existing ?? { id: newId(), productId, createdAt: now, updatedAt: now, data: {} };
  Object.assign(rec.data, patch);
  rec.updatedAt = now;
  store.products.set(productId, rec);
  return undefined;
}

function couponRow(store: StoreState, o: ImportOptions, record: Record<string, string>): string | undefined {
  const code = record['code'];
  if (!code) return 'code is required';
  const set = store.coupons.get(o.couponSetId!) ?? new Set<string>();
  if (set.has(code)) return `coupon ${code} already exists in set ${o.couponSetId!}`;
  set.add(code);
  store.coupons.set(o.couponSetId!, set);
  return undefined;
}

// Runs in: Node (simulators). Owns: catalogs and their items: the typed schema fixed at creation, item
// property checks, replace vs partial update, and the item listing's search, order and window.
import { internalId, isPlainObject } from './errors.js';

export const FIELD_TYPES = [
  'string',
  'long text',
  'number',
  'boolean',
  'date',
  'datetime',
  'duration',
  'list',
  'url',
  'json',
] as const;

export interface CatalogField {
  name: string;
  type: string;
  searchable: boolean;
}

export interface Catalog {
  id: string;
  name: string;
  isProductCatalog: boolean;
  fields: CatalogField[];
  items: Map<string, Record<string, unknown>>;
}

/** Per-item error object as the bulk routes return it: `{properties: [...]}` or `{_global: [...]}`. */
export type ItemErrors = Record<string, string[]>;

export function badKey(name: string): boolean {
  return name === '' || name.includes('.') || name.includes('$') || name.includes('\u0000');
}

export function checkItemId(id: unknown): ItemErrors | undefined {
  if (typeof id !== 'string' || id === '')
    return { _global: ['Malformed item id. Item id should be a string'] };
  if (id.includes('/')) return { _global: ["Malformed item id. Item id must not contain '/'"] };
  return undefined;
}

function typeOk(type: string, v: unknown): boolean {
  if (v === null) return true;
  switch (type) {
    case 'number':
    case 'duration':
    case 'date':
    case 'datetime': // the API takes dates as unix timestamps only
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'list':
      return Array.isArray(v);
    case 'json':
      return true;
    default:
      return typeof v === 'string';
  }
}

export function checkItemProperties(catalog: Catalog, props: unknown): ItemErrors | undefined {
  if (!isPlainObject(props)) return { properties: ['Properties must be an object.'] };
  const keys = Object.keys(props);
  const invalid = keys.filter(badKey);
  if (invalid.length > 0)
    return { properties: ["Property names must not be empty or contain '.', '$' or NUL."] };
  const unknown = keys.filter((k) => !catalog.fields.some((f) => f.name === k));
  if (unknown.length > 0) {
    return { properties: [`Fields [${unknown.map((k) => `'${k}'`).join(', ')}] are not properly defined.`] };
  }
  const wrong = catalog.fields.filter((f) => f.name in props && !typeOk(f.type, props[f.name]));
  if (wrong.length > 0) {
    return { properties: wrong.map((f) => `Value of field '${f.name}' is not a valid ${f.type}.`) };
  }
  return undefined;
}

export class CatalogStore {
  readonly catalogs = new Map<string, Catalog>();
  /** Accepted writes that did nothing when applied (partial update of a missing item without upsert). */
  readonly noOps: Array<{ catalogId: string; itemId: string; reason: string }> = [];

  create(name: string, isProductCatalog: boolean, fields: CatalogField[]): Catalog {
    const catalog = { id: internalId(), name, isProductCatalog, fields, items: new Map() };
    this.catalogs.set(catalog.id, catalog);
    return catalog;
  }

  /** Full replace: fields the write omits become blank. */
  replace(catalog: Catalog, itemId: string, props: Record<string, unknown>): void {
    catalog.items.set(itemId, Object.fromEntries(catalog.fields.map((f) => [f.name, props[f.name] ?? null])));
  }

  partial(catalog: Catalog, itemId: string, props: Record<string, unknown>, upsert: boolean): void {
    const current = catalog.items.get(itemId);
    if (!current && !upsert) {
      this.noOps.push({
        catalogId: catalog.id,
        itemId,
        reason: 'partial update of a missing item without upsert',
      });
      return;
    }
    if (!current) return this.replace(catalog, itemId, props);
    Object.assign(current, props);
  }

  clear(): void {
    this.catalogs.clear();
    this.noOps.length = 0;
  }
}

/** `order=price desc,manufacturer asc` */
export function orderItems(items: Array<[string, Record<string, unknown>]>, order: string | null): void {
  if (!order) return;
  const keys = order.split(',').map((part) => {
    const [field = '', dir = 'asc'] = part.trim().split(/\s+/);
    return { field, sign: dir.toLowerCase() === 'desc' ? -1 : 1 };
  });
  items.sort((a, b) => {
    for (const { field, sign } of keys) {
      const x = a[1][field];
      const y = b[1][field];
      if (x === y) continue;
      if (x === null || x === undefined) return sign;
      if (y === null || y === undefined) return -sign;
      return (x < y ? -1 : 1) * sign;
    }
    return 0;
  });
}

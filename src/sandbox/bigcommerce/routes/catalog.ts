// Runs in: Node (simulators). Owns: v3 catalog: products (filters, sort+direction, include=variants,images),
// one product, its variants and images, product update/delete, brands and categories.
import type { SimResponse } from '../../kit/index.js';
import { type Api, type ApiContext } from '../api.js';
import { v3Error } from '../errors.js';
import { boolParam, dateRange, idFilter, includes } from '../filters.js';
import { intList, intParam, QueryError, v3List } from '../query.js';
import { renderBrand, renderCategory, renderImage, renderProduct, renderVariant } from '../render/catalog.js';
import type { Selection } from '../select.js';
import type { Product } from '../types.js';

const SCOPE = 'store_v2_products';
const INCLUDES = [
  'variants',
  'images',
  'primary_image',
  'custom_fields',
  'bulk_pricing_rules',
  'options',
  'modifiers',
  'videos',
  'channels',
  'parent_relations',
  'reviews',
];
const SORTS = ['id', 'name', 'sku', 'price', 'date_modified', 'inventory_level', 'is_visible', 'total_sold'];

export function catalogRoutes(api: Api): void {
  api.route('GET', '/v3/catalog/products', SCOPE, list);
  api.route('GET', '/v3/catalog/products/:id', SCOPE, ({ store, req, q }) => {
    const p = store.products.get(Number(req.params['id']));
    return p
      ? { status: 200, body: { data: renderProduct(p, includes(q, INCLUDES)), meta: {} } }
      : notFound();
  });
  api.route('PUT', '/v3/catalog/products/:id', SCOPE, update);
  api.route('DELETE', '/v3/catalog/products/:id', SCOPE, ({ store, req }) => {
    store.deleteProduct(Number(req.params['id']));
    return { status: 204 };
  });
  api.route('GET', '/v3/catalog/products/:id/variants', SCOPE, ({ store, req, q }) => {
    const p = store.products.get(Number(req.params['id']));
    if (!p) return notFound();
    return v3List(
      p.variants.map((_, i) => i),
      q,
      (i) => renderVariant(p, p.variants[i]!),
    );
  });
  api.route('GET', '/v3/catalog/products/:id/images', SCOPE, ({ store, req, q }) => {
    const p = store.products.get(Number(req.params['id']));
    if (!p) return notFound();
    // The spec documents 204 for a product without images.
    if (p.images.length === 0) return { status: 204 };
    return v3List(
      p.images.map((_, i) => i),
      q,
      (i) => renderImage(p.images[i]!),
    );
  });
  api.route('GET', '/v3/catalog/brands', SCOPE, ({ store, q }) => {
    const ids = idFilter(q);
    const name = q.get('name');
    const sel = [...store.brands.ids()].filter(
      (id) => (!ids || ids.includes(id)) && (!name || store.brands.get(id)!.name === name),
    );
    return v3List(sel, q, (id) => renderBrand(store.brands.get(id)!));
  });
  api.route('GET', '/v3/catalog/categories', SCOPE, ({ store, q }) => {
    const ids = idFilter(q);
    const parent = intList(q, 'parent_id:in') ?? intList(q, 'parent_id');
    const visible = boolParam(q, 'is_visible');
    const sel = [...store.categories.ids()].filter((id) => {
      const c = store.categories.get(id)!;
      return (
        (!ids || ids.includes(id)) &&
        (!parent || parent.includes(c.parent_id)) &&
        (visible === undefined || c.is_visible === visible)
      );
    });
    return v3List(sel, q, (id) => renderCategory(store.categories.get(id)!));
  });
}

const notFound = (): SimResponse => v3Error(404, 'The requested product was not found.');

function selection(q: Map<string, string>): Selection<Product> {
  const ids = idFilter(q);
  const modified = dateRange(q, 'date_modified');
  const visible = boolParam(q, 'is_visible');
  const featured = boolParam(q, 'is_featured');
  const brand = q.has('brand_id') ? intParam(q, 'brand_id', 0, 0) : undefined;
  const cats = intList(q, 'categories:in') ?? intList(q, 'categories');
  const name = q.get('name');
  const sku = q.get('sku');
  const idMin = q.has('id:min') ? intParam(q, 'id:min', 0, 0) : undefined;
  const sortField = q.get('sort') ?? 'id';
  if (!SORTS.includes(sortField))
    throw new QueryError(422, `sort must be one of ${SORTS.join(', ')}.`, { sort: 'is invalid' });
  const direction = q.get('direction') ?? 'asc';
  if (direction !== 'asc' && direction !== 'desc')
    throw new QueryError(422, 'direction must be asc or desc.', { direction: 'is invalid' });
  const where = (p: Product): boolean =>
    (visible === undefined || p.is_visible === visible) &&
    (featured === undefined || p.is_featured === featured) &&
    (brand === undefined || p.brand_id === brand) &&
    (!cats || p.categories.some((c) => cats.includes(c))) &&
    (!name || p.name === name) &&
    (!sku || p.sku === sku);
  const any = [visible, featured, brand, cats, name, sku].some((v) => v !== undefined);
  const by = sortField as keyof Product;
  return {
    key: JSON.stringify({
      ids,
      modified,
      visible,
      featured,
      brand,
      cats,
      name,
      sku,
      idMin,
      sortField,
      direction,
    }),
    ...(ids ? { ids } : {}),
    ...(modified ? { dateModified: modified } : {}),
    ...(any ? { where } : {}),
    ...(idMin !== undefined ? { idWhere: (id: number) => id >= idMin } : {}),
    sort: {
      field:
        sortField === 'id' || sortField === 'date_modified'
          ? sortField
          : (a, b) =>
              typeof a[by] === 'string'
                ? (a[by] as string).localeCompare(b[by] as string)
                : Number(a[by]) - Number(b[by]),
      desc: direction === 'desc',
    },
  };
}

function list({ store, q }: ApiContext): SimResponse {
  const include = includes(q, INCLUDES);
  const ids = store.select.products.select(selection(q));
  return v3List(ids, q, (id) => renderProduct(store.products.get(id)!, include));
}

function update({ store, req, body }: ApiContext): SimResponse {
  const p = store.products.get(Number(req.params['id']));
  if (!p) return notFound();
  const b = (body ?? {}) as Record<string, unknown>;
  const next: Product = { ...p, date_modified: store.stamp() };
  if (b['name'] !== undefined) {
    if (typeof b['name'] !== 'string' || b['name'].length < 1 || b['name'].length > 250)
      return v3Error(422, 'JSON data is missing or invalid', { name: 'must be 1-250 characters' });
    next.name = b['name'];
  }
  if (b['price'] !== undefined) {
    if (typeof b['price'] !== 'number' || b['price'] < 0)
      return v3Error(422, 'JSON data is missing or invalid', { price: 'must be a number >= 0' });
    next.price = b['price'];
  }
  if (typeof b['is_visible'] === 'boolean') next.is_visible = b['is_visible'];
  if (typeof b['inventory_level'] === 'number') next.inventory_level = b['inventory_level'];
  store.putProduct(next, 'updated');
  return { status: 200, body: { data: renderProduct(next, new Set()), meta: {} } };
}

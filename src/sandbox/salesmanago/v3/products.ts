// Runs in: Node (simulators). Owns: v3 product writes: POST /v3/product/upsert (keyed by productId within a
// catalog), /v3/product/updateQuantity and /v3/product/updatePrice, with per-product problems.
import type { SimRequest, SimResponse } from '../../kit/index.js';
import type { AccountStore, Catalog } from '../store.js';
import { checkProduct } from './product-fields.js';
import { authenticateV3, lengthMessage, Reason, v3Error, type Problem, type V3Deps } from './reply.js';

type Mode = 'upsert' | 'quantity' | 'price';

const requiredBy: Record<Mode, string[]> = {
  upsert: ['productId', 'name'],
  quantity: ['productId', 'quantity'],
  price: ['productId', 'price'],
};
/** What a quantity or price update may change; other fields in those calls are ignored. */
const updatable: Record<Exclude<Mode, 'upsert'>, string[]> = {
  quantity: ['quantity'],
  price: ['price', 'discountPrice', 'unitPrice'],
};

export function productWriter(mode: Mode, maxProducts: number, now: () => number) {
  return (req: SimRequest, deps: V3Deps): SimResponse => {
    const auth = authenticateV3(req, deps);
    if ('res' in auth) return auth.res;
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<
      string,
      unknown
    >;
    const { catalogId, products } = body;
    if (catalogId === undefined || catalogId === null || catalogId === '') {
      return v3Error(400, 'catalogId|required', Reason.missing);
    }
    if (typeof catalogId !== 'string') return v3Error(400, 'catalogId|must be a string', Reason.type);
    const catalog = auth.store.catalogs.get(catalogId);
    if (!catalog) return v3Error(400, `Catalog not found: ${catalogId}`);
    if (!Array.isArray(products) || products.length === 0)
      return v3Error(400, 'products|required', Reason.missing);
    if (products.length > maxProducts) {
      return v3Error(400, lengthMessage('products', 1, maxProducts, 'too many products'), Reason.limit);
    }

    const problems: Problem[] = [];
    const saved: string[] = [];
    products.forEach((raw, i) => {
      const checked = checkProduct(raw, `products[${i}]`, requiredBy[mode]);
      problems.push(...checked.errors, ...checked.warnings);
      if (checked.errors.length > 0) return;
      const problem = write(auth.store, catalog, mode, checked.fields, now());
      if (problem) problems.push({ message: `products[${i}].${problem}` });
      else saved.push(checked.fields['productId'] as string);
    });
    if (saved.length === 0) return { status: 400, body: { problems } };
    return { status: 200, body: { productIds: saved, problems } };
  };
}

function write(
  store: AccountStore,
  catalog: Catalog,
  mode: Mode,
  fields: Record<string, unknown>,
  now: number,
): string | undefined {
  const productId = fields['productId'] as string;
  const key = `${catalog.catalogId}|${productId}`;
  const existing = store.products.get(key);
  if (mode === 'upsert') {
    store.products.set(key, {
      catalogId: catalog.catalogId,
      productId,
      fields: { ...(existing?.fields ?? {}), ...fields },
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    });
    return undefined;
  }
  if (!existing) return `productId|no such product in catalog ${catalog.catalogId}: ${productId}`;
  for (const f of updatable[mode]) if (fields[f] !== undefined) existing.fields[f] = fields[f];
  existing.updatedAt = now;
  return undefined;
}

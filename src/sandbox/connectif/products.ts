// Runs in: Node (simulators). Owns: the product routes (patch-or-create by store product id, reads by
// Connectif id and by store id) and the product field checks also applied to purchase lines.
import type { Router, SimRequest, SimResponse } from '../kit/index.js';
import { coded, httpError, notFound, unprocessable } from './errors.js';
import type { Ctx, Gate } from './gate.js';
import { isAuthorized, productUrls } from './domains.js';
import { isConnectifId, newId } from './state.js';
import {
  checkEnum,
  checkInteger,
  checkNumber,
  checkString,
  checkStringArray,
  isIsoDate,
  isObject,
  type Problems,
} from './validate.js';

const checks: Record<string, (p: Problems, v: unknown) => void> = {
  name: (p, v) => checkString(p, 'name', v, 500),
  productDetailUrl: (p, v) => checkUrl(p, 'productDetailUrl', v),
  unitPrice: (p, v) => checkNumber(p, 'unitPrice', v, 0),
  unitPriceOriginal: (p, v) => checkNumber(p, 'unitPriceOriginal', v, 0),
  unitPriceWithoutVAT: (p, v) => checkNumber(p, 'unitPriceWithoutVAT', v, 0),
  discountedAmount: (p, v) => checkNumber(p, 'discountedAmount', v, 0),
  discountedPercentage: (p, v) => checkNumber(p, 'discountedPercentage', v, 0, 100),
  availability: (p, v) => checkEnum(p, 'availability', v, ['instock', 'outofstock']),
  inStockUnits: (p, v) => checkInteger(p, 'inStockUnits', v),
  imageUrl: (p, v) => checkUrl(p, 'imageUrl', v),
  thumbnailUrl: (p, v) => checkUrl(p, 'thumbnailUrl', v),
  description: (p, v) => checkString(p, 'description', v, 10_000),
  brand: (p, v) => checkString(p, 'brand', v, 255),
  categories: (p, v) => checkStringArray(p, 'categories', v),
  tags: (p, v) => checkStringArray(p, 'tags', v),
  relatedExternalProductIds: (p, v) => checkStringArray(p, 'relatedExternalProductIds', v),
  rating: (p, v) => checkNumber(p, 'rating', v, 0, 5),
  ratingCount: (p, v) => checkInteger(p, 'ratingCount', v, 0),
  reviewCount: (p, v) => checkInteger(p, 'reviewCount', v, 0),
  priority: (p, v) => checkNumber(p, 'priority', v),
  publishedAt: (p, v) => {
    if (v !== undefined && !isIsoDate(v)) p.push('publishedAt must be an ISO-8601 date');
  },
  isBlacklisted: (p, v) => {
    if (v !== undefined && typeof v !== 'boolean') p.push('isBlacklisted must be a boolean');
  },
  customField1: (p, v) => checkString(p, 'customField1', v),
  customField2: (p, v) => checkString(p, 'customField2', v),
  customField3: (p, v) => checkString(p, 'customField3', v),
};

/** The fields a product must have before it can exist (the web tag drops products lacking them too). */
export const requiredOnCreate = ['name', 'productDetailUrl', 'unitPrice'];

function checkUrl(p: Problems, name: string, v: unknown): void {
  if (v === undefined) return;
  if (typeof v !== 'string' || !/^https?:\/\//i.test(v) || !URL.canParse(v))
    p.push(`${name} must be an absolute URL`);
}

/** Checks the known product fields of `body`, naming any field not in the Product resource. */
export function checkProductFields(
  p: Problems,
  body: Record<string, unknown>,
  prefix = '',
  extra: string[] = [],
): void {
  for (const [k, v] of Object.entries(body)) {
    const check = checks[k];
    if (check) {
      const before = p.length;
      check(p, v);
      for (let i = before; i < p.length; i++) p[i] = prefix + p[i]!;
    } else if (!extra.includes(k)) p.push(`${prefix}${k} is not a product field`);
  }
}

export function addProductRoutes(router: Router, gate: Gate, now: () => number): void {
  router.patch(
    '/products/product-id/:productId',
    gate.wrap('products:write', (req, ctx) => upsert(req, ctx, now)),
  );
  router.get(
    '/products/product-id/:productId',
    gate.wrap('products:read', (req, { store }) => {
      const p = store.products.get(req.params['productId'] ?? '');
      return p ? { status: 200, body: store.productRead(p) } : notFound('Product');
    }),
  );
  router.get(
    '/products/:id',
    gate.wrap('products:read', (req, { store }) => {
      const id = req.params['id'] ?? '';
      if (!isConnectifId(id)) return httpError(400, `'${id}' is not a valid product id`);
      const p = [...store.products.values()].find((x) => x.id === id);
      return p ? { status: 200, body: store.productRead(p) } : notFound('Product');
    }),
  );
}

function upsert(req: SimRequest, { store }: Ctx, now: () => number): SimResponse {
  const productId = req.params['productId'] ?? '';
  if (!isObject(req.body)) return unprocessable(['the body must be a JSON object']);
  const body = { ...req.body };
  const p: Problems = [];
  if ('productId' in body) {
    if (body['productId'] !== productId) p.push('productId in the body must match the path');
    delete body['productId'];
  }
  checkProductFields(p, body);
  const existing = store.products.get(productId);
  if (!existing)
    for (const f of requiredOnCreate)
      if (body[f] === undefined) p.push(`${f} is required to create a product`);
  if (p.length) return unprocessable(p);
  const bad = productUrls(body).filter((u) => !isAuthorized(u, store.authorizedDomains));
  if (bad.length)
    return coded('E0201', `Product ${productId} had URL from non authorized domain.`, {
      allowedDomains: store.authorizedDomains,
    });
  const t = now();
  const rec = existing ?? { id: newId(), productId, createdAt: t, updatedAt: t, data: {} };
  Object.assign(rec.data, body);
  rec.updatedAt = t;
  store.products.set(productId, rec);
  return { status: 200, body: store.productRead(rec) };
}

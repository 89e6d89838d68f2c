// Runs in: Node (simulators). Owns: the purchase routes: register (with the contact and product
// existence checks E0101/E0102/E0103), read by Connectif id and by store id, delete by store id.
import type { Router, SimRequest, SimResponse } from '../kit/index.js';
import { coded, httpError, notFound, unprocessable } from './errors.js';
import type { Ctx, Gate } from './gate.js';
import { isAuthorized, productUrls } from './domains.js';
import { checkProductFields } from './products.js';
import { emailKey, isConnectifId, newId } from './state.js';
import {
  checkInteger,
  checkNumber,
  checkString,
  isEmail,
  isIsoDate,
  isObject,
  type Problems,
} from './validate.js';

export interface PurchaseDeps {
  gate: Gate;
  now: () => number;
  duplicates: 'store' | 'reject';
}

const topLevel = [
  'purchaseId',
  'contactEmail',
  'purchaseDate',
  'totalPrice',
  'totalQuantity',
  'products',
  'cartId',
  'paymentMethod',
];
const lineRequired = ['productId', 'name', 'productDetailUrl', 'unitPrice', 'quantity', 'price'];

export function addPurchaseRoutes(router: Router, deps: PurchaseDeps): void {
  const { gate } = deps;
  router.post(
    '/purchases',
    gate.wrap('purchases:write', (req, ctx) => create(req, ctx, deps)),
  );
  router.get(
    '/purchases/purchase-id/:purchaseId',
    gate.wrap('purchases:read', (req, { store }) => {
      const p = store.purchases.find((x) => x.purchaseId === req.params['purchaseId']);
      return p ? { status: 200, body: store.purchaseRead(p) } : notFound('Purchase');
    }),
  );
  router.delete(
    '/purchases/purchase-id/:purchaseId',
    gate.wrap('purchases:delete', (req, { store }) => {
      // One purchase per call, even when the same store id was registered twice.
      const i = store.purchases.findIndex((x) => x.purchaseId === req.params['purchaseId']);
      if (i < 0) return notFound('Purchase');
      store.purchases.splice(i, 1);
      return { status: 204 };
    }),
  );
  router.get(
    '/purchases/:id',
    gate.wrap('purchases:read', (req, { store }) => {
      const id = req.params['id'] ?? '';
      if (!isConnectifId(id)) return httpError(400, `'${id}' is not a valid purchase id`);
      const p = store.purchases.find((x) => x.id === id);
      return p ? { status: 200, body: store.purchaseRead(p) } : notFound('Purchase');
    }),
  );
}

export function validatePurchase(body: Record<string, unknown>): Problems {
  const p: Problems = [];
  for (const k of Object.keys(body)) if (!topLevel.includes(k)) p.push(`${k} is not a purchase field`);
  if (typeof body['purchaseId'] !== 'string' || body['purchaseId'] === '') p.push('purchaseId is required');
  if (!isEmail(body['contactEmail'])) p.push('contactEmail must be an email address');
  if (!isIsoDate(body['purchaseDate'])) p.push('purchaseDate must be an ISO-8601 date');
  if (body['totalPrice'] === undefined) p.push('totalPrice is required');
  checkNumber(p, 'totalPrice', body['totalPrice'], 0);
  if (body['totalQuantity'] === undefined) p.push('totalQuantity is required');
  checkInteger(p, 'totalQuantity', body['totalQuantity'], 0);
  checkString(p, 'cartId', body['cartId'], 255);
  checkString(p, 'paymentMethod', body['paymentMethod'], 255);
  const lines = body['products'];
  if (!Array.isArray(lines) || lines.length === 0) p.push('products must be a non-empty array');
  else
    lines.forEach((line: unknown, i) => {
      if (!isObject(line)) return void p.push(`products[${i}] must be an object`);
      for (const f of lineRequired) if (line[f] === undefined) p.push(`products[${i}].${f} is required`);
      if (line['productId'] !== undefined && typeof line['productId'] !== 'string')
        p.push(`products[${i}].productId must be a string`);
      checkInteger(p, `products[${i}].quantity`, line['quantity'], 1);
      checkNumber(p, `products[${i}].price`, line['price'], 0);
      checkProductFields(p, line, `products[${i}].`, ['productId', 'quantity', 'price']);
    });
  return p;
}

function create(req: SimRequest, { store }: Ctx, deps: PurchaseDeps): SimResponse {
  const trigger = req.query.get('triggerPurchaseEvent') ?? 'true';
  if (trigger !== 'true' && trigger !== 'false')
    return unprocessable(['triggerPurchaseEvent must be true or false']);
  if (!isObject(req.body)) return unprocessable(['the body must be a JSON object']);
  const body = req.body;
  const problems = validatePurchase(body);
  if (problems.length) return unprocessable(problems);
  const email = emailKey(String(body['contactEmail']));
  if (!store.contacts.has(email))
    return coded('E0101', `Contact with email ${String(body['contactEmail'])} does not exist.`);
  const lines = body['products'] as Array<Record<string, unknown>>;
  const ids = [...new Set(lines.map((l) => String(l['productId'])))];
  const missing = ids.filter((id) => !store.products.has(id));
  if (missing.length)
    return coded('E0102', `Products ${missing.join(', ')} do not exist.`, { productIds: missing });
  const offDomain = ids.filter((id) =>
    lines
      .filter((l) => l['productId'] === id)
      .some((l) => productUrls(l).some((u) => !isAuthorized(u, store.authorizedDomains))),
  );
  // The documented example spells this key `productsId`, unlike E0102's `productIds`; kept as documented.
  if (offDomain.length)
    return coded('E0103', `Product ${offDomain.join(', ')} had URL from non authorized domain.`, {
      productsId: offDomain,
      allowedDomains: store.authorizedDomains,
    });
  if (deps.duplicates === 'reject' && store.purchases.some((x) => x.purchaseId === body['purchaseId']))
    return httpError(409, `Purchase with purchaseId ${String(body['purchaseId'])} already exists.`);
  const t = deps.now();
  const rec = {
    id: newId(),
    purchaseId: String(body['purchaseId']),
    contactEmail: email,
    createdAt: t,
    body: structuredClone(body),
    triggerPurchaseEvent: trigger === 'true',
  };
  store.purchases.push(rec);
  store.activities.push({ type: 'purchase', email, at: t, detail: { purchaseId: rec.purchaseId } });
  return { status: 201, body: store.purchaseRead(rec) };
}

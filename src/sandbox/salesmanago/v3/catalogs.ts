// Runs in: Node (simulators). Owns: v3 catalogs: GET /v3/product/catalogList and
// POST /v3/product/catalogUpsert (a catalog's `location` ties it to the `location` of external events).
import type { SimRequest, SimResponse } from '../../kit/index.js';
import { newId, type Catalog } from '../store.js';
import { isCurrency } from '../validate.js';
import { authenticateV3, lengthMessage, Reason, v3Error, type V3Deps } from './reply.js';

const NAME_MAX = 255;
const LOCATION_MAX = 255;

export function catalogList(req: SimRequest, deps: V3Deps): SimResponse {
  const auth = authenticateV3(req, deps);
  if ('res' in auth) return auth.res;
  return { status: 200, body: { catalogs: [...auth.store.catalogs.values()] } };
}

export function catalogUpsert(req: SimRequest, deps: V3Deps): SimResponse {
  const auth = authenticateV3(req, deps);
  if ('res' in auth) return auth.res;
  const store = auth.store;
  const b = req.body;
  if (typeof b !== 'object' || b === null || Array.isArray(b))
    return v3Error(400, 'Request body must be a JSON object');
  const body = b as Record<string, unknown>;
  const { catalogId, catalogName, currency, location, setAsDefault } = body;

  for (const [field, v] of [
    ['catalogName', catalogName],
    ['currency', currency],
    ['location', location],
  ] as const) {
    if (v === undefined || v === null || v === '') return v3Error(400, `${field}|required`, Reason.missing);
    if (typeof v !== 'string') return v3Error(400, `${field}|must be a string`, Reason.type);
  }
  const name = catalogName as string;
  const loc = location as string;
  if (name.length > NAME_MAX)
    return v3Error(400, lengthMessage('catalogName', 1, NAME_MAX, 'too long'), Reason.limit);
  if (loc.length > LOCATION_MAX)
    return v3Error(400, lengthMessage('location', 1, LOCATION_MAX, 'too long'), Reason.limit);
  if (!isCurrency(currency)) return v3Error(400, 'currency|must be an ISO 4217 code', Reason.type);
  if (setAsDefault !== undefined && typeof setAsDefault !== 'boolean') {
    return v3Error(400, 'setAsDefault|must be a boolean', Reason.type);
  }
  if (catalogId !== undefined && catalogId !== null && typeof catalogId !== 'string') {
    return v3Error(400, 'catalogId|must be a string', Reason.type);
  }
  const existing = typeof catalogId === 'string' ? store.catalogs.get(catalogId) : undefined;
  if (typeof catalogId === 'string' && !existing) return v3Error(400, `Catalog not found: ${catalogId}`);
  const clash = [...store.catalogs.values()].find((c) => c.location === loc && c !== existing);
  if (clash) return v3Error(400, `location|not unique: used by catalog ${clash.catalogId}`, Reason.unique);

  const catalog: Catalog = existing ?? {
    catalogId: newId(),
    catalogName: name,
    currency: currency as string,
    location: loc,
    setAsDefault: false,
  };
  Object.assign(catalog, { catalogName: name, currency, location: loc });
  if (setAsDefault === true) {
    for (const c of store.catalogs.values()) c.setAsDefault = false;
    catalog.setAsDefault = true;
  }
  store.catalogs.set(catalog.catalogId, catalog);
  return { status: 200, body: { catalogId: catalog.catalogId } };
}

// Runs in: main (Electron-free). Owns: account lookups the wizard needs: the account's users (the contact
// owner picker and its refresh button), the v3 product catalogues, and creating the store's catalogue.
import type { SalesmanagoClient } from './client.js';
import { isObject, platformMessage, verdictOf } from './outcome.js';

export interface CatalogInfo {
  catalogId: string;
  catalogName: string;
  currency: string;
  location: string;
}

export async function listOwners(client: SalesmanagoClient): Promise<string[]> {
  const a = await client.v2('user/listByClient', {}, false);
  const v = verdictOf(a, 'owners');
  if (v.kind !== 'ok') throw new Error(v.reason);
  const users = isObject(a.body) && Array.isArray(a.body['users']) ? a.body['users'] : [];
  // Third-party clients read plain e-mails; some accounts may answer objects with an `email`.
  return users
    .map((u) => (typeof u === 'string' ? u : isObject(u) ? String(u['email'] ?? u['login'] ?? '') : ''))
    .filter(Boolean);
}

export async function listCatalogs(client: SalesmanagoClient): Promise<CatalogInfo[]> {
  const a = await client.v3('GET', '/v3/product/catalogList');
  const v = verdictOf(a, 'catalogs');
  if (v.kind !== 'ok') throw new Error(v.reason);
  const list = isObject(a.body) && Array.isArray(a.body['catalogs']) ? a.body['catalogs'] : [];
  return list.filter(isObject).map((c) => ({
    catalogId: String(c['catalogId']),
    catalogName: String(c['catalogName'] ?? ''),
    currency: String(c['currency'] ?? ''),
    location: String(c['location'] ?? ''),
  }));
}

/** The catalogue whose location is the store's, created when the account has none (locations are unique). */
export async function ensureCatalog(
  client: SalesmanagoClient,
  o: { location: string; name: string; currency: string },
): Promise<CatalogInfo> {
  const existing = (await listCatalogs(client)).find((c) => c.location === o.location);
  if (existing) return existing;
  const a = await client.v3('POST', '/v3/product/catalogUpsert', {
    catalogName: o.name,
    currency: o.currency,
    location: o.location,
    setAsDefault: false,
  });
  const v = verdictOf(a, `catalogue ${o.name}`);
  if (v.kind !== 'ok' || !isObject(a.body) || typeof a.body['catalogId'] !== 'string')
    throw new Error(v.kind === 'ok' ? platformMessage(a) : v.reason);
  return { catalogId: a.body['catalogId'], catalogName: o.name, currency: o.currency, location: o.location };
}

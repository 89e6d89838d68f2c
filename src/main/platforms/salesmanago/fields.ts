// Runs in: main (Electron-free). Owns: the field catalogue for the mapping grid: SALESmanago's standard contact
// fields, plus the custom properties in use, read live from recently modified contacts (the v2 API has no
// list of property names; properties are free-form text).
import type { RemoteField } from '../../engine/connector.js';
import type { SalesmanagoClient } from './client.js';
import { isObject } from './outcome.js';
import { CART_PROPERTY, EVENTS_PROPERTY, OPTIN_PROPERTY } from './payloads.js';

const standard: RemoteField[] = [
  { key: 'email', label: 'E-mail', type: 'text', custom: false },
  { key: 'name', label: 'Name', type: 'text', custom: false },
  { key: 'phone', label: 'Phone', type: 'text', custom: false },
  { key: 'company', label: 'Company', type: 'text', custom: false },
  { key: 'externalId', label: 'External ID', type: 'text', custom: false },
  { key: 'address.streetAddress', label: 'Street', type: 'text', custom: false },
  { key: 'address.zipCode', label: 'Zip code', type: 'text', custom: false },
  { key: 'address.city', label: 'City', type: 'text', custom: false },
  { key: 'address.country', label: 'Country', type: 'text', custom: false },
  { key: 'province', label: 'Province', type: 'text', custom: false },
  { key: 'birthday', label: 'Birthday', type: 'date', custom: false },
  { key: 'tags', label: 'Tags', type: 'list', custom: false },
];
const SAMPLE_DAYS = 30;
const SAMPLE = 100;

export async function fieldCatalogue(client: SalesmanagoClient, now: number): Promise<RemoteField[]> {
  const mod = await client.v2('contact/paginatedModifiedContacts', {
    from: now - SAMPLE_DAYS * 86_400_000,
    to: now,
    page: 1,
    size: SAMPLE,
  });
  const list =
    isObject(mod.body) && Array.isArray(mod.body['modifiedContacts']) ? mod.body['modifiedContacts'] : [];
  const emails = list.filter(isObject).map((c) => String(c['email']));
  const names = new Set<string>();
  if (emails.length > 0) {
    const a = await client.v2('contact/list', { email: emails });
    const contacts = isObject(a.body) && Array.isArray(a.body['contacts']) ? a.body['contacts'] : [];
    for (const c of contacts.filter(isObject))
      for (const p of Array.isArray(c['properties']) ? c['properties'] : [])
        if (isObject(p) && typeof p['name'] === 'string') names.add(p['name']);
  }
  names.delete(OPTIN_PROPERTY);
  names.delete(CART_PROPERTY);
  names.delete(EVENTS_PROPERTY);
  return [
    ...standard,
    ...[...names]
      .sort()
      .map((n): RemoteField => ({ key: `properties.${n}`, label: n, type: 'text', custom: true })),
  ];
}

// Runs in: main (Electron-free). Owns: the field catalogue for the mapping grid: the customer properties this
// connector writes (always, so defaults fit a fresh project) plus those the project holds (Bloomreach
// properties are schemaless, so they are read from an export), typed by their values.
import type { RemoteField } from '../../engine/connector.js';
import type { BrClient } from './client.js';

/** Properties this connector writes (mapping.ts), with the type it writes: not "custom" in the grid. */
const OWN: ReadonlyArray<[string, RemoteField['type']]> = [
  ['email', 'text'],
  ['first_name', 'text'],
  ['last_name', 'text'],
  ['company', 'text'],
  ['phone', 'text'],
  ['address', 'text'],
  ['city', 'text'],
  ['state', 'text'],
  ['zip', 'text'],
  ['country', 'text'],
  ['customer_group_id', 'number'],
  ['bc_registered_at', 'date'],
  ['bc_subscriber_source', 'text'],
];
const ownKeys = new Set(OWN.map(([k]) => k));

function typeOf(values: unknown[]): RemoteField['type'] {
  const v = values.find((x) => x !== null && x !== undefined && x !== '');
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}(T|$)/.test(v)) return 'date';
  return 'text';
}

export async function fieldCatalogue(c: BrClient): Promise<RemoteField[]> {
  const res = await c.call('POST', c.path('data', '/customers/export'), {
    attributes: { type: 'properties_and_ids' },
    format: 'native_json',
  });
  const body = res.body as { fields?: string[]; data?: unknown[][] };
  const rows = (body.data ?? []).slice(0, 500);
  const held = new Map<string, RemoteField['type']>();
  (body.fields ?? []).forEach((f, i) => {
    if (f.startsWith('properties.')) held.set(f.slice('properties.'.length), typeOf(rows.map((r) => r[i])));
  });
  // An own property the project already holds keeps the type its values show (another tool may write it too).
  const own = OWN.map(([key, type]): RemoteField => ({
    key,
    label: key,
    type: held.get(key) ?? type,
    custom: false,
  }));
  const custom = [...held]
    .filter(([key]) => !ownKeys.has(key))
    .map(([key, type]): RemoteField => ({ key, label: key, type, custom: true }));
  return [...own, ...custom];
}

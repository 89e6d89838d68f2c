// Runs in: main (Electron-free). Owns: the field catalogue for the mapping grid: the customer properties the
// project holds (Bloomreach properties are schemaless, so they are read from an export), typed by their values.
import type { RemoteField } from '../../engine/connector.js';
import type { BrClient } from './client.js';

/** Properties this connector writes by default: not "custom" in the grid. */
const OWN = new Set([
  'email',
  'first_name',
  'last_name',
  'company',
  'phone',
  'address',
  'city',
  'state',
  'zip',
  'country',
  'customer_group_id',
]);

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
  return (body.fields ?? []).flatMap((f, i) => {
    if (!f.startsWith('properties.')) return [];
    const key = f.slice('properties.'.length);
    return [{ key, label: key, type: typeOf(rows.map((r) => r[i])), custom: !OWN.has(key) }];
  });
}

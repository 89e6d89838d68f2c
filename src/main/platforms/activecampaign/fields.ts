// Runs in: main (Electron-free). Owns: the account's contact fields for the mapping grid, and creating a
// custom field when the user confirms it in the grid.
import type { RemoteField } from '../../engine/connector.js';
import type { AcClient } from './client.js';

type Row = Record<string, unknown> & { id: string };

const kind = (t: string): RemoteField['type'] =>
  t === 'date' || t === 'datetime' ? 'date' : t === 'listbox' || t === 'checkbox' ? 'list' : 'text';

export const standardFields: RemoteField[] = [
  { key: 'email', label: 'Email', type: 'text', custom: false },
  { key: 'firstName', label: 'First name', type: 'text', custom: false },
  { key: 'lastName', label: 'Last name', type: 'text', custom: false },
  { key: 'phone', label: 'Phone', type: 'text', custom: false },
];

export async function fieldCatalogue(c: AcClient): Promise<RemoteField[]> {
  const out = [...standardFields];
  for (let offset = 0; ; offset += 100) {
    const body = (await c.get(`/fields?limit=100&offset=${offset}`)).body as {
      fields?: Row[];
      meta?: { total?: string };
    };
    const page = body.fields ?? [];
    for (const f of page)
      out.push({ key: f.id, label: String(f['title']), type: kind(String(f['type'])), custom: true });
    if (page.length < 100 || offset + 100 >= Number(body.meta?.total ?? 0)) break;
  }
  return out;
}

export type NewFieldType =
  'text' | 'textarea' | 'date' | 'datetime' | 'dropdown' | 'listbox' | 'radio' | 'checkbox' | 'hidden';

/** Creates the field and makes it available on every list (relid 0). Only called after the user agreed. */
export async function createField(
  c: AcClient,
  title: string,
  type: NewFieldType = 'text',
): Promise<RemoteField> {
  const res = await c.post('/fields', { field: { title, type, visible: 1 } });
  const f = (res.body as { field: Row }).field;
  await c.post('/fieldRels', { fieldRel: { field: Number(f.id), relid: 0 } });
  return { key: f.id, label: title, type: kind(type), custom: true };
}

// Runs in: main (Electron-free). Owns: the data field catalogue for the mapping grid (fetched live, typed)
// and creating the mapped data fields an account lacks, with the type the BigCommerce field needs.
import type { RemoteField } from '../../engine/connector.js';
import { type DotdigitalClient, platformMessage } from './client.js';
import { type DotdigitalSettings, type SourceField, sourceFields } from './schemas.js';

export interface DataField {
  name: string;
  type: 'String' | 'Numeric' | 'Date' | 'Boolean';
}

const builtIn = new Set(['FIRSTNAME', 'LASTNAME', 'FULLNAME', 'GENDER', 'POSTCODE', 'LASTSUBSCRIBED']);
const remoteType: Record<DataField['type'], RemoteField['type']> = {
  String: 'text',
  Numeric: 'number',
  Date: 'date',
  Boolean: 'boolean',
};

export async function listDataFields(client: DotdigitalClient): Promise<DataField[]> {
  const a = await client.call('GET', '/v2/data-fields');
  if (a.status !== 200 || !Array.isArray(a.body))
    throw new Error(`dotdigital would not list data fields: ${platformMessage(a)}`);
  return a.body as DataField[];
}

export async function fieldCatalogue(client: DotdigitalClient): Promise<RemoteField[]> {
  return (await listDataFields(client)).map((f) => ({
    key: f.name,
    label: f.name,
    type: remoteType[f.type] ?? 'text',
    custom: !builtIn.has(f.name.toUpperCase()),
  }));
}

/** Mapped rows whose data field is missing or of another type: what verify reports and ensure creates. */
export function mappingProblems(
  mapping: DotdigitalSettings['fieldMapping'],
  fields: DataField[],
): Array<{ source: SourceField; field: string; want: DataField['type']; have?: DataField['type'] }> {
  const byName = new Map(fields.map((f) => [f.name.toUpperCase(), f]));
  const out = [];
  for (const [source, field] of Object.entries(mapping) as Array<[SourceField, string]>) {
    const want = sourceFields[source];
    const have = byName.get(field.toUpperCase())?.type;
    // A date or number into a text field is fine; text into a date or number field is not.
    if (!have || (have !== want && have !== 'String'))
      out.push({ source, field, want, ...(have ? { have } : {}) });
  }
  return out;
}

/** Creates the missing mapped data fields (Private). Returns the names created. */
export async function ensureDataFields(
  client: DotdigitalClient,
  mapping: DotdigitalSettings['fieldMapping'],
): Promise<string[]> {
  const missing = mappingProblems(mapping, await listDataFields(client)).filter((p) => !p.have);
  const created: string[] = [];
  for (const m of missing) {
    const a = await client.call('POST', '/v2/data-fields', {
      name: m.field,
      type: m.want,
      visibility: 'Private',
    });
    if (a.status >= 300 && !platformMessage(a).includes('ERROR_NON_UNIQUE_DATAFIELD'))
      throw new Error(`Could not create data field ${m.field}: ${platformMessage(a)}`);
    created.push(m.field);
  }
  return created;
}

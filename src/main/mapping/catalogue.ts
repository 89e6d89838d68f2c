// Runs in: main (Electron-free). Owns: one catalogue for the mapping grid: BigCommerce's standard fields plus
// the store's own custom fields on the source side, the platform's fields (a connector's fieldCatalogue())
// on the target side.
import type { RemoteField } from '../engine/connector.js';
import { standardFields } from './bc-fields.js';
import type { Catalogue, CatalogueField, Entity } from './model.js';

/** A connector's RemoteField; `required` and `options` are optional extras a connector may add. */
export type RemoteFieldInput = RemoteField & { required?: boolean; options?: string[]; multi?: boolean };

export function buildCatalogue(input: {
  custom: readonly CatalogueField[];
  remote: readonly RemoteFieldInput[];
  /** Only this record's fields on the source side (both when absent). */
  entity?: Entity;
}): Catalogue {
  const entities: Entity[] = input.entity ? [input.entity] : ['customer', 'order'];
  const standard = entities.flatMap((e) =>
    // Drop the reader: the catalogue crosses the contract as plain data.
    standardFields[e].map(({ read: _read, ...f }) => f),
  );
  const custom = input.custom.filter((f) => !f.entity || entities.includes(f.entity));
  const seen = new Set<string>();
  const target: CatalogueField[] = [];
  for (const r of input.remote) {
    if (seen.has(r.key)) continue;
    seen.add(r.key);
    target.push({
      key: r.key,
      label: r.label,
      type: r.type,
      custom: r.custom,
      group: r.custom ? 'Custom fields' : 'Standard fields',
      ...(r.required ? { required: true } : {}),
      ...(r.options ? { options: r.options, optionsFrom: 'definition' as const } : {}),
      ...(r.multi !== undefined ? { multi: r.multi } : {}),
    });
  }
  return { source: [...standard, ...custom], target };
}

export function sourceField(c: Catalogue, key: string | undefined): CatalogueField | undefined {
  return key === undefined ? undefined : c.source.find((f) => f.key === key);
}

export function targetField(c: Catalogue, key: string): CatalogueField | undefined {
  return c.target.find((f) => f.key === key);
}

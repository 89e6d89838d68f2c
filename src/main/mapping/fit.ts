// Runs in: main (Electron-free). Owns: fitting rows written elsewhere (a template, a connector's default
// pairs) to one store's catalogue: what fits becomes the mapping, what does not is reported row by row.
import { z } from 'zod';
import { sourceField } from './catalogue.js';
import {
  catalogueFieldSchema,
  entitySchema,
  mappingIssueSchema,
  mappingRowSchema,
  type Catalogue,
  type CatalogueField,
  type Entity,
  type Mapping,
  type MappingIssue,
  type MappingRow,
} from './model.js';
import { checkRow } from './validate.js';

/** What a template remembers of each source field it reads, to spot a store where the field differs. */
export const fieldSnapshotSchema = catalogueFieldSchema.pick({
  type: true,
  multi: true,
  options: true,
  label: true,
});
export type FieldSnapshot = z.infer<typeof fieldSnapshotSchema>;

export const misfitCodeSchema = z.enum([
  'source_missing',
  'target_missing',
  'wrong_entity',
  'type_conflict',
  'options_conflict',
  'duplicate_target',
  'invalid',
]);

export const fitReportSchema = z.object({
  mapping: z.object({ entity: entitySchema, rows: z.array(mappingRowSchema) }),
  fitted: z.array(z.object({ row: mappingRowSchema, warnings: z.array(mappingIssueSchema) })),
  notFitted: z.array(z.object({ row: mappingRowSchema, code: misfitCodeSchema, reason: z.string() })),
  /** Platform-required fields no fitted row fills. */
  missingRequired: z.array(z.string()),
});
export type FitReport = z.infer<typeof fitReportSchema>;
type Misfit = FitReport['notFitted'][number];

const CODE: Partial<Record<MappingIssue['code'], Misfit['code']>> = {
  unknown_source: 'source_missing',
  unknown_target: 'target_missing',
  wrong_entity: 'wrong_entity',
  transform_mismatch: 'type_conflict',
};

export function snapshotOf(f: CatalogueField): FieldSnapshot {
  return {
    label: f.label,
    type: f.type,
    ...(f.multi !== undefined ? { multi: f.multi } : {}),
    ...(f.options ? { options: f.options } : {}),
  };
}

/** The difference between what a template expects of a source field and what this store has, if any. */
function drift(row: MappingRow, expected: FieldSnapshot, actual: CatalogueField): Misfit | undefined {
  if (expected.type !== actual.type || (expected.multi ?? false) !== (actual.multi ?? false)) {
    const kind = (f: FieldSnapshot) => `${f.type}${f.multi ? ' (several answers)' : ''}`;
    return {
      row,
      code: 'type_conflict',
      reason: `the template reads "${expected.label}" as ${kind(expected)}; this store has it as ${kind(actual)}`,
    };
  }
  const indexes = row.transforms.some((t) => t.kind === 'optionIndex' && !t.options);
  const same = JSON.stringify(expected.options ?? []) === JSON.stringify(actual.options ?? []);
  if (indexes && !same) {
    // Option numbers follow the store's order: the same number would mean another answer here.
    return {
      row,
      code: 'options_conflict',
      reason: `"${actual.label}" has options ${JSON.stringify(actual.options ?? [])} here, not ${JSON.stringify(expected.options ?? [])}, so option numbers would change meaning`,
    };
  }
  return undefined;
}

export function fitRows(
  input: { entity: Entity; rows: readonly MappingRow[]; expected?: Record<string, FieldSnapshot> },
  c: Catalogue,
): FitReport {
  const mapping: Mapping = { entity: input.entity, rows: [] };
  const fitted: FitReport['fitted'] = [];
  const notFitted: Misfit[] = [];
  const taken = new Set<string>();
  input.rows.forEach((row, i) => {
    const issues = checkRow(row, i, { entity: input.entity, rows: [...input.rows] }, c);
    const error = issues.find((x) => x.severity === 'error');
    if (error) {
      notFitted.push({ row, code: CODE[error.code] ?? 'invalid', reason: error.message });
      return;
    }
    const expected = row.source ? input.expected?.[row.source] : undefined;
    const actual = sourceField(c, row.source);
    const d = expected && actual ? drift(row, expected, actual) : undefined;
    if (d) return void notFitted.push(d);
    if (taken.has(row.target)) {
      notFitted.push({
        row,
        code: 'duplicate_target',
        reason: `${row.target} is already filled by an earlier row`,
      });
      return;
    }
    taken.add(row.target);
    mapping.rows.push(row);
    fitted.push({
      row,
      warnings: issues.map(({ row: _r, ...rest }) => ({ ...rest, row: mapping.rows.length - 1 })),
    });
  });
  const missingRequired = c.target.filter((t) => t.required && !taken.has(t.key)).map((t) => t.key);
  return { mapping, fitted, notFitted, missingRequired };
}

/** A connector's default pairs for its platform, fitted to one store: the mechanism behind default mappings. */
export interface DefaultPair {
  source?: string;
  target: string;
  transforms?: z.input<typeof mappingRowSchema>['transforms'];
  required?: boolean;
}

export function mappingFromDefaults(entity: Entity, pairs: readonly DefaultPair[], c: Catalogue): FitReport {
  const rows = pairs.map((p) => mappingRowSchema.parse(p));
  return fitRows({ entity, rows }, c);
}

// Runs in: main (Electron-free). Owns: checking a mapping against a catalogue before any record is read:
// unknown fields, transforms that cannot read their input, type mismatches, duplicate and missing targets.
import { sourceField, targetField } from './catalogue.js';
import { typeAdvice } from './compat.js';
import type { Catalogue, CatalogueField, Mapping, MappingIssue, MappingRow } from './model.js';
import { accepts, shapeAfter, type Shape } from './transforms/index.js';

function constantShape(row: MappingRow): Shape | undefined {
  const d = row.transforms.find((t) => t.kind === 'default');
  if (!d || d.kind !== 'default') return undefined;
  const t = typeof d.value;
  return { type: t === 'number' ? 'number' : t === 'boolean' ? 'boolean' : 'text', multi: false };
}

/** Issues of one row that do not depend on the other rows. */
export function checkRow(row: MappingRow, i: number, mapping: Mapping, c: Catalogue): MappingIssue[] {
  const out: MappingIssue[] = [];
  const at = { row: i, target: row.target, ...(row.source ? { source: row.source } : {}) };
  const src = sourceField(c, row.source);
  if (row.source && !src) {
    out.push({
      ...at,
      severity: 'error',
      code: 'unknown_source',
      message: `${row.source} is not a field of this store`,
    });
  } else if (src?.entity && src.entity !== mapping.entity) {
    out.push({
      ...at,
      severity: 'error',
      code: 'wrong_entity',
      message: `${src.label} belongs to ${src.entity} records; this mapping reads ${mapping.entity} records`,
    });
  }
  if (!row.source && !constantShape(row)) {
    out.push({
      ...at,
      severity: 'error',
      code: 'no_value',
      message: 'A row without a source needs a default value',
    });
  }
  const tgt = targetField(c, row.target);
  if (!tgt) {
    out.push({
      ...at,
      severity: 'error',
      code: 'unknown_target',
      message: `${row.target} is not a field of the platform`,
    });
  }
  let shape: Shape | undefined = src ? { type: src.type, multi: src.multi ?? false } : constantShape(row);
  if (!shape) return out;
  for (const t of row.transforms) {
    if (!accepts[t.kind].includes(shape.type)) {
      out.push({
        ...at,
        severity: 'error',
        code: 'transform_mismatch',
        message: `The ${t.kind} transform cannot read a ${shape.type} value`,
      });
    } else if (t.kind === 'optionIndex') out.push(...optionIssues(src, t.options, at));
    shape = shapeAfter(t, shape);
  }
  const advice = tgt && typeAdvice(shape, tgt);
  if (tgt && advice) {
    out.push({
      ...at,
      severity: 'warning',
      code: 'type_mismatch',
      message: `${shape.type} → ${tgt.type}: ${advice}`,
    });
  }
  const optionIndexed = row.transforms.some((t) => t.kind === 'optionIndex');
  if (tgt?.type === 'list' && tgt.options && src?.options && !optionIndexed) {
    const missing = src.options.filter((o) => !tgt.options!.includes(o));
    if (missing.length > 0) {
      out.push({
        ...at,
        severity: 'warning',
        code: 'options_mismatch',
        message: `The platform field has no option for ${missing.map((m) => `"${m}"`).join(', ')}`,
      });
    }
  }
  return out;
}

function optionIssues(
  src: CatalogueField | undefined,
  explicit: string[] | undefined,
  at: Pick<MappingIssue, 'row' | 'source' | 'target'>,
): MappingIssue[] {
  if (explicit && explicit.length > 0) return [];
  if (!src?.options || src.options.length === 0) {
    return [
      {
        ...at,
        severity: 'error',
        code: 'transform_mismatch',
        message: "optionIndex needs the source field's options; none are known",
      },
    ];
  }
  if (src.optionsFrom === 'observed') {
    return [
      {
        ...at,
        severity: 'warning',
        code: 'options_unordered',
        message: `Option numbers follow the store's option order, but ${src.label}'s options were only seen in records: give the store's field definition or list the options on the transform`,
      },
    ];
  }
  return [];
}

export function validateMapping(mapping: Mapping, c: Catalogue): MappingIssue[] {
  const out = mapping.rows.flatMap((row, i) => checkRow(row, i, mapping, c));
  const firstRow = new Map<string, number>();
  mapping.rows.forEach((row, i) => {
    const first = firstRow.get(row.target);
    if (first === undefined) firstRow.set(row.target, i);
    else {
      out.push({
        row: i,
        target: row.target,
        severity: 'error',
        code: 'duplicate_target',
        message: `${row.target} is already filled by row ${first + 1}`,
      });
    }
  });
  for (const t of c.target) {
    if (t.required && !firstRow.has(t.key)) {
      out.push({
        target: t.key,
        severity: 'error',
        code: 'required_target_missing',
        message: `${t.label} is required by the platform and no row fills it`,
      });
    }
  }
  return out;
}

export const hasErrors = (issues: readonly MappingIssue[]): boolean =>
  issues.some((i) => i.severity === 'error');

// Runs in: renderer. Owns: the mapping grid's model: zod shapes of what the mapping channels answer (their
// contract output is `unknown`), grid rows <-> the mapping draft main takes, and the per-row transform presets.
import { z } from 'zod';
import type { ChannelInput } from '../../../shared/contract/index';

export type Entity = 'customer' | 'order';
export type MappingDraft = ChannelInput<'mapping:save'>['mapping'];
type Transform = Record<string, unknown>;

const field = z.object({
  key: z.string(),
  label: z.string(),
  type: z.string(),
  group: z.string(),
  custom: z.boolean(),
  options: z.array(z.string()).optional(),
  required: z.boolean().optional(),
});
export type CatalogueField = z.infer<typeof field>;

const row = z.object({
  source: z.string().optional(),
  target: z.string(),
  transforms: z.array(z.record(z.string(), z.unknown())).default([]),
  required: z.boolean().optional(),
});
export type DraftRow = z.infer<typeof row>;

export const catalogueAnswer = z.object({
  catalogue: z.object({ source: z.array(field), target: z.array(field) }),
});
export type Catalogue = z.infer<typeof catalogueAnswer>['catalogue'];

export const issueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  row: z.number().optional(),
  source: z.string().optional(),
  target: z.string().optional(),
  message: z.string(),
});
export type Issue = z.infer<typeof issueSchema>;

export const storedMapping = z.object({ rows: z.array(row) }).nullable();
export const fitReport = z.object({
  mapping: z.object({ rows: z.array(row) }),
  notFitted: z.array(z.object({ row, code: z.string(), reason: z.string() })),
  missingRequired: z.array(z.string()),
});
export type FitReport = z.infer<typeof fitReport>;

export const previewAnswer = z.object({
  rows: z.array(
    z.object({
      recordId: z.string(),
      before: z.record(z.string(), z.unknown()),
      after: z.record(z.string(), z.unknown()),
      issues: z.array(z.object({ severity: z.string(), target: z.string(), message: z.string() })),
    }),
  ),
  failing: z.number(),
  issues: z.array(issueSchema),
});
export type PreviewAnswer = z.infer<typeof previewAnswer>;

export const templateSchema = z.object({
  id: z.string(),
  name: z.string(),
  entity: z.enum(['customer', 'order']),
});
export type TemplateSummary = z.infer<typeof templateSchema>;
export const applyResult = z.union([
  z.object({ connectionId: z.string(), ok: z.literal(true), report: fitReport }),
  z.object({ connectionId: z.string(), ok: z.literal(false), error: z.string() }),
]);
export type ApplyResult = z.infer<typeof applyResult>;

/** One grid row per BigCommerce field: which platform field it fills (none when empty) and how. */
export interface GridRow {
  source: string;
  target: string | null;
  preset: Preset;
  /** Two-letter country for numbers written without a code (phone preset only). */
  country: string;
}
export type GridState = Record<string, GridRow>;

export const presets = [
  { value: 'none', label: 'As is' },
  { value: 'trim', label: 'Trim spaces' },
  { value: 'lowercase', label: 'Trim and lowercase' },
  { value: 'date', label: 'Date (yyyy-MM-dd)' },
  { value: 'datetime', label: 'Date and time (ISO 8601, UTC)' },
  { value: 'optionIndex', label: 'Checkbox to option index' },
  { value: 'phone', label: 'Phone to international (E.164)' },
] as const;
export type Preset = (typeof presets)[number]['value'];

export function transformsOf(r: GridRow): Transform[] {
  switch (r.preset) {
    case 'trim':
      return [{ kind: 'trim' }];
    case 'lowercase':
      return [{ kind: 'trim' }, { kind: 'lowercase' }];
    case 'date':
      return [{ kind: 'date', format: 'date', timeZone: 'UTC' }];
    case 'datetime':
      return [{ kind: 'date', format: 'iso', timeZone: 'UTC' }];
    case 'optionIndex':
      return [{ kind: 'optionIndex' }];
    case 'phone':
      return [{ kind: 'phone', defaultCountry: r.country || 'US' }];
    default:
      return [];
  }
}

/** The preset a stored row's transforms correspond to; a chain the grid cannot show stays "As is" + a note. */
export function presetOf(transforms: readonly Transform[]): { preset: Preset; country: string } {
  const kinds = transforms.map((t) => t['kind']).join(',');
  const first = transforms[0] ?? {};
  if (kinds === 'trim') return { preset: 'trim', country: '' };
  if (kinds === 'trim,lowercase' || kinds === 'lowercase') return { preset: 'lowercase', country: '' };
  if (kinds === 'date') return { preset: first['format'] === 'iso' ? 'datetime' : 'date', country: '' };
  if (kinds === 'optionIndex') return { preset: 'optionIndex', country: '' };
  if (kinds === 'phone') return { preset: 'phone', country: String(first['defaultCountry'] ?? '') };
  return { preset: 'none', country: '' };
}

/** Grid state from mapping rows (saved, defaults or a template); rows without a source are not gridded. */
export function gridFrom(rows: readonly DraftRow[]): GridState {
  const g: GridState = {};
  for (const r of rows) {
    if (!r.source) continue;
    g[r.source] = { source: r.source, target: r.target, ...presetOf(r.transforms) };
  }
  return g;
}

/** The draft main validates: one row per gridded source with a target, in catalogue order. */
export function draftOf(entity: Entity, sources: readonly CatalogueField[], g: GridState): MappingDraft {
  const rows: DraftRow[] = [];
  for (const f of sources) {
    const r = g[f.key];
    if (r?.target) rows.push({ source: f.key, target: r.target, transforms: transformsOf(r) });
  }
  return { entity, rows };
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * A starting point when the connector publishes no default pairs: each standard BigCommerce field whose label
 * or key names the same thing as a platform field (email -> Email, first_name -> First Name).
 */
export function suggestByName(
  sources: readonly CatalogueField[],
  targets: readonly CatalogueField[],
): DraftRow[] {
  const taken = new Set<string>();
  const rows: DraftRow[] = [];
  for (const s of sources) {
    if (s.custom) continue;
    const names = [norm(s.label), norm(s.key.split('.').pop() ?? '')];
    const t = targets.find(
      (x) => !taken.has(x.key) && (names.includes(norm(x.label)) || names.includes(norm(x.key))),
    );
    if (!t) continue;
    taken.add(t.key);
    rows.push({
      source: s.key,
      target: t.key,
      transforms: s.key.endsWith('.email') ? [{ kind: 'trim' }, { kind: 'lowercase' }] : [],
    });
  }
  return rows;
}

/** Issues by grid source key, so each row shows its own warnings. */
export function issuesBySource(draft: MappingDraft, issues: readonly Issue[]): Record<string, Issue[]> {
  const out: Record<string, Issue[]> = {};
  for (const i of issues) {
    const src = i.source ?? (i.row !== undefined ? draft.rows[i.row]?.source : undefined);
    const k = src ?? '';
    (out[k] ??= []).push(i);
  }
  return out;
}

// Runs in: main (Electron-free). Owns: the preview: N records through a mapping, each shown as what was read
// (the mapped source fields) beside what would be sent, with that record's issues.
import { applyMapping, readSource, recordIdOf } from './apply.js';
import type { Catalogue, Mapping, RecordIssue, Value } from './model.js';

export interface PreviewRow {
  recordId: string;
  /** The source fields the mapping reads, as the record holds them. */
  before: Record<string, unknown>;
  after: Record<string, Value>;
  issues: RecordIssue[];
}

export interface Preview {
  rows: PreviewRow[];
  /** Records with at least one error, of those previewed. */
  failing: number;
}

export function previewMapping(
  records: readonly unknown[],
  mapping: Mapping,
  c: Catalogue,
  limit = 20,
): Preview {
  const rows = records.slice(0, limit).map((record): PreviewRow => {
    const before: Record<string, unknown> = {};
    for (const r of mapping.rows) if (r.source) before[r.source] = readSource(record, r.source).raw ?? null;
    const { payload, issues } = applyMapping(record, mapping, c);
    return { recordId: recordIdOf(record), before, after: payload, issues };
  });
  return { rows, failing: rows.filter((r) => r.issues.some((i) => i.severity === 'error')).length };
}

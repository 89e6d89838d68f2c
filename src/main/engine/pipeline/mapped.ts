// Runs in: main (Electron-free). Owns: what fan-out does around the field mapping: the event for each record
// issue, and which already delivered records a newly saved mapping must plan again.
import type { NewEvent } from '../../events/event-log.js';
import type { RecordIssue } from '../../mapping/model.js';
import type { RecordMapper } from '../../mapping/record-mapper.js';
import type { Db } from '../../storage/db.js';
import type { Connector, StagedRecord } from '../connector.js';
import { toRecord, type StagingRow } from './staged-row.js';

const RESOURCE = { customer: 'customers', order: 'orders' } as const;

interface Target {
  connectionId: string;
  storeId: string;
  connector: Pick<Connector<unknown, unknown>, 'platform'>;
}

/** What happened, without the value itself: the message is shown and exported as is (values can be personal). */
const WHY: Record<RecordIssue['code'], string> = {
  transform_failed: 'a transform could not convert the value',
  required_empty: 'required but empty',
  type_conflict: "the value does not fit the platform field's type",
  unknown_source: 'the source field cannot be read by this version',
  truncated: 'the value was shortened',
  unsupported_value: 'the source holds a structure, not a value',
};

/** One event per issue: a value the mapping could not produce is never dropped without a word. */
export function issueEvents(t: Target, record: StagedRecord, issues: readonly RecordIssue[]): NewEvent[] {
  return issues.map((i) => ({
    level: i.severity === 'error' ? 'warn' : 'info',
    type: 'mapping.record_issue',
    message: `${record.resource} ${record.id}: ${i.target} ${i.code === 'truncated' ? 'shortened' : 'left out'}: ${WHY[i.code]}`,
    storeId: t.storeId,
    connectionId: t.connectionId,
    platform: t.connector.platform,
    recordType: record.resource,
    recordId: record.id,
    // The mapping's own words (they may quote the value) are kept for diagnosis in the payload only.
    payload: { code: i.code, severity: i.severity, source: i.source, target: i.target, reason: i.message },
  }));
}

/**
 * The latest staged version of each record this connection delivered before its mapping was last saved, when
 * the save came after the connection's last finished run. Records never delivered are left alone: a
 * connection that started "from now" must not receive its store's history because a mapping changed.
 */
export function remappedRecords(
  db: Db,
  mapper: RecordMapper,
  t: Target,
  historical: boolean,
): StagedRecord[] {
  const progress = db
    .prepare('SELECT staged_seq, last_run_finished FROM connection_progress WHERE connection_id = ?')
    .get(t.connectionId) as { staged_seq: number; last_run_finished: number | null } | undefined;
  if (!progress) return [];
  const rows = db.prepare(
    `SELECT s.seq, s.resource, s.record_id, s.date_modified, s.kind, s.payload FROM staging s
     JOIN (SELECT record_id, max(seq) AS seq FROM staging WHERE store_id = ? AND resource = ? AND seq <= ?
           GROUP BY record_id) latest ON latest.seq = s.seq
     WHERE s.kind = 'upsert' AND EXISTS (SELECT 1 FROM deliveries d WHERE d.connection_id = ?
       AND (d.entity_id = s.record_id OR d.entity_id LIKE '%:' || s.record_id) AND d.delivered_at <= ?)
     ORDER BY s.seq`,
  );
  const out: StagedRecord[] = [];
  for (const entity of ['customer', 'order'] as const) {
    const savedAt = mapper.mappingFor(entity)?.savedAt;
    if (!savedAt) continue;
    const saved = Date.parse(savedAt);
    if (progress.last_run_finished !== null && progress.last_run_finished > saved) continue;
    const found = rows.all(
      t.storeId,
      RESOURCE[entity],
      progress.staged_seq,
      t.connectionId,
      saved,
    ) as StagingRow[];
    out.push(...found.map((r) => toRecord(t.storeId, r, historical)));
  }
  return out;
}

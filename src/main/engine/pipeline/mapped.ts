// Runs in: main (Electron-free). Owns: what fan-out does around the field mapping: the event for each record
// issue, and which already delivered records a newly saved mapping must plan again.
import type { NewEvent } from '../../events/event-log.js';
import type { RecordIssue } from '../../mapping/model.js';
import type { RecordMapper } from '../../mapping/record-mapper.js';
import type { Db } from '../../storage/db.js';
import type { Connector, PlannedJob, StagedRecord } from '../connector.js';
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
 * The latest staged version of each record this connection delivered, or queued, before its mapping was last
 * saved, when the save came after the connection's last finished run. Records never planned are left alone: a
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
  const out: StagedRecord[] = [];
  for (const entity of ['customer', 'order'] as const) {
    const savedAt = mapper.mappingFor(entity)?.savedAt;
    if (!savedAt) continue;
    const saved = Date.parse(savedAt);
    if (progress.last_run_finished !== null && progress.last_run_finished > saved) continue;
    const { planned, live } = plannedBefore(db, t.connectionId, saved);
    if (planned.size === 0) continue;
    // One pass over the store's latest versions: joining on entity ids with a prefix cannot use an index.
    const rows = db
      .prepare(
        `SELECT s.seq, s.resource, s.record_id, s.date_modified, s.kind, s.payload FROM staging s
         JOIN (SELECT max(seq) AS seq FROM staging WHERE store_id = ? AND resource = ? AND seq <= ?
               GROUP BY record_id) latest ON latest.seq = s.seq
         WHERE s.kind = 'upsert' ORDER BY s.seq`,
      )
      .iterate(t.storeId, RESOURCE[entity], progress.staged_seq) as Iterable<StagingRow>;
    for (const r of rows) {
      if (!planned.has(r.record_id)) continue;
      // A record still waiting as a live change stays live (its tags, its automations); the rest is a correction.
      out.push(toRecord(t.storeId, r, live.has(r.record_id) ? false : historical));
    }
  }
  return out;
}

/** Connectors key entities as the record id or with a prefix (`customer:42`): the id is what follows the last colon. */
const recordIdOf = (entityId: string): string => entityId.slice(entityId.lastIndexOf(':') + 1);

/** Record ids the connection delivered, or has waiting (queued or dead), from before `saved` (epoch ms). */
function plannedBefore(
  db: Db,
  connectionId: string,
  saved: number,
): { planned: Set<string>; live: Set<string> } {
  const planned = new Set<string>();
  const live = new Set<string>();
  const delivered = db
    .prepare('SELECT entity_id FROM deliveries WHERE connection_id = ? AND delivered_at <= ?')
    .iterate(connectionId, saved) as Iterable<{ entity_id: string }>;
  for (const d of delivered) planned.add(recordIdOf(d.entity_id));
  const waiting = db
    .prepare(
      `SELECT entity_id, historical FROM jobs WHERE connection_id = ? AND status IN ('queued', 'dead')
         AND kind != 'event' AND created_at <= ?`,
    )
    .iterate(connectionId, saved) as Iterable<{ entity_id: string; historical: number }>;
  for (const j of waiting) {
    planned.add(recordIdOf(j.entity_id));
    if (j.historical === 0) live.add(recordIdOf(j.entity_id));
  }
  return { planned, live };
}

/**
 * Re-planned jobs replace their queued or dead-lettered twin of the same version: the queue keeps the first
 * job of a version, which still carries the payload of the mapping before the save.
 */
export function dropStaleTwins(db: Db, connectionId: string, jobs: readonly PlannedJob[]): void {
  const drop = db.prepare(
    `DELETE FROM jobs WHERE connection_id = ? AND entity_type = ? AND entity_id = ? AND version = ?
       AND status IN ('queued', 'dead') AND kind != 'event'`,
  );
  for (const j of jobs) if (j.kind !== 'event') drop.run(connectionId, j.entityType, j.entityId, j.version);
}

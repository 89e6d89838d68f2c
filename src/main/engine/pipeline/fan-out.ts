// Runs in: main (Electron-free). Owns: turning a store's staging into one connection's jobs: read what the
// connection has not planned yet, keep what is in its scope and date range, let the connector plan it, and
// enqueue the jobs in the same transaction that moves the connection's staging mark. A crash therefore
// never loses a staged record for a connection nor plans one twice. Each record goes through the connection's
// field mapping once here; the connector merges the mapped values into what it sends.
import type { NewEvent } from '../../events/event-log.js';
import { RecordMapper } from '../../mapping/record-mapper.js';
import type { Db } from '../../storage/db.js';
import type { Connector, PlannedJob, StagedRecord, StagedResource } from '../connector.js';
import type { EnqueueOutcome, JobQueue } from '../queue/job-queue.js';
import { dropStaleTwins, issueEvents, remappedRecords } from './mapped.js';
import { toRecord, type StagingRow } from './staged-row.js';
import { inScope, type Scope } from './scope.js';

export interface FanOutTarget {
  connectionId: string;
  storeId: string;
  scope: Scope;
  settings: unknown;
  connector: Connector<unknown, unknown>;
  /** Records that must never be planned (people erased on request: the suppression list). */
  exclude?: (record: StagedRecord) => boolean;
  /** The connection's field mapping; built from the database and the connector's defaults when absent. */
  mapper?: RecordMapper;
  /** Where a record's mapping issues are reported (one event each, with store, platform and record). */
  events?: { append(...e: NewEvent[]): unknown };
}

export interface FanOutOptions {
  historical: boolean;
  /** Only records modified within this range (ISO), for a ranged historical sync. */
  from?: string;
  to?: string;
  resources?: StagedResource[];
  pageSize?: number;
  now: number;
  signal?: AbortSignal;
  onPage?: (p: { read: number; planned: EnqueueOutcome; lastSeq: number }) => void;
}

export interface FanOutResult extends EnqueueOutcome {
  read: number;
  outOfScope: number;
  /** Staged records the connector planned nothing for (a capability it does not have). */
  notPlanned: number;
  /** Record issues the mapping reported (values left out of a payload). */
  mappingIssues: number;
  /** Records planned again because their mapping was saved after they were delivered. */
  remapped: number;
}

export function fanOut(db: Db, queue: JobQueue, t: FanOutTarget, o: FanOutOptions): FanOutResult {
  const total: FanOutResult = {
    read: 0,
    outOfScope: 0,
    notPlanned: 0,
    queued: 0,
    unchanged: 0,
    duplicate: 0,
    mappingIssues: 0,
    remapped: 0,
  };
  const mapper =
    t.mapper ??
    new RecordMapper(db, {
      connectionId: t.connectionId,
      storeId: t.storeId,
      ...(t.connector.mappingDefaults ? { defaults: t.connector.mappingDefaults } : {}),
    });
  const pageSize = o.pageSize ?? 500;
  const readPage = db.prepare(
    `SELECT seq, resource, record_id, date_modified, kind, payload FROM staging
     WHERE store_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
  );
  const mark = db.prepare('SELECT staged_seq FROM connection_progress WHERE connection_id = ?');
  const advance = db.prepare(
    `INSERT INTO connection_progress (connection_id, staged_seq) VALUES (?, ?)
     ON CONFLICT (connection_id) DO UPDATE SET staged_seq = excluded.staged_seq`,
  );
  const ctx = { settings: t.settings, connectionId: t.connectionId, storeId: t.storeId };
  const planOne = (record: StagedRecord): PlannedJob[] => {
    const mapped = mapper.map(record.resource, record.data, record.id);
    if (mapped?.issues.length) {
      total.mappingIssues += mapped.issues.length;
      t.events?.append(...issueEvents(t, record, mapped.issues));
    }
    return t.connector.plan(record, mapped ? { ...ctx, mapped } : ctx);
  };

  // A mapping saved since records were delivered re-plans their latest staged version; the content hash then
  // skips those whose mapped payload did not change.
  const remap = remappedRecords(db, mapper, t, true).filter(
    (r) => !t.exclude?.(r) && inScope(r, t.scope) && (!o.resources || o.resources.includes(r.resource)),
  );
  if (remap.length > 0 && !o.signal?.aborted) {
    // A re-send for a changed mapping corrects data: like a historical sync, it must not fire automations
    // (remappedRecords keeps a record that still waits as a live change live).
    for (const historical of [true, false]) {
      const jobs = remap.filter((r) => r.historical === historical).flatMap(planOne);
      const outcome = db.transaction(() => {
        dropStaleTwins(db, t.connectionId, jobs);
        return queue.enqueue(t.connectionId, jobs, historical, o.now);
      })();
      total.queued += outcome.queued;
      total.unchanged += outcome.unchanged;
      total.duplicate += outcome.duplicate;
    }
    total.remapped = remap.length;
  }

  for (;;) {
    if (o.signal?.aborted) break;
    const after = (mark.get(t.connectionId) as { staged_seq: number } | undefined)?.staged_seq ?? 0;
    const rows = readPage.all(t.storeId, after, pageSize) as StagingRow[];
    if (rows.length === 0) break;
    const planned: PlannedJob[] = [];
    for (const row of rows) {
      const record = toRecord(t.storeId, row, o.historical);
      if (o.resources && !o.resources.includes(record.resource)) continue;
      if ((o.from && record.dateModified < o.from) || (o.to && record.dateModified > o.to)) continue;
      if (t.exclude?.(record)) continue;
      if (!inScope(record, t.scope)) {
        total.outOfScope++;
        continue;
      }
      const jobs = planOne(record);
      if (jobs.length === 0) total.notPlanned++;
      planned.push(...jobs);
    }
    const lastSeq = rows[rows.length - 1]!.seq;
    const outcome = db.transaction(() => {
      const r = queue.enqueue(t.connectionId, planned, o.historical, o.now);
      advance.run(t.connectionId, lastSeq);
      return r;
    })();
    total.read += rows.length;
    total.queued += outcome.queued;
    total.unchanged += outcome.unchanged;
    total.duplicate += outcome.duplicate;
    o.onPage?.({ read: rows.length, planned: outcome, lastSeq });
  }
  return total;
}

/** A connection that starts "from now" skips what is already staged. */
export function skipStagedHistory(db: Db, connectionId: string, storeId: string): void {
  const { m } = db
    .prepare('SELECT coalesce(max(seq), 0) AS m FROM staging WHERE store_id = ?')
    .get(storeId) as { m: number };
  db.prepare(
    `INSERT INTO connection_progress (connection_id, staged_seq) VALUES (?, ?)
     ON CONFLICT (connection_id) DO UPDATE SET staged_seq = excluded.staged_seq`,
  ).run(connectionId, m);
}

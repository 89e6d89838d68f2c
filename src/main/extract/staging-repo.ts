// Runs in: main (Electron-free). Owns: SQL for staging, cursors and extract_records. A page and the cursor
// that moves past it are written in one transaction (`commitPage`), so a crash never skips a page.
import type { Db } from '../storage/db.js';
import { hashText, stableStringify } from './hash.js';

export interface StagedRecord {
  id: string;
  /** ISO 8601 UTC. */
  dateModified: string;
  payload: unknown;
}

export interface CommitResult {
  staged: number;
  unchanged: number;
}

export interface StagingRow {
  seq: number;
  store_id: string;
  resource: string;
  record_id: string;
  date_modified: string;
  kind: 'upsert' | 'delete';
  payload: string;
  content_hash: string;
  extracted_at: string;
}

export class StagingRepo {
  constructor(private readonly db: Db) {}

  getCursor(storeId: string, resource: string): string | undefined {
    const row = this.db
      .prepare('SELECT value FROM cursors WHERE store_id = ? AND resource = ?')
      .get(storeId, resource) as { value: string } | undefined;
    return row?.value;
  }

  /**
   * Stages the records that are new or changed (by id + date_modified + content hash) and, in the same
   * transaction, sets the cursor. Returns how many were staged and how many were already known.
   */
  commitPage(
    storeId: string,
    resource: string,
    records: readonly StagedRecord[],
    cursor: { key: string; value: string } | undefined,
    nowIso: string,
  ): CommitResult {
    const known = this.db.prepare(
      'SELECT date_modified, content_hash, deleted FROM extract_records WHERE store_id = ? AND resource = ? AND record_id = ?',
    );
    const removeSame = this.db.prepare(
      'DELETE FROM staging WHERE store_id = ? AND resource = ? AND record_id = ? AND date_modified = ?',
    );
    const insert = this.db.prepare(
      `INSERT INTO staging (store_id, resource, record_id, date_modified, kind, payload, content_hash, extracted_at)
       VALUES (?, ?, ?, ?, 'upsert', ?, ?, ?)`,
    );
    const remember = this.db.prepare(
      `INSERT INTO extract_records (store_id, resource, record_id, date_modified, content_hash, deleted, seen_at)
       VALUES (?, ?, ?, ?, ?, 0, ?)
       ON CONFLICT (store_id, resource, record_id) DO UPDATE SET
         date_modified = excluded.date_modified, content_hash = excluded.content_hash, deleted = 0, seen_at = excluded.seen_at`,
    );
    return this.db.transaction((): CommitResult => {
      let staged = 0;
      let unchanged = 0;
      for (const r of records) {
        const payload = stableStringify(r.payload);
        const hash = hashText(payload);
        const prev = known.get(storeId, resource, r.id) as
          { date_modified: string; content_hash: string; deleted: number } | undefined;
        if (prev && prev.deleted === 0 && prev.content_hash === hash) {
          unchanged++;
          continue;
        }
        // An older version read again (the overlap window) is not news.
        if (prev && prev.deleted === 0 && prev.date_modified > r.dateModified) {
          unchanged++;
          continue;
        }
        // Same date_modified, other content (a variant edit found by the sweep): the row is replaced so
        // that it gets a new seq and consumers see it again.
        removeSame.run(storeId, resource, r.id, r.dateModified);
        insert.run(storeId, resource, r.id, r.dateModified, payload, hash, nowIso);
        remember.run(storeId, resource, r.id, r.dateModified, hash, nowIso);
        staged++;
      }
      if (cursor) this.setCursor(storeId, cursor.key, cursor.value, nowIso);
      return { staged, unchanged };
    })();
  }

  /**
   * Stages one record read on its own (a cart a webhook named: carts have no listing, so no cursor moves).
   * Same rules as a page: an unchanged or older version is not staged again.
   */
  stageRecord(storeId: string, resource: string, record: StagedRecord, nowIso: string): boolean {
    return this.commitPage(storeId, resource, [record], undefined, nowIso).staged === 1;
  }

  setCursor(storeId: string, key: string, value: string, nowIso: string): void {
    this.db
      .prepare(
        `INSERT INTO cursors (store_id, resource, value, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (store_id, resource) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(storeId, key, value, nowIso);
  }

  /** Ids this store still has (not marked deleted) for a resource. */
  liveIds(storeId: string, resource: string): string[] {
    return (
      this.db
        .prepare('SELECT record_id FROM extract_records WHERE store_id = ? AND resource = ? AND deleted = 0')
        .all(storeId, resource) as Array<{ record_id: string }>
    ).map((r) => r.record_id);
  }

  /** Stages a deletion marker for each id and marks it deleted, in one transaction. */
  markDeleted(
    storeId: string,
    resource: string,
    ids: readonly string[],
    atIso: string,
    nowIso: string,
  ): number {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO staging (store_id, resource, record_id, date_modified, kind, payload, content_hash, extracted_at)
       VALUES (?, ?, ?, ?, 'delete', ?, 'deleted', ?)`,
    );
    const mark = this.db.prepare(
      'UPDATE extract_records SET deleted = 1, seen_at = ? WHERE store_id = ? AND resource = ? AND record_id = ?',
    );
    return this.db.transaction(() => {
      for (const id of ids) {
        insert.run(storeId, resource, id, atIso, JSON.stringify({ id, deleted: true }), nowIso);
        mark.run(nowIso, storeId, resource, id);
      }
      return ids.length;
    })();
  }

  /** Staged rows after `afterSeq`, oldest first: what mapping reads next. */
  rowsAfter(storeId: string, resource: string, afterSeq = 0, limit = 1000): StagingRow[] {
    return this.db
      .prepare('SELECT * FROM staging WHERE store_id = ? AND resource = ? AND seq > ? ORDER BY seq LIMIT ?')
      .all(storeId, resource, afterSeq, limit) as StagingRow[];
  }

  count(storeId: string, resource: string, kind: 'upsert' | 'delete' = 'upsert'): number {
    return (
      this.db
        .prepare('SELECT COUNT(*) AS n FROM staging WHERE store_id = ? AND resource = ? AND kind = ?')
        .get(storeId, resource, kind) as { n: number }
    ).n;
  }
}

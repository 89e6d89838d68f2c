// Runs in: main. Owns: migration 2, change detection's tables: staging (extracted records, committed with the
// cursor that moved past them), cursors (per store and resource) and extract_records (last state per record).
import type { Migration } from '../migrate.js';

export const m002: Migration = {
  id: 2,
  name: 'extract',
  sql: `
CREATE TABLE staging (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  store_id TEXT NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
  resource TEXT NOT NULL,
  record_id TEXT NOT NULL,
  date_modified TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('upsert', 'delete')),
  payload TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  extracted_at TEXT NOT NULL,
  UNIQUE (store_id, resource, record_id, date_modified)
) STRICT;
CREATE INDEX staging_by_seq ON staging (store_id, resource, seq);

CREATE TABLE cursors (
  store_id TEXT NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
  resource TEXT NOT NULL,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (store_id, resource)
) STRICT;

CREATE TABLE extract_records (
  store_id TEXT NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
  resource TEXT NOT NULL,
  record_id TEXT NOT NULL,
  date_modified TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  seen_at TEXT NOT NULL,
  PRIMARY KEY (store_id, resource, record_id)
) STRICT;
`,
};

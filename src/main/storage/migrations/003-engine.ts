// Runs in: main. Owns: the engine's tables: platform accounts, connections, the job queue and the deliveries
// ledger. No secrets: accounts hold a keychain reference's hint only.
import type { Migration } from '../migrate.js';

export const m003: Migration = {
  id: 3,
  name: 'engine',
  sql: `
CREATE TABLE platform_accounts (
  id TEXT PRIMARY KEY,
  platform TEXT NOT NULL,
  name TEXT NOT NULL,
  settings TEXT NOT NULL DEFAULT '{}',
  credential_hint TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE connections (
  id TEXT PRIMARY KEY,
  store_id TEXT NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES platform_accounts(id) ON DELETE RESTRICT,
  name TEXT NOT NULL,
  scope TEXT NOT NULL DEFAULT '{}',
  settings TEXT NOT NULL DEFAULT '{}',
  mode TEXT NOT NULL DEFAULT 'continuous' CHECK (mode IN ('continuous', 'off')),
  interval_ms INTEGER NOT NULL DEFAULT 60000 CHECK (interval_ms >= 1000),
  paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX connections_store ON connections(store_id);

CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  version TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('upsert', 'event', 'delete')),
  contact_key TEXT,
  priority INTEGER NOT NULL,
  payload TEXT NOT NULL,
  payload_hash TEXT NOT NULL,
  historical INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('queued', 'leased', 'submitted', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  run_after INTEGER NOT NULL,
  lease_owner TEXT,
  lease_expires INTEGER,
  submission_ref TEXT,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (connection_id, entity_type, entity_id, version)
) STRICT;
CREATE INDEX jobs_ready ON jobs(connection_id, status, priority, run_after, id);
CREATE INDEX jobs_contact ON jobs(connection_id, contact_key, priority) WHERE contact_key IS NOT NULL;
CREATE INDEX jobs_entity ON jobs(connection_id, entity_type, entity_id);

-- How far each connection has planned from its store's staging, and how its last runs went.
CREATE TABLE connection_progress (
  connection_id TEXT PRIMARY KEY REFERENCES connections(id) ON DELETE CASCADE,
  staged_seq INTEGER NOT NULL DEFAULT 0,
  last_run_started INTEGER,
  last_run_finished INTEGER,
  last_ok INTEGER,
  last_error TEXT
) STRICT;

-- What each platform acknowledged, per entity: skips unchanged payloads and keeps events from going twice.
CREATE TABLE deliveries (
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  version TEXT NOT NULL,
  payload_hash TEXT NOT NULL,
  remote_id TEXT,
  delivered_at INTEGER NOT NULL,
  PRIMARY KEY (connection_id, entity_type, entity_id)
) STRICT;
`,
};

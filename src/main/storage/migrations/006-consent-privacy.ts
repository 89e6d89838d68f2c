// Runs in: main. Owns: migration 6, the consent ledger (facts with provenance, pull cursors) and the privacy
// tables (suppression list and erase audit trail keyed by a salted hash, anonymisation policies).
import type { Migration } from '../migrate.js';

export const m006: Migration = {
  id: 6,
  name: 'consent-privacy',
  sql: `
-- One row per consent fact. The email is personal data: an erase deletes these rows.
CREATE TABLE consent_facts (
  id INTEGER PRIMARY KEY,
  store_id TEXT NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
  email TEXT NOT NULL CHECK (email = lower(trim(email))),
  channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
  -- 'bigcommerce', 'storefront', 'merchant' or a platform name.
  source TEXT NOT NULL,
  connection_id TEXT REFERENCES connections(id) ON DELETE SET NULL,
  state TEXT NOT NULL CHECK (state IN ('subscribed', 'unsubscribed', 'pending', 'confirmed', 'expired')),
  mechanism TEXT NOT NULL,
  actor TEXT NOT NULL CHECK (actor IN ('person', 'merchant', 'system')),
  explicit INTEGER NOT NULL CHECK (explicit IN (0, 1)),
  at INTEGER NOT NULL,
  recorded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX consent_person ON consent_facts(store_id, email, channel, at);

CREATE TABLE consent_pulls (
  connection_id TEXT PRIMARY KEY REFERENCES connections(id) ON DELETE CASCADE,
  pulled_until INTEGER NOT NULL,
  last_error TEXT
) STRICT;

CREATE TABLE privacy_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- store_id '*' suppresses in every store.
CREATE TABLE suppressions (
  store_id TEXT NOT NULL,
  subject_hash TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (store_id, subject_hash)
) STRICT;

CREATE TABLE erase_requests (
  id TEXT PRIMARY KEY,
  subject_hash TEXT NOT NULL,
  include_bigcommerce INTEGER NOT NULL CHECK (include_bigcommerce IN (0, 1)),
  requested_at INTEGER NOT NULL,
  completed_at INTEGER,
  local_summary TEXT NOT NULL DEFAULT '{}'
) STRICT;

CREATE TABLE erase_receipts (
  request_id TEXT NOT NULL REFERENCES erase_requests(id) ON DELETE CASCADE,
  system TEXT NOT NULL,
  connection_id TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('erased', 'anonymised', 'not_found', 'failed', 'skipped')),
  detail TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX erase_receipts_request ON erase_receipts(request_id);

CREATE TABLE anonymisation_policies (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  store_id TEXT NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
  rule TEXT NOT NULL,
  older_than_days INTEGER NOT NULL CHECK (older_than_days >= 1),
  every_days INTEGER NOT NULL DEFAULT 1 CHECK (every_days >= 1),
  last_run_at INTEGER,
  created_at INTEGER NOT NULL
) STRICT;
`,
};

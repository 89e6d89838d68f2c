// Runs in: main. Owns: migration 9: the webhooks the console registered on each store (path token, hook ids,
// when each was last known active) and the payload hashes already applied. The secret header is in the keychain.
import type { Migration } from '../migrate.js';

export const m009: Migration = {
  id: 9,
  name: 'webhooks',
  sql: `
CREATE TABLE webhook_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  public_url TEXT,
  port INTEGER
) STRICT;

CREATE TABLE webhook_endpoints (
  store_id TEXT PRIMARY KEY REFERENCES stores(id) ON DELETE CASCADE,
  path_token TEXT NOT NULL UNIQUE,
  destination TEXT NOT NULL,
  registered_at TEXT NOT NULL
) STRICT;

CREATE TABLE webhook_hooks (
  store_id TEXT NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
  hook_id INTEGER NOT NULL,
  scope TEXT NOT NULL,
  destination TEXT NOT NULL,
  last_active_at INTEGER NOT NULL,
  PRIMARY KEY (store_id, hook_id)
) STRICT;

CREATE TABLE webhook_seen (
  store_id TEXT NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
  hash TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (store_id, hash)
) STRICT;
CREATE INDEX webhook_seen_by_age ON webhook_seen (received_at);
`,
};

// Runs in: main. Owns: migration 1, the stores table (no secrets: the token lives in the keychain).
import type { Migration } from '../migrate.js';

export const m001: Migration = {
  id: 1,
  name: 'stores',
  sql: `
CREATE TABLE stores (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  store_hash TEXT NOT NULL,
  api_base_url TEXT NOT NULL,
  token_hint TEXT NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  created_at TEXT NOT NULL,
  UNIQUE (api_base_url, store_hash)
) STRICT;
`,
};

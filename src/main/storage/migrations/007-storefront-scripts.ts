// Runs in: main. Owns: migration 7: which storefront script the console installed on a store for a connection.
import type { Migration } from '../migrate.js';

export const m007: Migration = {
  id: 7,
  name: 'storefront-scripts',
  sql: `
CREATE TABLE storefront_scripts (
  connection_id TEXT PRIMARY KEY REFERENCES connections(id) ON DELETE CASCADE,
  store_id TEXT NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
  uuid TEXT NOT NULL,
  name TEXT NOT NULL,
  consent_category TEXT NOT NULL,
  installed_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`,
};

// Runs in: main. Owns: migration 4, the mapping tables: each connection's mapping per record kind, and named
// templates saved once and applied to many stores.
import type { Migration } from '../migrate.js';

export const m004: Migration = {
  id: 4,
  name: 'mappings',
  sql: `
CREATE TABLE mapping_templates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
  entity TEXT NOT NULL CHECK (entity IN ('customer', 'order')),
  rows TEXT NOT NULL,
  -- What the template expects of each source field it reads (type, options), to spot stores that differ.
  source_fields TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE mappings (
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  entity TEXT NOT NULL CHECK (entity IN ('customer', 'order')),
  rows TEXT NOT NULL,
  -- The template it came from, if any; the mapping outlives the template.
  template_id TEXT REFERENCES mapping_templates(id) ON DELETE SET NULL,
  -- The rows of the template that did not fit this store, and why (JSON), until the mapping is edited.
  not_fitted TEXT NOT NULL DEFAULT '[]',
  updated_at TEXT NOT NULL,
  PRIMARY KEY (connection_id, entity)
) STRICT;
CREATE INDEX mappings_template ON mappings(template_id) WHERE template_id IS NOT NULL;
`,
};

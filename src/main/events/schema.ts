// Runs in: main. Owns: the event log's own database schema (a separate file from the workspace database, so
// its volume and retention never slow the queue).
import type { Migration } from '../storage/migrate.js';

export const eventLogMigrations: readonly Migration[] = [
  {
    id: 1,
    name: 'events',
    sql: `
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('debug', 'info', 'warn', 'error')),
  type TEXT NOT NULL,
  store_id TEXT,
  connection_id TEXT,
  platform TEXT,
  record_type TEXT,
  record_id TEXT,
  message TEXT NOT NULL,
  payload TEXT
) STRICT;
CREATE INDEX events_at ON events(at);
CREATE INDEX events_record ON events(record_type, record_id, id);
CREATE INDEX events_connection ON events(connection_id, id);
CREATE VIRTUAL TABLE events_fts USING fts5(message, record_id, payload, content='events', content_rowid='id');
CREATE TRIGGER events_ai AFTER INSERT ON events BEGIN
  INSERT INTO events_fts(rowid, message, record_id, payload) VALUES (new.id, new.message, new.record_id, new.payload);
END;
CREATE TRIGGER events_ad AFTER DELETE ON events BEGIN
  INSERT INTO events_fts(events_fts, rowid, message, record_id, payload)
    VALUES ('delete', old.id, old.message, old.record_id, old.payload);
END;
`,
  },
  {
    id: 2,
    name: 'events_filter_indexes',
    // The log's filters walk newest first: with (column, id) a rare type or level is read from its own index
    // instead of scanning the whole table until a page is full.
    sql: `
CREATE INDEX events_type ON events(type, id);
CREATE INDEX events_level ON events(level, id);
CREATE INDEX events_store ON events(store_id, id);
CREATE INDEX events_platform ON events(platform, id);
`,
  },
];

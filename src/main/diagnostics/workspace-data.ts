// Runs in: main (Electron-free). Owns: the workspace's configuration as the bundle shows it: schema state,
// table sizes, settings, stores, platform accounts and connections, sanitised.
import type { Db } from '../storage/db.js';
import { sanitizeRow, type SanitizeOptions } from './scrub.js';

const CONFIG_TABLES = ['stores', 'platform_accounts', 'connections', 'settings'] as const;

export function tableNames(db: Db): string[] {
  return (
    db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
      .all() as Array<{ name: string }>
  ).map((r) => r.name);
}

export function workspaceSettings(db: Db): unknown {
  const tables = tableNames(db);
  return {
    userVersion: db.pragma('user_version', { simple: true }),
    journalMode: db.pragma('journal_mode', { simple: true }),
    pageSize: db.pragma('page_size', { simple: true }),
    pageCount: db.pragma('page_count', { simple: true }),
    freelistCount: db.pragma('freelist_count', { simple: true }),
    migrations: tables.includes('schema_migrations')
      ? db.prepare('SELECT id, name, app_version, applied_at FROM schema_migrations ORDER BY id').all()
      : [],
    rowCounts: Object.fromEntries(
      tables
        .filter((t) => !t.includes('_fts'))
        .map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]),
    ),
  };
}

/** One entry per configuration table this workspace has, rows sanitised. */
export function configuration(db: Db, opts: SanitizeOptions): Record<string, unknown[]> {
  const present = new Set(tableNames(db));
  const out: Record<string, unknown[]> = {};
  for (const t of CONFIG_TABLES) {
    if (!present.has(t)) continue;
    out[t] = (db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all() as Array<Record<string, unknown>>).map(
      (r) => sanitizeRow(r, opts),
    );
  }
  return out;
}

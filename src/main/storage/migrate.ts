// Runs in: main (Electron-free). Owns: forward-only numbered migrations, each in its own transaction,
// refusing a database whose applied migrations were edited or that a newer version wrote.
import { createHash } from 'node:crypto';
import { AppError } from '../core/errors.js';
import type { Db } from './db.js';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export function checksum(m: Migration): string {
  return createHash('sha256').update(m.sql.replace(/\r\n/g, '\n').trim()).digest('hex');
}

/** Applies pending migrations. Throws an AppError that says what to do when the file cannot be used. */
export function migrate(db: Db, migrations: readonly Migration[], appVersion: string): { applied: number[] } {
  assertOrdered(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    app_version TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);

  const rows = db
    .prepare('SELECT id, name, checksum, app_version FROM schema_migrations ORDER BY id')
    .all() as Array<{
    id: number;
    name: string;
    checksum: string;
    app_version: string;
  }>;
  const known = new Map(migrations.map((m) => [m.id, m]));
  for (const row of rows) {
    const m = known.get(row.id);
    if (!m) {
      throw new AppError(
        'conflict',
        `This workspace was written by a newer Storebridge (${row.app_version}, migration ${row.id} "${row.name}"). ` +
          `Update Storebridge to open it, or choose another workspace folder. Nothing was changed.`,
      );
    }
    if (checksum(m) !== row.checksum) {
      throw new AppError(
        'conflict',
        `Migration ${row.id} "${row.name}" differs from the one applied to this workspace. ` +
          `The database was not opened, to protect your data; restore the matching Storebridge version or a backup.`,
      );
    }
  }

  const done = new Set(rows.map((r) => r.id));
  const insert = db.prepare(
    'INSERT INTO schema_migrations (id, name, checksum, app_version, applied_at) VALUES (?, ?, ?, ?, ?)',
  );
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.id)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      insert.run(m.id, m.name, checksum(m), appVersion, new Date().toISOString());
      db.pragma(`user_version = ${m.id}`);
    })();
    applied.push(m.id);
  }
  return { applied };
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.id !== i + 1)
      throw new Error(`Migrations must be numbered 1..n without gaps; found ${m.id} at position ${i + 1}`);
  });
}

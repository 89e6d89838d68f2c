// Runs in: main (Electron-free). Owns: opening a workspace's SQLite file with the pragmas every connection needs.
import Database from 'better-sqlite3';

export type Db = Database.Database;

export interface OpenDbOptions {
  /** Path to a better_sqlite3.node built for the running ABI (the Electron shell passes its own). */
  nativeBinding?: string;
  readonly?: boolean;
}

export function openDb(file: string, opts: OpenDbOptions = {}): Db {
  const db = new Database(file, {
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    ...(opts.readonly ? { readonly: true } : {}),
  });
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // NORMAL is durable across application crashes in WAL mode; only an OS crash may lose the last commits.
  db.pragma('synchronous = NORMAL');
  // Erased personal data must not linger in free pages (privacy erase relies on it).
  db.pragma('secure_delete = ON');
  return db;
}

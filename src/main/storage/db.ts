// Runs in: main (Electron-free). Owns: opening a workspace's SQLite file with the pragmas every connection needs.
import Database from 'better-sqlite3';
import { openFailure } from './errors.js';

export type Db = Database.Database;

export interface OpenDbOptions {
  /** Path to a better_sqlite3.node built for the running ABI (the Electron shell passes its own). */
  nativeBinding?: string;
  readonly?: boolean;
}

/** Opens `file`; a damaged, locked or unwritable file is refused with an AppError that names it (errors.ts). */
export function openDb(file: string, opts: OpenDbOptions = {}): Db {
  let db: Db | undefined;
  try {
    db = new Database(file, {
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
      ...(opts.readonly ? { readonly: true } : {}),
    });
    configure(db);
    // Reads the schema page: a file that is not SQLite, or whose schema is damaged, fails here, not mid-sync.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (err) {
    db?.close();
    throw openFailure(err, file) ?? err;
  }
}

function configure(db: Db): void {
  // First, so a lock held by another program is waited for (5 s) before the next pragmas give up.
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // NORMAL is durable across application crashes in WAL mode; only an OS crash may lose the last commits.
  db.pragma('synchronous = NORMAL');
  // Erased personal data must not linger in free pages (privacy erase relies on it).
  db.pragma('secure_delete = ON');
}

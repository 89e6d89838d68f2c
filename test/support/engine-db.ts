// Runs in: vitest. Owns: a real workspace database with one store, one account and N connections.
import { join } from 'node:path';
import { openDb, type Db } from '../../src/main/storage/db.js';
import { migrate } from '../../src/main/storage/migrate.js';
import { migrations } from '../../src/main/storage/migrations/index.js';
import { tempDir } from './temp.js';

export function engineDb(connections = ['conn-a']): Db {
  const db = openDb(join(tempDir(), 'w.db'));
  migrate(db, migrations, 'test');
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO stores (id, name, store_hash, api_base_url, token_hint, demo, created_at) VALUES ('store-1', 'S', 'abc', 'http://x', '', 0, ?)`,
  ).run(now);
  db.prepare(
    `INSERT INTO platform_accounts (id, platform, name, created_at) VALUES ('acct-1', 'file', 'Files', ?)`,
  ).run(now);
  for (const c of connections) {
    db.prepare(
      `INSERT INTO connections (id, store_id, account_id, name, created_at) VALUES (?, 'store-1', 'acct-1', ?, ?)`,
    ).run(c, c, now);
  }
  return db;
}

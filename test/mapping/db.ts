// Runs in: vitest. Owns: a real workspace database with migration 4 applied the way engine-db applies 1-3,
// plus helpers to add stores, connections and staged records.
import { createHash } from 'node:crypto';
import type { Db } from '../../src/main/storage/db.js';
import { migrate } from '../../src/main/storage/migrate.js';
import { migrations } from '../../src/main/storage/migrations/index.js';
import { m004 } from '../../src/main/storage/migrations/004-mappings.js';
import { engineDb } from '../support/engine-db.js';

export function mappingDb(): Db {
  const db = engineDb([]);
  // Until migration 4 is registered in the index, apply it after the registered ones.
  const all = migrations.some((m) => m.id === 4) ? migrations : [...migrations, m004];
  migrate(db, all, 'test');
  return db;
}

export function addStoreWithConnection(db: Db, storeId: string, connectionId: string): void {
  const now = new Date().toISOString();
  if (storeId !== 'store-1') {
    db.prepare(
      `INSERT INTO stores (id, name, store_hash, api_base_url, token_hint, demo, created_at) VALUES (?, ?, ?, 'http://x', '', 0, ?)`,
    ).run(storeId, storeId, storeId.replace(/\W/g, ''), now);
  }
  db.prepare(
    `INSERT INTO connections (id, store_id, account_id, name, created_at) VALUES (?, ?, 'acct-1', ?, ?)`,
  ).run(connectionId, storeId, connectionId, now);
}

export function stage(
  db: Db,
  storeId: string,
  resource: string,
  records: Array<Record<string, unknown>>,
): void {
  const insert = db.prepare(
    `INSERT INTO staging (store_id, resource, record_id, date_modified, kind, payload, content_hash, extracted_at)
     VALUES (?, ?, ?, ?, 'upsert', ?, ?, ?)`,
  );
  for (const r of records) {
    const payload = JSON.stringify(r);
    const hash = createHash('sha256').update(payload).digest('hex');
    insert.run(
      storeId,
      resource,
      String(r['id']),
      String(r['date_modified']),
      payload,
      hash,
      new Date().toISOString(),
    );
  }
}

// Runs in: main (Electron-free). Owns: the stores table (rows only; the token is in the keychain).
import type { Db } from '../storage/db.js';

export interface StoreRow {
  id: string;
  name: string;
  store_hash: string;
  api_base_url: string;
  token_hint: string;
  demo: 0 | 1;
  created_at: string;
}

export class StoreRepo {
  constructor(private readonly db: Db) {}

  list(): StoreRow[] {
    return this.db.prepare('SELECT * FROM stores ORDER BY created_at, rowid').all() as StoreRow[];
  }

  get(id: string): StoreRow | undefined {
    return this.db.prepare('SELECT * FROM stores WHERE id = ?').get(id) as StoreRow | undefined;
  }

  findByHash(apiBaseUrl: string, storeHash: string): StoreRow | undefined {
    return this.db
      .prepare('SELECT * FROM stores WHERE api_base_url = ? AND store_hash = ?')
      .get(apiBaseUrl, storeHash) as StoreRow | undefined;
  }

  insert(row: StoreRow): void {
    this.db
      .prepare(
        `INSERT INTO stores (id, name, store_hash, api_base_url, token_hint, demo, created_at)
         VALUES (@id, @name, @store_hash, @api_base_url, @token_hint, @demo, @created_at)`,
      )
      .run(row);
  }

  rename(id: string, name: string): boolean {
    return this.db.prepare('UPDATE stores SET name = ? WHERE id = ?').run(name, id).changes === 1;
  }

  relocate(id: string, apiBaseUrl: string): boolean {
    return (
      this.db.prepare('UPDATE stores SET api_base_url = ? WHERE id = ?').run(apiBaseUrl, id).changes === 1
    );
  }

  setTokenHint(id: string, hint: string): boolean {
    return this.db.prepare('UPDATE stores SET token_hint = ? WHERE id = ?').run(hint, id).changes === 1;
  }

  remove(id: string): boolean {
    return this.db.prepare('DELETE FROM stores WHERE id = ?').run(id).changes === 1;
  }
}

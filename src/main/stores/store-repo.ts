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
  /** The store's own country (ISO 3166-1 alpha-2) from BigCommerce; null until first read. */
  country_code?: string | null;
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

  /** The country kept for the store; undefined while it has not been read. */
  country(id: string): string | undefined {
    const row = this.db.prepare('SELECT country_code FROM stores WHERE id = ?').get(id) as
      { country_code: string | null } | undefined;
    return row?.country_code ?? undefined;
  }

  setCountry(id: string, countryCode: string): boolean {
    return (
      this.db.prepare('UPDATE stores SET country_code = ? WHERE id = ?').run(countryCode, id).changes === 1
    );
  }

  remove(id: string): boolean {
    return this.db.prepare('DELETE FROM stores WHERE id = ?').run(id).changes === 1;
  }
}

// Runs in: the engine worker. Owns: a StoreSource that reads nothing from BigCommerce and reports what is
// already staged, so a sync plans and delivers staged records only (offline re-export, engine benchmarks).
import type { Db } from '../../storage/db.js';
import type { StoreSource } from '../sync-engine.js';

export class StagedOnlySource implements StoreSource {
  constructor(private readonly db: Db) {}

  refresh(storeId: string): Promise<{ staged: number }> {
    const row = this.db.prepare('SELECT count(*) AS n FROM staging WHERE store_id = ?').get(storeId) as {
      n: number;
    };
    return Promise.resolve({ staged: row.n });
  }
}

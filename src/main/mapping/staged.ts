// Runs in: main (Electron-free). Owns: reading a store's most recent staged records (the latest version of
// each) for the preview and for discovering custom fields.
import type { Db } from '../storage/db.js';

export function latestStaged(
  db: Db,
  storeId: string,
  resource: 'customers' | 'orders',
  limit: number,
): unknown[] {
  // Several versions of one record may be staged; the newest stands for it.
  const rows = db
    .prepare(
      `SELECT record_id, payload FROM staging WHERE store_id = ? AND resource = ? AND kind = 'upsert'
       ORDER BY seq DESC LIMIT ?`,
    )
    .all(storeId, resource, limit * 4) as Array<{ record_id: string; payload: string }>;
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const r of rows) {
    if (seen.has(r.record_id)) continue;
    seen.add(r.record_id);
    out.push(JSON.parse(r.payload) as unknown);
    if (out.length >= limit) break;
  }
  return out;
}

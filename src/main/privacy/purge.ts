// Runs in: main (Electron-free). Owns: the post-extract guard: staged records of suppressed (erased) people are
// scrubbed again right after a sync stages them, so a historical re-read of BigCommerce does not bring them back.
import type { Db } from '../storage/db.js';
import { compact, scrubWorkspace } from './scrub.js';
import type { SuppressionList } from './suppression.js';

function emailsOf(payload: string): string[] {
  const d = JSON.parse(payload) as { email?: unknown; billing_address?: { email?: unknown } };
  return [d.email, d.billing_address?.email].filter(
    (e): e is string => typeof e === 'string' && e.includes('@'),
  );
}

/** Returns how many people were purged; compacts the databases only when something was. */
export function purgeSuppressed(
  db: Db,
  events: Db,
  list: SuppressionList,
  storeId: string,
  sinceSeq = 0,
): number {
  if (list.size() === 0) return 0;
  const rows = db
    .prepare(`SELECT payload FROM staging WHERE store_id = ? AND kind = 'upsert' AND seq > ?`)
    .all(storeId, sinceSeq) as { payload: string }[];
  const found = new Set<string>();
  for (const r of rows)
    for (const e of emailsOf(r.payload)) if (list.isSuppressed(storeId, e)) found.add(e.toLowerCase());
  for (const e of found) scrubWorkspace(db, events, e);
  if (found.size) {
    compact(db);
    compact(events);
  }
  return found.size;
}

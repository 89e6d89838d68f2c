// Runs in: main (Electron-free). Owns: reading BigCommerce's consent from staged subscribers into the ledger.
// A storefront or checkout subscription is the person's own act; an API/import row ('custom') is not, nor an
// existing row edited back to subscribed.
import type { Db } from '../storage/db.js';
import type { ConsentLedger } from './ledger.js';

interface StagedSub {
  email?: string;
  source?: string;
  consents?: string[];
  date_created?: string;
  date_modified?: string;
}

/** Records the latest staged state of every subscriber of the store; returns how many facts were new. */
export function observeStagedSubscribers(db: Db, ledger: ConsentLedger, storeId: string): number {
  const rows = db
    .prepare(
      `SELECT payload FROM staging s WHERE store_id = ? AND resource = 'subscribers' AND kind = 'upsert'
       AND seq = (SELECT max(seq) FROM staging t WHERE t.store_id = s.store_id AND t.resource = s.resource AND t.record_id = s.record_id)`,
    )
    .all(storeId) as { payload: string }[];
  let recorded = 0;
  for (const r of rows) {
    const s = JSON.parse(r.payload) as StagedSub;
    if (!s.email?.includes('@')) continue;
    const at = Date.parse(s.date_modified ?? '');
    const state = s.consents?.includes('marketing_newsletter') ? 'subscribed' : 'unsubscribed';
    const prev = ledger.person(storeId, s.email).bySource['bigcommerce'];
    // A row re-read with the same consent (a name edit, a re-sync) is not a new consent action.
    if (prev?.state === state) continue;
    // `source` says how the row was created, not who changed it since: an existing row edited back to
    // subscribed (by the API, an import or the admin) cannot be attributed to the person, so it raises nothing.
    const reRaised =
      state === 'subscribed' && prev !== undefined && !(Date.parse(s.date_created ?? '') > prev.at);
    const explicit = (s.source === 'storefront' || s.source === 'order') && !reRaised;
    const ok = ledger.record({
      storeId,
      email: s.email,
      channel: 'email',
      source: 'bigcommerce',
      state,
      mechanism: explicit
        ? `BigCommerce ${s.source === 'order' ? 'checkout box' : 'storefront form'}`
        : reRaised
          ? 'BigCommerce subscriber edited back to subscribed (API, import or admin)'
          : 'BigCommerce subscriber created by API or import',
      actor: explicit ? 'person' : 'system',
      explicit,
      at: Number.isNaN(at) ? 0 : at,
    });
    if (ok) recorded++;
  }
  return recorded;
}

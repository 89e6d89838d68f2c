// Runs in: main (Electron-free). Owns: the impact preview before a historical sync, from staging, the ledger
// and the deliveries ledger: "N contacts created, M subscribed, K stay unsubscribed, D double opt-in emails".
import type { Db } from '../storage/db.js';
import type { ConsentLedger } from './ledger.js';
import { normaliseEmail } from './ledger.js';
import { grants } from './rule.js';

export interface ImpactPreview {
  connectionId: string;
  people: number;
  created: number;
  subscribed: number;
  stayUnsubscribed: number;
  doubleOptInEmails: number;
  /** People left out because they were erased (suppression list). */
  suppressed: number;
  summary: string;
}

interface Person {
  records: Array<[string, string]>;
  bcSubscribed: boolean;
}

/** Whether a connection's settings make the platform send a confirmation email to new subscribers. */
export function usesDoubleOptIn(settings: unknown): boolean {
  const s = (settings ?? {}) as Record<string, unknown>;
  return s['doubleOptIn'] === true || s['enforceDoubleOptIn'] === true;
}

export function impactPreview(
  db: Db,
  ledger: ConsentLedger,
  o: {
    storeId: string;
    connectionId: string;
    settings: unknown;
    isSuppressed?: (storeId: string, email: string) => boolean;
  },
): ImpactPreview {
  const rows = db
    .prepare(
      `SELECT resource, record_id, payload FROM staging s WHERE store_id = ? AND resource IN ('customers', 'subscribers')
       AND kind = 'upsert' AND seq = (SELECT max(seq) FROM staging t WHERE t.store_id = s.store_id
       AND t.resource = s.resource AND t.record_id = s.record_id)`,
    )
    .all(o.storeId) as Array<{ resource: string; record_id: string; payload: string }>;
  const people = new Map<string, Person>();
  for (const r of rows) {
    const d = JSON.parse(r.payload) as { email?: string; consents?: string[] };
    if (!d.email?.includes('@')) continue;
    const email = normaliseEmail(d.email);
    const p = people.get(email) ?? { records: [], bcSubscribed: false };
    p.records.push([r.resource === 'customers' ? 'customer' : 'subscriber', r.record_id]);
    if (r.resource === 'subscribers' && d.consents?.includes('marketing_newsletter')) p.bcSubscribed = true;
    people.set(email, p);
  }
  const delivered = db.prepare(
    'SELECT 1 FROM deliveries WHERE connection_id = ? AND entity_type = ? AND entity_id = ? LIMIT 1',
  );
  const doi = usesDoubleOptIn(o.settings);
  const out = { created: 0, subscribed: 0, stayUnsubscribed: 0, doubleOptInEmails: 0, suppressed: 0 };
  for (const [email, p] of people) {
    if (o.isSuppressed?.(o.storeId, email)) {
      out.suppressed++;
      continue;
    }
    const isNew = !p.records.some(([t, id]) => delivered.get(o.connectionId, t, id));
    if (isNew) out.created++;
    const eff = ledger.person(o.storeId, email).effective.state;
    // The ledger's verdict outranks BigCommerce's flag when it says no (an opt-out made on a platform).
    const allowed = eff === 'none' ? p.bcSubscribed : grants(eff);
    if (allowed) {
      out.subscribed++;
      if (isNew && doi) out.doubleOptInEmails++;
    } else out.stayUnsubscribed++;
  }
  return {
    connectionId: o.connectionId,
    people: people.size,
    ...out,
    summary:
      `${out.created} contacts created, ${out.subscribed} subscribed, ${out.stayUnsubscribed} stay unsubscribed, ` +
      `${out.doubleOptInEmails} double opt-in emails` +
      (out.suppressed ? ` (${out.suppressed} erased people left out)` : ''),
  };
}

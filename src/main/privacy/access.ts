// Runs in: main (Electron-free). Owns: an access request: everything the workspace holds about one person, as
// one JSON-ready object (consent facts, staged records, queued jobs, deliveries, events, suppression, erasures).
import type { Db } from '../storage/db.js';
import type { SuppressionList } from './suppression.js';
import { recordsHolding } from './scrub.js';
import { normaliseEmail } from './subject.js';

export interface AccessExport {
  email: string;
  generatedAt: string;
  consentFacts: unknown[];
  records: Array<{
    storeId: string;
    resource: string;
    id: string;
    versions: Array<{ dateModified: string; data: unknown }>;
  }>;
  jobs: unknown[];
  deliveries: unknown[];
  events: unknown[];
  suppressed: boolean;
  eraseRequests: unknown[];
}

const parse = (s: string | null): unknown => (s === null ? null : (JSON.parse(s) as unknown));

export function accessExport(
  db: Db,
  events: Db,
  suppression: SuppressionList,
  rawEmail: string,
  now: number,
): AccessExport {
  const email = normaliseEmail(rawEmail);
  const recs = recordsHolding(db, email);
  const records = recs.map((r) => ({
    storeId: r.store_id,
    resource: r.resource,
    id: r.record_id,
    versions: (
      db
        .prepare(
          'SELECT date_modified, payload FROM staging WHERE store_id = ? AND resource = ? AND record_id = ? ORDER BY seq',
        )
        .all(r.store_id, r.resource, r.record_id) as Array<{ date_modified: string; payload: string }>
    ).map((v) => ({ dateModified: v.date_modified, data: parse(v.payload) })),
  }));
  const ids = [...new Set(recs.map((r) => r.record_id))];
  const jobs = (
    db
      .prepare(
        `SELECT id, connection_id, entity_type, entity_id, kind, status, payload, created_at FROM jobs
         WHERE instr(lower(payload), ?) > 0 OR lower(contact_key) = ?`,
      )
      .all(email, email) as Array<Record<string, unknown> & { payload: string }>
  ).map((j) => ({ ...j, payload: parse(j.payload) }));
  const byPayload = db
    .prepare(`SELECT * FROM deliveries WHERE instr(lower(coalesce(payload, '')), ?) > 0`)
    .all(email) as Array<Record<string, unknown>>;
  const byRecord = ids.length
    ? (db
        .prepare(
          `SELECT d.* FROM deliveries d JOIN connections c ON c.id = d.connection_id
           WHERE d.entity_type != 'product' AND d.entity_id IN (${ids.map(() => '?').join(',')}) AND c.store_id IN (${recs.map(() => '?').join(',')})`,
        )
        .all(...ids, ...recs.map((r) => r.store_id)) as Array<Record<string, unknown>>)
    : [];
  const seen = new Set<string>();
  const deliveries = [...byRecord, ...byPayload].filter((d) => {
    const k = `${String(d['connection_id'])}|${String(d['entity_type'])}|${String(d['entity_id'])}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
  const evs = (
    events
      .prepare(
        `SELECT * FROM events WHERE instr(lower(message), ?) > 0 OR instr(lower(coalesce(payload, '')), ?) > 0
         ${ids.length ? `OR record_id IN (${ids.map(() => '?').join(',')})` : ''} ORDER BY id`,
      )
      .all(email, email, ...ids) as Array<Record<string, unknown> & { payload: string | null }>
  ).map((e) => ({ ...e, payload: parse(e.payload) }));
  const hash = suppression.hash(email);
  return {
    email,
    generatedAt: new Date(now).toISOString(),
    consentFacts: db.prepare('SELECT * FROM consent_facts WHERE email = ? ORDER BY at, id').all(email),
    records,
    jobs,
    deliveries,
    events: evs,
    suppressed: (db.prepare('SELECT 1 FROM suppressions WHERE subject_hash = ?').get(hash) ?? null) !== null,
    eraseRequests: db
      .prepare('SELECT id, requested_at, completed_at FROM erase_requests WHERE subject_hash = ?')
      .all(hash),
  };
}

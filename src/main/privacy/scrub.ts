// Runs in: main (Electron-free). Owns: removing a person's local copies from the workspace database (queue rows,
// staging and the records they belong to, extract_records, deliveries, consent facts) and the event log
// (events and their full-text index).
import type { Db } from '../storage/db.js';
import { normaliseEmail } from './subject.js';

export interface ScrubSummary {
  jobs: number;
  staging: number;
  extractRecords: number;
  deliveries: number;
  consentFacts: number;
  events: number;
}

/** The entity types connectors plan from each staged resource (see each connector's plan). */
const ENTITY_TYPES: Record<string, string[]> = {
  customers: ['customer', 'contact', 'consent', 'enrolment'],
  subscribers: ['subscriber', 'contact', 'consent', 'enrolment'],
  orders: ['order', 'purchase', 'order-contact', 'guest'],
  carts: ['cart', 'cart-contact'],
  products: ['product'],
};

const has = (col: string) => `instr(lower(${col}), ?) > 0`;

/** The staged records (any resource: customers, subscribers, orders, carts) whose payload holds the email. */
export function recordsHolding(
  db: Db,
  email: string,
): Array<{ store_id: string; resource: string; record_id: string }> {
  return db
    .prepare(`SELECT DISTINCT store_id, resource, record_id FROM staging WHERE ${has('payload')}`)
    .all(normaliseEmail(email)) as Array<{ store_id: string; resource: string; record_id: string }>;
}

export function scrubWorkspace(db: Db, events: Db, email: string): ScrubSummary {
  const e = normaliseEmail(email);
  const records = recordsHolding(db, e);
  const ids = [...new Set(records.map((r) => r.record_id))];
  const sum = db.transaction((): Omit<ScrubSummary, 'events'> => {
    const jobs = db
      .prepare(
        `DELETE FROM jobs WHERE ${has('payload')} OR lower(contact_key) = ? OR ${has("coalesce(last_error, '')")}`,
      )
      .run(e, e, e).changes;
    let staging = 0;
    let extractRecords = 0;
    const delStaging = db.prepare(
      'DELETE FROM staging WHERE store_id = ? AND resource = ? AND record_id = ?',
    );
    const delExtract = db.prepare(
      'DELETE FROM extract_records WHERE store_id = ? AND resource = ? AND record_id = ?',
    );
    for (const r of records) {
      staging += delStaging.run(r.store_id, r.resource, r.record_id).changes;
      extractRecords += delExtract.run(r.store_id, r.resource, r.record_id).changes;
    }
    // Entity ids are the store's record ids, so the person's deliveries are the ones of their records; the
    // entity type keeps an order's id from taking a customer's delivery with it. Unknown types go too.
    const known = [...new Set(Object.values(ENTITY_TYPES).flat())];
    const delDelivery = db.prepare(
      `DELETE FROM deliveries WHERE connection_id IN (SELECT id FROM connections WHERE store_id = ?) AND entity_id = ?
       AND (entity_type IN (SELECT value FROM json_each(?)) OR entity_type NOT IN (SELECT value FROM json_each(?)))`,
    );
    let deliveries = db
      .prepare(
        `DELETE FROM deliveries WHERE lower(entity_id) = ? OR lower(coalesce(remote_id, '')) = ? OR ${has("coalesce(payload, '')")}`,
      )
      .run(e, e, e).changes;
    for (const r of records)
      deliveries += delDelivery.run(
        r.store_id,
        r.record_id,
        JSON.stringify(ENTITY_TYPES[r.resource] ?? []),
        JSON.stringify(known),
      ).changes;
    const consentFacts = db.prepare('DELETE FROM consent_facts WHERE email = ?').run(e).changes;
    return { jobs, staging, extractRecords, deliveries, consentFacts };
  })();
  const eventIds = events.transaction(() => {
    let n = events
      .prepare(
        `DELETE FROM events WHERE ${has('message')} OR ${has("coalesce(payload, '')")} OR ${has("coalesce(record_id, '')")}`,
      )
      .run(e, e, e).changes;
    const byRecord = events.prepare('DELETE FROM events WHERE record_id = ?');
    for (const id of ids) n += byRecord.run(id).changes;
    return n;
  })();
  // Merging the index drops the deleted rows' tokens from its segments instead of leaving them marked deleted.
  events.exec("INSERT INTO events_fts(events_fts) VALUES ('optimize')");
  return { ...sum, events: eventIds };
}

/** Any text cell still holding the email, per table: should be none; a leftover is reported, never hidden. */
export function remainingTraces(db: Db, email: string): Array<{ table: string; rows: number }> {
  const e = normaliseEmail(email);
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'",
    )
    .all() as { name: string }[];
  const out: Array<{ table: string; rows: number }> = [];
  for (const { name } of tables) {
    const cols = (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((c) => c.name);
    if (cols.length === 0) continue;
    const where = cols.map((c) => `instr(lower(CAST("${c}" AS TEXT)), ?) > 0`).join(' OR ');
    const { n } = db
      .prepare(`SELECT count(*) AS n FROM "${name}" WHERE ${where}`)
      .get(...cols.map(() => e)) as {
      n: number;
    };
    if (n > 0) out.push({ table: name, rows: n });
  }
  return out;
}

/**
 * Zeroes what deletes leave behind: free pages (secure_delete, VACUUM) and the write-ahead log (checkpoint
 * and truncate before and after, since VACUUM itself goes through the WAL).
 */
export function compact(db: Db): { checkpointed: boolean } {
  db.pragma('secure_delete = ON');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('VACUUM');
  const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
  return { checkpointed: (r?.busy ?? 1) === 0 };
}

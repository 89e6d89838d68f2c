// Runs in: main (Electron-free). Owns: one erase request: every connected platform through its connector's own
// mechanism, BigCommerce when asked, the local copies, the suppression list, and the audit trail (a salted hash
// and receipts: never the email).
import { randomUUID } from 'node:crypto';
import type { Db } from '../storage/db.js';
import type { Clock } from '../core/clock.js';
import type { Systems } from '../consent/systems.js';
import { deletePerson } from '../consent/bc-consent.js';
import { compact, remainingTraces, scrubWorkspace, type ScrubSummary } from './scrub.js';
import { exportedFilesHolding, type ExportedFile } from './exports.js';
import type { SuppressionList } from './suppression.js';
import { normaliseEmail } from './subject.js';

export interface Receipt {
  system: string;
  connectionId: string | null;
  outcome: 'erased' | 'anonymised' | 'not_found' | 'failed' | 'skipped';
  detail: string;
  at: number;
}

export interface EraseOutcome {
  requestId: string;
  subjectHash: string;
  receipts: Receipt[];
  local: ScrubSummary;
  exportedFiles: ExportedFile[];
  /** Tables still holding the email after the scrub (should be empty). */
  remaining: Array<{ db: 'workspace' | 'events'; table: string; rows: number }>;
  walTruncated: boolean;
}

export interface EraseDeps {
  db: Db;
  events: Db;
  systems: Systems;
  suppression: SuppressionList;
  clock: Clock;
}

/** Receipts are kept: whatever a platform answered, the email must not be in them. */
const clean = (text: string, email: string): string =>
  text.replace(new RegExp(email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), '[erased person]');

export async function erasePerson(
  d: EraseDeps,
  rawEmail: string,
  o: { bigcommerce?: boolean; signal?: AbortSignal } = {},
): Promise<EraseOutcome> {
  const email = normaliseEmail(rawEmail);
  if (!email.includes('@')) throw new Error(`"${rawEmail}" is not an email address.`);
  const requestId = randomUUID();
  const subjectHash = d.suppression.hash(email);
  d.db
    .prepare(
      'INSERT INTO erase_requests (id, subject_hash, include_bigcommerce, requested_at) VALUES (?, ?, ?, ?)',
    )
    .run(requestId, subjectHash, o.bigcommerce ? 1 : 0, d.clock.now());
  // Suppress first: a sync running meanwhile must not re-send the person.
  d.suppression.add(email, `erase request ${requestId}`, d.clock.now());
  const receipts: Receipt[] = [];
  const signal = o.signal ?? new AbortController().signal;
  const conns = d.systems.connections();
  for (const s of conns) {
    const system = `${s.label} (${s.connectionId})`;
    if (!s.connector.erase) {
      receipts.push({
        system,
        connectionId: s.connectionId,
        outcome: 'skipped',
        detail:
          s.platform === 'file'
            ? 'file export: see the listed files'
            : 'this connector has no erase mechanism',
        at: d.clock.now(),
      });
      continue;
    }
    try {
      const r = await s.connector.erase(await s.context(signal), email);
      receipts.push({ system, connectionId: s.connectionId, outcome: r.outcome, detail: r.detail, at: r.at });
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      receipts.push({ system, connectionId: s.connectionId, outcome: 'failed', detail, at: d.clock.now() });
    }
  }
  if (o.bigcommerce) {
    for (const storeId of d.systems.storeIds()) {
      try {
        const n = await deletePerson(await d.systems.bigcommerce(storeId), email);
        const total = n.customers + n.subscribers;
        receipts.push({
          system: `BigCommerce (${storeId})`,
          connectionId: null,
          outcome: total ? 'erased' : 'not_found',
          detail: `deleted ${n.customers} customer(s), ${n.subscribers} subscriber(s); orders are kept by BigCommerce`,
          at: d.clock.now(),
        });
      } catch (err) {
        const detail = err instanceof Error ? err.message : String(err);
        receipts.push({
          system: `BigCommerce (${storeId})`,
          connectionId: null,
          outcome: 'failed',
          detail,
          at: d.clock.now(),
        });
      }
    }
  }
  const exportedFiles = exportedFilesHolding(conns, email);
  const local = scrubWorkspace(d.db, d.events, email);
  receipts.push({
    system: 'Storebridge workspace',
    connectionId: null,
    outcome: 'erased',
    detail: Object.entries(local)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', '),
    at: d.clock.now(),
  });
  const insert = d.db.prepare(
    'INSERT INTO erase_receipts (request_id, system, connection_id, outcome, detail, at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const r of receipts) {
    r.detail = clean(r.detail, email);
    insert.run(requestId, r.system, r.connectionId, r.outcome, r.detail, r.at);
  }
  d.db
    .prepare('UPDATE erase_requests SET completed_at = ?, local_summary = ? WHERE id = ?')
    .run(d.clock.now(), JSON.stringify({ ...local, exportedFiles: exportedFiles.length }), requestId);
  const remaining = [
    ...remainingTraces(d.db, email).map((r) => ({ db: 'workspace' as const, ...r })),
    ...remainingTraces(d.events, email).map((r) => ({ db: 'events' as const, ...r })),
  ];
  const a = compact(d.db);
  const b = compact(d.events);
  return {
    requestId,
    subjectHash,
    receipts,
    local,
    exportedFiles,
    remaining,
    walTruncated: a.checkpointed && b.checkpointed,
  };
}

/** The audit trail: requests and their receipts, with no personal data. */
export function auditTrail(db: Db): Array<{
  id: string;
  subjectHash: string;
  requestedAt: number;
  completedAt: number | null;
  receipts: Receipt[];
}> {
  const reqs = db.prepare('SELECT * FROM erase_requests ORDER BY requested_at DESC').all() as Array<{
    id: string;
    subject_hash: string;
    requested_at: number;
    completed_at: number | null;
  }>;
  const rec = db.prepare(
    'SELECT system, connection_id AS connectionId, outcome, detail, at FROM erase_receipts WHERE request_id = ? ORDER BY rowid',
  );
  return reqs.map((r) => ({
    id: r.id,
    subjectHash: r.subject_hash,
    requestedAt: r.requested_at,
    completedAt: r.completed_at,
    receipts: rec.all(r.id) as Receipt[],
  }));
}

// Runs in: main (Electron-free). Owns: the event log: one row per page, batch, state change and failed or
// retried record; queries with filters and full-text search; a record's timeline; retention by age and size.
import type { Db } from '../storage/db.js';
import { openDb } from '../storage/db.js';
import { migrate } from '../storage/migrate.js';
import type { Clock } from '../core/clock.js';
import { redact } from './redact.js';
import { eventLogMigrations } from './schema.js';

export type EventLevel = 'debug' | 'info' | 'warn' | 'error';

export interface NewEvent {
  level: EventLevel;
  /** Dotted kind: `extract.page`, `delivery.batch`, `delivery.retry`, `delivery.dead`, `connection.offline` … */
  type: string;
  message: string;
  storeId?: string;
  connectionId?: string;
  platform?: string;
  recordType?: string;
  recordId?: string;
  payload?: unknown;
}

export interface LoggedEvent extends Required<Pick<NewEvent, 'level' | 'type' | 'message'>> {
  id: number;
  at: number;
  storeId: string | null;
  connectionId: string | null;
  platform: string | null;
  recordType: string | null;
  recordId: string | null;
  payload: unknown;
}

/** A row of the console's list: everything but the payload, and whether there is one. */
export interface EventSummary extends Omit<LoggedEvent, 'payload'> {
  hasPayload: boolean;
}

export interface EventQuery {
  storeId?: string;
  connectionId?: string;
  platform?: string;
  type?: string;
  level?: EventLevel;
  recordType?: string;
  recordId?: string;
  /** Full-text search over message, record id and payload. */
  text?: string;
  /** Only events with a smaller id (paging backwards). */
  beforeId?: number;
  limit?: number;
}

export interface EventLogOptions {
  clock: Clock;
  maskPii: () => boolean;
  retention?: { maxAgeMs: number; maxRows: number };
  onAppend?: (events: LoggedEvent[]) => void;
  nativeBinding?: string;
}

export class EventLog {
  readonly db: Db;
  private readonly insert;

  constructor(
    file: string,
    private readonly opts: EventLogOptions,
  ) {
    this.db = openDb(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
    migrate(this.db, eventLogMigrations, 'events');
    this.insert = this.db.prepare(
      `INSERT INTO events (at, level, type, store_id, connection_id, platform, record_type, record_id, message, payload)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    );
  }

  append(...events: NewEvent[]): LoggedEvent[] {
    const at = this.opts.clock.now();
    const maskPii = this.opts.maskPii();
    const logged = this.db.transaction(() =>
      events.map((e): LoggedEvent => {
        const payload = e.payload === undefined ? null : redact(e.payload, { maskPii });
        const { id } = this.insert.get(
          at,
          e.level,
          e.type,
          e.storeId ?? null,
          e.connectionId ?? null,
          e.platform ?? null,
          e.recordType ?? null,
          e.recordId ?? null,
          e.message,
          payload === null ? null : JSON.stringify(payload),
        ) as { id: number };
        return {
          id,
          at,
          level: e.level,
          type: e.type,
          message: e.message,
          storeId: e.storeId ?? null,
          connectionId: e.connectionId ?? null,
          platform: e.platform ?? null,
          recordType: e.recordType ?? null,
          recordId: e.recordId ?? null,
          payload,
        };
      }),
    )();
    this.opts.onAppend?.(logged);
    return logged;
  }

  /** Newest first, with payloads (for code that reads them; the console's list uses `list`). */
  query(q: EventQuery = {}): LoggedEvent[] {
    const { sql, args } = pageSql('e.*', q);
    return (this.db.prepare(sql).all(...args) as Row[]).map(fromRow);
  }

  /**
   * Newest first, without payloads: a page of the console's list. Payloads are most of a row's size and the
   * list never shows them, so they are neither read, parsed nor sent; the viewer asks for one with `get`.
   */
  list(q: EventQuery = {}): EventSummary[] {
    const { sql, args } = pageSql(summaryColumns, q);
    return (this.db.prepare(sql).all(...args) as SummaryRow[]).map(fromSummaryRow);
  }

  /** One event with its payload, or null once retention has dropped it. */
  get(id: number): LoggedEvent | null {
    const row = this.db.prepare('SELECT * FROM events WHERE id = ?').get(id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Everything about one record, oldest first. */
  timeline(recordType: string, recordId: string): LoggedEvent[] {
    return (
      this.db
        .prepare('SELECT * FROM events WHERE record_type = ? AND record_id = ? ORDER BY id')
        .all(recordType, recordId) as Row[]
    ).map(fromRow);
  }

  /** Drops events older than the retention age, then the oldest beyond the row cap. */
  prune(): number {
    const r = this.opts.retention ?? { maxAgeMs: 30 * 86_400_000, maxRows: 2_000_000 };
    const byAge = this.db
      .prepare('DELETE FROM events WHERE at < ?')
      .run(this.opts.clock.now() - r.maxAgeMs).changes;
    const max = (this.db.prepare('SELECT max(id) AS m FROM events').get() as { m: number | null }).m ?? 0;
    const bySize = this.db.prepare('DELETE FROM events WHERE id <= ?').run(max - r.maxRows).changes;
    return byAge + bySize;
  }

  close(): void {
    this.db.close();
  }
}

/** Each word becomes a quoted prefix term, so user input can never be FTS5 syntax. */
function ftsQuery(text: string): string {
  return text
    .trim()
    .split(/\s+/)
    .slice(0, 10)
    .map((w) => `"${w.replace(/"/g, '""')}"*`)
    .join(' ');
}

/**
 * One page, newest first; every filter is a bound parameter. A search walks the full-text index newest first
 * and stops when the page is full, instead of collecting every match of a common word before paging.
 */
function pageSql(columns: string, q: EventQuery): { sql: string; args: unknown[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  const eq = (col: string, v: unknown) => {
    if (v !== undefined) {
      where.push(`e.${col} = ?`);
      args.push(v);
    }
  };
  const text = q.text?.trim() ? ftsQuery(q.text) : undefined;
  const id = text ? 'f.rowid' : 'e.id';
  if (text) {
    where.push('f.events_fts MATCH ?');
    args.push(text);
  }
  eq('store_id', q.storeId);
  eq('connection_id', q.connectionId);
  eq('platform', q.platform);
  eq('type', q.type);
  eq('level', q.level);
  eq('record_type', q.recordType);
  eq('record_id', q.recordId);
  if (q.beforeId !== undefined) {
    where.push(`${id} < ?`);
    args.push(q.beforeId);
  }
  // CROSS JOIN keeps the search index as the outer loop, read in rowid (= event id) order.
  const from = text ? 'events_fts f CROSS JOIN events e ON e.id = f.rowid' : 'events e';
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  args.push(Math.min(q.limit ?? 200, 5000));
  return { sql: `SELECT ${columns} FROM ${from} ${filter} ORDER BY ${id} DESC LIMIT ?`, args };
}

interface Row {
  id: number;
  at: number;
  level: EventLevel;
  type: string;
  store_id: string | null;
  connection_id: string | null;
  platform: string | null;
  record_type: string | null;
  record_id: string | null;
  message: string;
  payload: string | null;
}

function fromRow(r: Row): LoggedEvent {
  const { hasPayload: _listed, ...shown } = fromSummaryRow({ ...r, has_payload: 0 });
  return { ...shown, payload: r.payload === null ? null : (JSON.parse(r.payload) as unknown) };
}

const summaryColumns =
  'e.id, e.at, e.level, e.type, e.store_id, e.connection_id, e.platform, e.record_type, e.record_id, e.message, ' +
  'e.payload IS NOT NULL AS has_payload';

type SummaryRow = Omit<Row, 'payload'> & { has_payload: 0 | 1 };

/** The columns every event shows in the list; `hasPayload` says whether the viewer has more to fetch. */
function fromSummaryRow(r: SummaryRow): EventSummary {
  return {
    id: r.id,
    at: r.at,
    level: r.level,
    type: r.type,
    message: r.message,
    storeId: r.store_id,
    connectionId: r.connection_id,
    platform: r.platform,
    recordType: r.record_type,
    recordId: r.record_id,
    hasPayload: r.has_payload === 1,
  };
}

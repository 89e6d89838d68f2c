// Runs in: main (Electron-free). Owns: the consent ledger's storage: recording facts with provenance, and each
// person's current state, overall and per source (BigCommerce and each connection).
import type { Db } from '../storage/db.js';
import type { Clock } from '../core/clock.js';
import {
  effectiveState,
  type Channel,
  type ConsentFactRow,
  type ConsentState,
  type Effective,
} from './rule.js';

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export interface PersonConsent {
  email: string;
  storeId: string;
  channel: Channel;
  effective: Effective;
  /** Last fact per source ('bigcommerce', or a connection id for platforms). */
  bySource: Record<string, { state: ConsentState; at: number; mechanism: string; explicit: boolean }>;
  facts: ConsentFactRow[];
}

interface Row {
  id: number;
  store_id: string;
  email: string;
  channel: Channel;
  source: string;
  connection_id: string | null;
  state: ConsentState;
  mechanism: string;
  actor: ConsentFactRow['actor'];
  explicit: number;
  at: number;
}

const fromRow = (r: Row): ConsentFactRow => ({
  id: r.id,
  storeId: r.store_id,
  email: r.email,
  channel: r.channel,
  source: r.source,
  connectionId: r.connection_id,
  state: r.state,
  mechanism: r.mechanism,
  actor: r.actor,
  explicit: r.explicit === 1,
  at: r.at,
});

/** The key a source's state is kept under: platforms per connection, BigCommerce and the storefront as one. */
export const sourceKey = (f: Pick<ConsentFactRow, 'source' | 'connectionId'>): string =>
  f.connectionId ?? (f.source === 'storefront' ? 'bigcommerce' : f.source);

export class ConsentLedger {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    /** How long a double opt-in may stay unconfirmed. */
    readonly pendingTtlMs = 7 * 86_400_000,
  ) {}

  /** Records a fact; returns false when it repeats the source's last state (a re-sync is not a new action). */
  record(f: ConsentFactRow): boolean {
    const email = normaliseEmail(f.email);
    if (!email.includes('@')) throw new Error(`"${f.email}" is not an email address; fix the source record.`);
    const last = this.facts(f.storeId, email, f.channel)
      .filter((x) => sourceKey(x) === sourceKey(f))
      .at(-1);
    // The same state again from the same source is a re-sync, not a new action: it must not outrank others.
    // Only an explicit act after the last one (the person unsubscribes again) is recorded.
    if (last && last.state === f.state && (!f.explicit || f.at <= last.at)) return false;
    this.db
      .prepare(
        `INSERT INTO consent_facts (store_id, email, channel, source, connection_id, state, mechanism, actor, explicit, at, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        f.storeId,
        email,
        f.channel,
        f.source,
        f.connectionId ?? null,
        f.state,
        f.mechanism,
        f.actor,
        f.explicit ? 1 : 0,
        f.at,
        this.clock.now(),
      );
    return true;
  }

  facts(storeId: string, email: string, channel?: Channel): ConsentFactRow[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM consent_facts WHERE store_id = ? AND email = ? ${channel ? 'AND channel = ?' : ''} ORDER BY at, id`,
      )
      .all(...[storeId, normaliseEmail(email), ...(channel ? [channel] : [])]) as Row[];
    return rows.map(fromRow);
  }

  person(storeId: string, email: string, channel: Channel = 'email'): PersonConsent {
    const facts = this.facts(storeId, email, channel);
    const bySource: PersonConsent['bySource'] = {};
    for (const f of facts)
      bySource[sourceKey(f)] = { state: f.state, at: f.at, mechanism: f.mechanism, explicit: f.explicit };
    return {
      email: normaliseEmail(email),
      storeId,
      channel,
      effective: effectiveState(facts, this.clock.now(), this.pendingTtlMs),
      bySource,
      facts,
    };
  }

  /** Everyone the ledger knows in a store. */
  people(storeId: string): string[] {
    return (
      this.db
        .prepare('SELECT DISTINCT email FROM consent_facts WHERE store_id = ? ORDER BY email')
        .all(storeId) as {
        email: string;
      }[]
    ).map((r) => r.email);
  }

  /** Every store that has facts about the person. */
  storesOf(email: string): string[] {
    return (
      this.db
        .prepare('SELECT DISTINCT store_id AS s FROM consent_facts WHERE email = ?')
        .all(normaliseEmail(email)) as {
        s: string;
      }[]
    ).map((r) => r.s);
  }
}

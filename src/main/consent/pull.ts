// Runs in: main (Electron-free). Owns: pulling consent changes from every connection whose connector has
// `pullConsent` into the ledger, each from its own cursor; one failing platform does not stop the others.
import type { Db } from '../storage/db.js';
import type { Clock } from '../core/clock.js';
import type { ConsentLedger } from './ledger.js';
import type { Systems } from './systems.js';

export interface PullResult {
  connectionId: string;
  platform: string;
  facts: number;
  recorded: number;
  error?: string;
}

export async function pullOptOuts(
  db: Db,
  ledger: ConsentLedger,
  systems: Systems,
  clock: Clock,
  o: { storeId?: string; signal?: AbortSignal } = {},
): Promise<PullResult[]> {
  const out: PullResult[] = [];
  for (const s of systems.connections(o.storeId)) {
    if (!s.connector.pullConsent) continue;
    const row = db
      .prepare('SELECT pulled_until FROM consent_pulls WHERE connection_id = ?')
      .get(s.connectionId) as { pulled_until: number } | undefined;
    const startedAt = clock.now();
    try {
      const ctx = await s.context(o.signal ?? new AbortController().signal);
      const facts = await s.connector.pullConsent(ctx, row?.pulled_until ?? 0);
      let recorded = 0;
      for (const f of facts) {
        const ok = ledger.record({
          storeId: s.storeId,
          email: f.email,
          channel: f.channel,
          source: s.platform,
          connectionId: s.connectionId,
          state: f.state,
          mechanism: f.mechanism,
          actor: f.explicit ? 'person' : 'system',
          explicit: f.explicit,
          at: f.at,
        });
        if (ok) recorded++;
      }
      db.prepare(
        `INSERT INTO consent_pulls (connection_id, pulled_until, last_error) VALUES (?, ?, NULL)
         ON CONFLICT (connection_id) DO UPDATE SET pulled_until = excluded.pulled_until, last_error = NULL`,
      ).run(s.connectionId, startedAt);
      out.push({ connectionId: s.connectionId, platform: s.platform, facts: facts.length, recorded });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      db.prepare(
        `INSERT INTO consent_pulls (connection_id, pulled_until, last_error) VALUES (?, ?, ?)
         ON CONFLICT (connection_id) DO UPDATE SET last_error = excluded.last_error`,
      ).run(s.connectionId, row?.pulled_until ?? 0, error);
      out.push({ connectionId: s.connectionId, platform: s.platform, facts: 0, recorded: 0, error });
    }
  }
  return out;
}

// Runs in: main (Electron-free). Owns: connections: a store (or some of its channels and currencies) routed
// to a platform account, with the connector's settings, its schedule, and paused/resumed state.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import { AppError } from '../core/errors.js';
import { parseOrExplain } from '../accounts/validate.js';
import type { AccountService } from '../accounts/account-service.js';
import type { Db } from '../storage/db.js';

export interface ConnectionScope {
  /** Only these BigCommerce channels (all when absent). */
  channels?: number[];
  /** Only these currencies (all when absent). */
  currencies?: string[];
}

export interface ConnectionSummary {
  id: string;
  storeId: string;
  accountId: string;
  platform: string;
  name: string;
  scope: ConnectionScope;
  settings: Record<string, unknown>;
  mode: 'continuous' | 'off';
  intervalMs: number;
  paused: boolean;
  createdAt: string;
}

interface Row {
  id: string;
  store_id: string;
  account_id: string;
  platform: string;
  name: string;
  scope: string;
  settings: string;
  mode: 'continuous' | 'off';
  interval_ms: number;
  paused: 0 | 1;
  created_at: string;
}

const select = `SELECT c.*, a.platform FROM connections c JOIN platform_accounts a ON a.id = c.account_id`;

export class ConnectionService {
  constructor(
    private readonly db: Db,
    private readonly accounts: AccountService,
    private readonly clock: Clock,
    private readonly onChange: () => void = () => undefined,
  ) {}

  list(filter: { storeId?: string } = {}): ConnectionSummary[] {
    const rows = filter.storeId
      ? this.db.prepare(`${select} WHERE c.store_id = ? ORDER BY c.created_at, c.rowid`).all(filter.storeId)
      : this.db.prepare(`${select} ORDER BY c.created_at, c.rowid`).all();
    return (rows as Row[]).map(toSummary);
  }

  get(id: string): ConnectionSummary {
    const row = this.db.prepare(`${select} WHERE c.id = ?`).get(id) as Row | undefined;
    if (!row) throw new AppError('not_found', `No connection with id ${id} in this workspace.`);
    return toSummary(row);
  }

  add(input: {
    storeId: string;
    accountId: string;
    name?: string;
    scope?: ConnectionScope;
    settings?: unknown;
    mode?: 'continuous' | 'off';
    intervalMs?: number;
  }): ConnectionSummary {
    const account = this.accounts.get(input.accountId);
    const connector = this.accounts.connector(account.platform);
    const settings = parseOrExplain(connector.settingsSchema, input.settings, `${connector.label} settings`);
    const store = this.db.prepare('SELECT name FROM stores WHERE id = ?').get(input.storeId) as
      { name: string } | undefined;
    if (!store)
      throw new AppError('not_found', `No store with id ${input.storeId} in this workspace.`, {
        fields: { storeId: 'Unknown store' },
      });
    const id = randomUUID();
    this.db
      .prepare(
        `INSERT INTO connections (id, store_id, account_id, name, scope, settings, mode, interval_ms, paused, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
      )
      .run(
        id,
        input.storeId,
        input.accountId,
        input.name ?? `${store.name} → ${account.name}`,
        JSON.stringify(input.scope ?? {}),
        JSON.stringify(settings),
        input.mode ?? 'continuous',
        input.intervalMs ?? 60_000,
        new Date(this.clock.now()).toISOString(),
      );
    this.db.prepare('INSERT INTO connection_progress (connection_id) VALUES (?)').run(id);
    this.onChange();
    return this.get(id);
  }

  setPaused(id: string, paused: boolean): ConnectionSummary {
    this.get(id);
    this.db.prepare('UPDATE connections SET paused = ? WHERE id = ?').run(paused ? 1 : 0, id);
    this.onChange();
    return this.get(id);
  }

  /** Removes the connection with its queue and ledger; what was already delivered stays on the platform. */
  remove(id: string): void {
    this.get(id);
    this.db.prepare('DELETE FROM connections WHERE id = ?').run(id);
    this.onChange();
  }
}

function toSummary(r: Row): ConnectionSummary {
  return {
    id: r.id,
    storeId: r.store_id,
    accountId: r.account_id,
    platform: r.platform,
    name: r.name,
    scope: JSON.parse(r.scope) as ConnectionScope,
    settings: JSON.parse(r.settings) as Record<string, unknown>,
    mode: r.mode,
    intervalMs: r.interval_ms,
    paused: r.paused === 1,
    createdAt: r.created_at,
  };
}

// Runs in: main (Electron-free). Owns: connections: a store (or some of its channels and currencies) routed
// to a platform account, with the connector's settings, its schedule, and paused/resumed state (the user's
// pause and a hold for re-authentication are kept apart; either stops scheduled syncs).
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

/** Why a connection is held: BigCommerce refused the store's token, or the platform refused its credentials. */
export type HoldReason = 'store_token' | 'platform_credentials';

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
  /** Not syncing on its schedule: paused by the user, or held for re-authentication. */
  paused: boolean;
  /** Set while held for re-authentication: which credentials were refused. */
  heldFor?: HoldReason;
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
  held_for: HoldReason | null;
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

  /** The user's pause. Resuming also lifts a hold: the user asked for it to run (as the hold's event says). */
  setPaused(id: string, paused: boolean): ConnectionSummary {
    this.get(id);
    if (paused) this.db.prepare('UPDATE connections SET paused = 1 WHERE id = ?').run(id);
    else this.db.prepare('UPDATE connections SET paused = 0, held_for = NULL WHERE id = ?').run(id);
    this.onChange();
    return this.get(id);
  }

  /** Holds it for re-authentication, leaving the user's own pause (set or not) as it was. */
  hold(id: string, reason: HoldReason): ConnectionSummary {
    this.get(id);
    this.db.prepare('UPDATE connections SET held_for = ? WHERE id = ?').run(reason, id);
    this.onChange();
    return this.get(id);
  }

  /** Lifts the store's holds for `reason`; returns them as they are now (paused still if the user paused them). */
  release(storeId: string, reason: HoldReason): ConnectionSummary[] {
    const ids = (
      this.db
        .prepare('SELECT id FROM connections WHERE store_id = ? AND held_for = ? ORDER BY created_at, rowid')
        .all(storeId, reason) as Array<{ id: string }>
    ).map((r) => r.id);
    if (ids.length === 0) return [];
    this.db
      .prepare('UPDATE connections SET held_for = NULL WHERE store_id = ? AND held_for = ?')
      .run(storeId, reason);
    this.onChange();
    return ids.map((id) => this.get(id));
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
    paused: r.paused === 1 || r.held_for !== null,
    ...(r.held_for ? { heldFor: r.held_for } : {}),
    createdAt: r.created_at,
  };
}

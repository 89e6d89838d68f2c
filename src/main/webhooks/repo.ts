// Runs in: main (Electron-free). Owns: SQL for the webhook tables (migration 9): the receiver settings, each
// store's endpoint and hooks, and the payload hashes already applied (so a restart does not re-apply a retry).
import type { Db } from '../storage/db.js';

export interface Endpoint {
  storeId: string;
  pathToken: string;
  destination: string;
}

export interface HookRow {
  storeId: string;
  hookId: number;
  scope: string;
  destination: string;
  /** Epoch ms when the hook was last known to be active (registered, listed active, or delivering). */
  lastActiveAt: number;
}

export interface WebhookSettings {
  publicUrl: string | null;
  port: number | null;
}

export class WebhookRepo {
  constructor(private readonly db: Db) {}

  settings(): WebhookSettings {
    const r = this.db.prepare('SELECT public_url, port FROM webhook_settings WHERE id = 1').get() as
      { public_url: string | null; port: number | null } | undefined;
    return { publicUrl: r?.public_url ?? null, port: r?.port ?? null };
  }

  saveSettings(s: WebhookSettings): void {
    this.db
      .prepare(
        `INSERT INTO webhook_settings (id, public_url, port) VALUES (1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET public_url = excluded.public_url, port = excluded.port`,
      )
      .run(s.publicUrl, s.port);
  }

  endpoints(): Endpoint[] {
    return (
      this.db.prepare('SELECT store_id, path_token, destination FROM webhook_endpoints').all() as Array<{
        store_id: string;
        path_token: string;
        destination: string;
      }>
    ).map((r) => ({ storeId: r.store_id, pathToken: r.path_token, destination: r.destination }));
  }

  endpoint(storeId: string): Endpoint | undefined {
    return this.endpoints().find((e) => e.storeId === storeId);
  }

  saveEndpoint(e: Endpoint, nowIso: string): void {
    this.db
      .prepare(
        `INSERT INTO webhook_endpoints (store_id, path_token, destination, registered_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (store_id) DO UPDATE SET destination = excluded.destination, registered_at = excluded.registered_at`,
      )
      .run(e.storeId, e.pathToken, e.destination, nowIso);
  }

  hooks(storeId: string): HookRow[] {
    return (
      this.db
        .prepare('SELECT * FROM webhook_hooks WHERE store_id = ? ORDER BY hook_id')
        .all(storeId) as Array<{
        store_id: string;
        hook_id: number;
        scope: string;
        destination: string;
        last_active_at: number;
      }>
    ).map((r) => ({
      storeId: r.store_id,
      hookId: r.hook_id,
      scope: r.scope,
      destination: r.destination,
      lastActiveAt: r.last_active_at,
    }));
  }

  saveHook(h: HookRow): void {
    this.db
      .prepare(
        `INSERT INTO webhook_hooks (store_id, hook_id, scope, destination, last_active_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (store_id, hook_id) DO UPDATE SET scope = excluded.scope, destination = excluded.destination,
           last_active_at = excluded.last_active_at`,
      )
      .run(h.storeId, h.hookId, h.scope, h.destination, h.lastActiveAt);
  }

  markActive(storeId: string, hookIds: number[], at: number): void {
    const stmt = this.db.prepare(
      'UPDATE webhook_hooks SET last_active_at = max(last_active_at, ?) WHERE store_id = ? AND hook_id = ?',
    );
    this.db.transaction(() => hookIds.forEach((id) => stmt.run(at, storeId, id)))();
  }

  removeHook(storeId: string, hookId: number): void {
    this.db.prepare('DELETE FROM webhook_hooks WHERE store_id = ? AND hook_id = ?').run(storeId, hookId);
  }

  forget(storeId: string): void {
    this.db.transaction(() => {
      for (const t of ['webhook_hooks', 'webhook_endpoints', 'webhook_seen'])
        this.db.prepare(`DELETE FROM ${t} WHERE store_id = ?`).run(storeId);
    })();
  }

  /** Records a payload hash; false when it was already applied (a BigCommerce retry or duplicate). */
  firstSeen(storeId: string, hash: string, at: number): boolean {
    return (
      this.db
        .prepare('INSERT OR IGNORE INTO webhook_seen (store_id, hash, received_at) VALUES (?, ?, ?)')
        .run(storeId, hash, at).changes === 1
    );
  }

  /** BigCommerce retries for about 48 hours; hashes older than the retention cannot come back. */
  prune(before: number): number {
    return this.db.prepare('DELETE FROM webhook_seen WHERE received_at < ?').run(before).changes;
  }
}

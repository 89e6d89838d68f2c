// Runs in: main (Electron-free). Owns: a connection's tracking script on the storefront, through the BigCommerce
// Scripts API: install or update it under the consent category the user picked, remove it when the connection
// or the store goes. Only scripts this console created are ever touched (the API shows each app its own).
import { BigCommerceClient } from '../bigcommerce/client.js';
import type { AccountService } from '../accounts/account-service.js';
import type { ConnectionService } from '../connections/connection-service.js';
import type { Clock } from '../core/clock.js';
import { AppError } from '../core/errors.js';
import type { StorefrontScript } from '../engine/connector.js';
import type { Db } from '../storage/db.js';
import type { StoreService } from '../stores/store-service.js';

export interface InstalledScript {
  connectionId: string;
  storeId: string;
  uuid: string;
  name: string;
  consentCategory: string;
}

export class ScriptService {
  constructor(
    private readonly db: Db,
    private readonly stores: StoreService,
    private readonly accounts: AccountService,
    private readonly connections: ConnectionService,
    private readonly clock: Clock,
  ) {}

  list(storeId?: string): InstalledScript[] {
    const rows = (
      storeId
        ? this.db.prepare('SELECT * FROM storefront_scripts WHERE store_id = ?').all(storeId)
        : this.db.prepare('SELECT * FROM storefront_scripts').all()
    ) as Array<Record<string, string>>;
    return rows.map((r) => ({
      connectionId: r.connection_id!,
      storeId: r.store_id!,
      uuid: r.uuid!,
      name: r.name!,
      consentCategory: r.consent_category!,
    }));
  }

  /** Installs or updates the connection's script; removes it when the connector's settings turn tracking off. */
  async sync(connectionId: string): Promise<InstalledScript | null> {
    const c = this.connections.get(connectionId);
    const connector = this.accounts.connector(c.platform);
    if (!connector.storefrontScript) {
      throw new AppError('invalid_input', `${connector.label} has no storefront script.`);
    }
    const script = connector.storefrontScript({
      credentials: await this.accounts.credentials(c.accountId),
      settings: c.settings,
    });
    const existing = this.list().find((s) => s.connectionId === connectionId);
    if (!script) {
      if (existing) await this.remove(connectionId);
      return null;
    }
    const client = await this.client(c.storeId);
    const body = scriptBody(script);
    const now = new Date(this.clock.now()).toISOString();
    if (existing) {
      await client.updateScript(existing.uuid, body);
      this.db
        .prepare(
          'UPDATE storefront_scripts SET name = ?, consent_category = ?, updated_at = ? WHERE connection_id = ?',
        )
        .run(script.name, script.consentCategory, now, connectionId);
    } else {
      const created = await client.createScript(body);
      this.db
        .prepare(
          `INSERT INTO storefront_scripts (connection_id, store_id, uuid, name, consent_category, installed_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(connectionId, c.storeId, created.uuid, script.name, script.consentCategory, now, now);
    }
    return this.list().find((s) => s.connectionId === connectionId) ?? null;
  }

  async remove(connectionId: string): Promise<boolean> {
    const existing = this.list().find((s) => s.connectionId === connectionId);
    if (!existing) return false;
    const client = await this.client(existing.storeId);
    await client.deleteScript(existing.uuid);
    this.db.prepare('DELETE FROM storefront_scripts WHERE connection_id = ?').run(connectionId);
    return true;
  }

  /** Before a store is removed: take every script the console put on it off the storefront. */
  async removeAllFor(storeId: string): Promise<number> {
    let n = 0;
    for (const s of this.list(storeId)) if (await this.remove(s.connectionId)) n++;
    return n;
  }

  private async client(storeId: string): Promise<BigCommerceClient> {
    const store = this.stores.get(storeId);
    return new BigCommerceClient({
      storeHash: store.storeHash,
      accessToken: await this.stores.token(storeId),
      baseUrl: store.apiBaseUrl,
      storeLabel: store.name,
    });
  }
}

/** The Scripts API body (v3 content/scripts). */
function scriptBody(s: StorefrontScript): Record<string, unknown> {
  return {
    name: s.name,
    description: s.description,
    kind: s.kind,
    ...(s.kind === 'src' ? { src: s.src } : { html: s.html }),
    location: s.location,
    visibility: s.visibility,
    consent_category: s.consentCategory,
    load_method: 'default',
    auto_uninstall: true,
    enabled: true,
  };
}

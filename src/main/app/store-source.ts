// Runs in: main (Electron-free). Owns: bringing a store's staging up to date for the engine, through one
// BigCommerce client and Extractor per store (so the store's rate budget is shared by all its syncs).
import { BigCommerceClient } from '../bigcommerce/client.js';
import type { Clock } from '../core/clock.js';
import type { StagedResource } from '../engine/connector.js';
import type { StoreSource } from '../engine/sync-engine.js';
import { Extractor } from '../extract/extractor.js';
import { extractResources, type ExtractResource } from '../extract/resources.js';
import type { Db } from '../storage/db.js';
import { ensureStoreCountry, refreshStoreCountry } from '../stores/store-country.js';
import type { StoreService } from '../stores/store-service.js';

export class BigCommerceStoreSource implements StoreSource {
  private readonly extractors = new Map<string, Extractor>();
  private readonly clients = new Map<string, BigCommerceClient>();

  constructor(
    private readonly db: Db,
    private readonly stores: StoreService,
    private readonly clock: Clock,
    /** Share of the store's API quota this app may use (other apps share it). */
    private readonly share = 0.8,
  ) {}

  async refresh(
    storeId: string,
    o: { historical: boolean; from?: string; to?: string; resources?: StagedResource[]; signal: AbortSignal },
  ): Promise<{ staged: number }> {
    const extractor = await this.extractor(storeId);
    // Before the first plan (and again with each historical sync, so a change is seen): default phone rows read
    // numbers without a country code as the store's own country.
    const client = this.clients.get(storeId)!;
    await (o.historical
      ? refreshStoreCountry(this.db, storeId, client, o.signal).catch(() => undefined)
      : ensureStoreCountry(this.db, storeId, client, o.signal));
    const wanted = extractResources.filter((r) => !o.resources || o.resources.includes(r as StagedResource));
    let staged = 0;
    for (const resource of wanted as ExtractResource[]) {
      const result = o.historical
        ? await extractor.historical(resource, {
            signal: o.signal,
            ...(o.from ? { createdFrom: o.from } : {}),
            ...(o.to ? { createdTo: o.to } : {}),
          })
        : await extractor.incremental(resource, { signal: o.signal });
      staged += result.staged;
    }
    return { staged };
  }

  /** Forget a store's client (its token changed or the store was removed). */
  forget(storeId: string): void {
    this.extractors.delete(storeId);
    this.clients.delete(storeId);
  }

  private async extractor(storeId: string): Promise<Extractor> {
    let e = this.extractors.get(storeId);
    if (e) return e;
    const store = this.stores.get(storeId);
    const client = new BigCommerceClient({
      storeHash: store.storeHash,
      accessToken: await this.stores.token(storeId),
      baseUrl: store.apiBaseUrl,
      storeLabel: store.name,
      share: this.share,
      clock: this.clock,
    });
    e = new Extractor({ db: this.db, client, storeId, clock: this.clock });
    this.extractors.set(storeId, e);
    this.clients.set(storeId, client);
    return e;
  }
}

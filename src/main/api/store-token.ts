// Runs in: main (Electron-free). Owns: `stores:updateToken`: a new token is tried against the store before it
// replaces the keychain entry, then the store's connections held for re-authentication run again (those the
// user also paused stay paused).
import { BigCommerceClient } from '../bigcommerce/client.js';
import type { ConnectionService } from '../connections/connection-service.js';
import { AppError } from '../core/errors.js';
import type { EventLog } from '../events/event-log.js';
import type { StoreService } from '../stores/store-service.js';
import type { StoreSummary } from '../../shared/contract/index.js';

export interface StoreTokenDeps {
  stores: StoreService;
  connections: Pick<ConnectionService, 'release'>;
  events: Pick<EventLog, 'append'>;
}

/** One cheap call every API account may make (webhooks are in the default scope): it tells a bad token. */
async function verifyToken(store: StoreSummary, token: string): Promise<void> {
  const client = new BigCommerceClient({
    storeHash: store.storeHash,
    accessToken: token,
    baseUrl: store.apiBaseUrl,
    storeLabel: store.name,
    retry: { maxAttempts: 2 },
    timeoutMs: 15_000,
  });
  try {
    await client.getJson('/v3/hooks', { limit: 1 });
  } catch (err) {
    const e = err as { code?: string; message?: string };
    const why = e.code === 'unauthorized' ? 'BigCommerce refused it' : (e.message ?? String(err));
    throw new AppError(
      e.code === 'unauthorized' ? 'unauthorized' : 'upstream',
      `The new token was not saved: ${why}. The previous token of "${store.name}" is kept. Check that you ` +
        'copied the access token of a store-level API account of this store, and try again.',
      { fields: { accessToken: 'Not accepted by the store' }, cause: err },
    );
  }
}

export async function updateStoreToken(
  d: StoreTokenDeps,
  id: string,
  accessToken: string,
  verify: (store: StoreSummary, token: string) => Promise<void> = verifyToken,
): Promise<{ store: StoreSummary; resumed: Array<{ id: string; name: string }> }> {
  const store = await d.stores.replaceToken(id, accessToken, verify);
  // Only the holds app/reauth.ts put on for this store's token; a pause the user chose stays.
  const released = d.connections.release(id, 'store_token');
  const resumed = released.filter((c) => !c.paused);
  const kept = released.filter((c) => c.paused);
  d.events.append({
    level: 'info',
    type: 'store.token_replaced',
    storeId: id,
    message:
      `The access token of "${store.name}" was replaced after the store accepted it.` +
      (resumed.length ? ` Resumed: ${resumed.map((c) => c.name).join(', ')}.` : '') +
      (kept.length ? ` Still paused by you: ${kept.map((c) => c.name).join(', ')}.` : ''),
  });
  return { store, resumed: resumed.map((c) => ({ id: c.id, name: c.name })) };
}

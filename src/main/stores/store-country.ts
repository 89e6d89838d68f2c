// Runs in: main (Electron-free). Owns: the store's own country, read from BigCommerce's v2 store information
// and kept with the store: phone numbers written without a country code are read as that country's.
import { BigCommerceClient } from '../bigcommerce/client.js';
import type { Db } from '../storage/db.js';
import { StoreRepo } from './store-repo.js';
import type { StoreService } from './store-service.js';

/** The ISO 3166-1 alpha-2 code in `GET /v2/store`'s `country_code`; undefined when it holds none. */
export async function readStoreCountry(
  client: Pick<BigCommerceClient, 'storeInfo'>,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const info = (await client.storeInfo(signal)) as { country_code?: unknown };
  const code = typeof info.country_code === 'string' ? info.country_code.trim().toUpperCase() : '';
  return /^[A-Z]{2}$/.test(code) ? code : undefined;
}

/** The country kept for the store, if it was read. */
export function keptStoreCountry(db: Db, storeId: string): string | undefined {
  return new StoreRepo(db).country(storeId);
}

/** Reads the store's country again (the store check) and keeps it; answers what was kept. */
export async function refreshStoreCountry(
  db: Db,
  storeId: string,
  client: Pick<BigCommerceClient, 'storeInfo'>,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const code = await readStoreCountry(client, signal);
  if (code) new StoreRepo(db).setCountry(storeId, code);
  return code ?? keptStoreCountry(db, storeId);
}

/**
 * The kept country, read once when there is none yet (a first sync, the default mapping). A failed read (no
 * `store_v2_information` scope, the store unreachable) must not stop what asked: phones then fall back to the
 * record's own address country, else US, and the read is tried again next time.
 */
export async function ensureStoreCountry(
  db: Db,
  storeId: string,
  client: Pick<BigCommerceClient, 'storeInfo'>,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const kept = keptStoreCountry(db, storeId);
  if (kept) return kept;
  return refreshStoreCountry(db, storeId, client, signal).catch(() => undefined);
}

/** `ensureStoreCountry` with a client of its own, for callers that hold none (the mapping service). */
export async function ensureCountryOf(
  db: Db,
  stores: Pick<StoreService, 'get' | 'token'>,
  storeId: string,
): Promise<string | undefined> {
  const kept = keptStoreCountry(db, storeId);
  if (kept) return kept;
  try {
    const store = stores.get(storeId);
    const client = new BigCommerceClient({
      storeHash: store.storeHash,
      accessToken: await stores.token(storeId),
      baseUrl: store.apiBaseUrl,
      storeLabel: store.name,
      retry: { maxAttempts: 2 },
      timeoutMs: 15_000,
    });
    return await ensureStoreCountry(db, storeId, client);
  } catch {
    return undefined;
  }
}

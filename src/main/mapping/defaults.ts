// Runs in: main (Electron-free). Owns: which default rows a connection starts from: its platform's connector
// publishes them per BigCommerce record (`mappingDefaults`); they are put in the store's own country here and
// the mapping service fits them to the store.
import type { Connector, MappingDefault } from '../engine/connector.js';
import type { Db } from '../storage/db.js';
import { keptStoreCountry } from '../stores/store-country.js';
import type { DefaultPair } from './fit.js';
import type { Entity } from './model.js';

/**
 * Default rows for a store: a phone transform's default country becomes the store's own (a UK store's
 * "020 7946 0958" is British); the connector's own country (US) stays only while the store's is unknown.
 * A record's address country still wins over either when the record has one (see record-country.ts).
 */
export function localiseDefaults<T extends MappingDefault | DefaultPair>(
  pairs: readonly T[],
  storeCountry: string | undefined,
): T[] {
  return pairs.map((p): T => ({
    ...p,
    ...(p.transforms
      ? {
          transforms: p.transforms.map((t) =>
            storeCountry && t.kind === 'phone' ? { ...t, defaultCountry: storeCountry } : { ...t },
          ),
        }
      : {}),
  }));
}

export function connectorDefaults(
  db: Db,
  connectorFor: (platform: string) => Connector<unknown, unknown> | undefined,
  connectionId: string,
  entity: Entity,
): DefaultPair[] {
  const row = db
    .prepare(
      `SELECT a.platform, c.store_id FROM connections c JOIN platform_accounts a ON a.id = c.account_id
       WHERE c.id = ?`,
    )
    .get(connectionId) as { platform: string; store_id: string } | undefined;
  // An unknown connection gets no rows here; the mapping service then says it does not exist.
  if (!row) return [];
  const pairs = connectorFor(row.platform)?.mappingDefaults?.[entity] ?? [];
  return localiseDefaults(pairs, keptStoreCountry(db, row.store_id));
}

// Runs in: main (Electron-free). Owns: which default rows a connection starts from: its platform's connector
// publishes them per BigCommerce record (`mappingDefaults`); the mapping service fits them to the store.
import type { Connector } from '../engine/connector.js';
import type { Db } from '../storage/db.js';
import type { DefaultPair } from './fit.js';
import type { Entity } from './model.js';

export function connectorDefaults(
  db: Db,
  connectorFor: (platform: string) => Connector<unknown, unknown> | undefined,
  connectionId: string,
  entity: Entity,
): DefaultPair[] {
  const row = db
    .prepare(
      'SELECT a.platform FROM connections c JOIN platform_accounts a ON a.id = c.account_id WHERE c.id = ?',
    )
    .get(connectionId) as { platform: string } | undefined;
  // An unknown connection gets no rows here; the mapping service then says it does not exist.
  if (!row) return [];
  return (connectorFor(row.platform)?.mappingDefaults?.[entity] ?? []).map((p) => ({ ...p }));
}

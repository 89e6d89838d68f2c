// Runs in: main (Electron-free). Owns: what a workspace export carries (the tables, in foreign-key order, and
// the keychain entries their rows reference) and the schema helpers export and import share.
import { z } from 'zod';
import type { Db } from '../storage/db.js';
import { accountCredentialsAccount } from '../accounts/account-service.js';
import { storeClientSecretAccount, storeTokenAccount } from '../stores/store-service.js';
import { hookSecretAccount } from '../webhooks/registrar.js';

export const EXPORT_KIND = 'workspace-export';
export const PAYLOAD_FORMAT = 'storebridge-workspace';

/**
 * Parents before children. The first three are the workspace's identity; the rest travel when this build has
 * them (mappings and settings land in later migrations) and are copied column for column.
 */
export const TRANSFER_TABLES = [
  'stores',
  'platform_accounts',
  'connections',
  'settings',
  'mapping_templates',
  'mappings',
  // Erased people, by salted hash: with the salt (carried as a secret) they stay erased on the new machine.
  'suppressions',
  // The hooks this workspace registered on each store (ids, scopes, destination, the per-store path) and the
  // public URL they point at: without them the new machine registers duplicates and cannot clean up. Their
  // secret header travels as a secret. Not `webhook_seen`: its hashes only stop a BigCommerce retry (~48 h) from
  // nudging twice, and a nudge only re-reads the store, so a repeat costs one read; the new machine reads its
  // stores in full first anyway (cursors stay behind), and hashes from a receiver that is gone are just dead rows.
  'webhook_settings',
  'webhook_endpoints',
  'webhook_hooks',
] as const;
export type TransferTable = (typeof TRANSFER_TABLES)[number];

const cell = z.union([z.string(), z.number(), z.null()]);
export const payloadSchema = z.object({
  format: z.literal(PAYLOAD_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  appVersion: z.string(),
  tables: z.partialRecord(z.enum(TRANSFER_TABLES), z.array(z.record(z.string(), cell))),
  /** Keychain account -> secret, for the rows above only. */
  secrets: z.record(z.string(), z.string()),
});
export type Payload = z.infer<typeof payloadSchema>;
export type Row = Record<string, string | number | null>;

export function tableExists(db: Db, table: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) !== undefined;
}

export function columnsOf(db: Db, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map(
    (c) => c.name,
  );
}

/** The keychain entries a row needs; `required` ones must exist for the row to work. */
export function secretRefs(table: TransferTable, row: Row): Array<{ account: string; required: boolean }> {
  const id = String(row.id);
  // The client secret is optional: only stores whose webhook signatures are checked have one.
  if (table === 'stores')
    return [
      { account: storeTokenAccount(id), required: true },
      { account: storeClientSecretAccount(id), required: false },
    ];
  // An account without a hint (the file exporter) has nothing in the keychain worth carrying.
  if (table === 'platform_accounts')
    return [{ account: accountCredentialsAccount(id), required: row.credential_hint !== '' }];
  // Not required: without it, registering the store's hooks again after the import re-keys them with a new one.
  if (table === 'webhook_endpoints')
    return [{ account: hookSecretAccount(String(row.store_id)), required: false }];
  return [];
}

export const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

// Runs in: main (Electron-free). Owns: deciding, without writing anything, what an import would change: which
// rows are new, which would overwrite existing ones (refused unless replace), and where each secret goes.
import { AppError } from '../core/errors.js';
import type { Db } from '../storage/db.js';
import { storeTokenAccount } from '../stores/store-service.js';
import { accountCredentialsAccount } from '../accounts/account-service.js';
import {
  columnsOf,
  quote,
  tableExists,
  TRANSFER_TABLES,
  type Payload,
  type Row,
  type TransferTable,
} from './payload.js';

export interface PlannedRow {
  table: TransferTable;
  row: Row;
  /** The row's key is already taken here: written only with replace, as an update. */
  existing: boolean;
}

export interface ImportPlan {
  rows: PlannedRow[];
  secrets: Array<{ account: string; value: string }>;
  /** Human descriptions of what would be overwritten. */
  conflicts: string[];
}

export function planImport(db: Db, payload: Payload, replace: boolean): ImportPlan {
  const plan: ImportPlan = { rows: [], secrets: [], conflicts: [] };
  // An exported store that is already here under another id keeps the local id, and everything that pointed
  // at it follows.
  const storeIds = new Map<string, string>();
  for (const table of TRANSFER_TABLES) {
    const rows = payload.tables[table] ?? [];
    if (rows.length === 0) continue;
    if (!tableExists(db, table)) throw newer(`has no ${table} table`);
    const columns = new Set(columnsOf(db, table));
    const pk = primaryKey(db, table);
    for (const source of rows) {
      const unknown = Object.keys(source).filter((c) => !columns.has(c));
      if (unknown.length) throw newer(`has no column ${unknown.join(', ')} in ${table}`);
      const row: Row = { ...source };
      if (typeof row.store_id === 'string') row.store_id = storeIds.get(row.store_id) ?? row.store_id;
      let existing: Row | undefined;
      if (table === 'stores') {
        existing = db
          .prepare('SELECT * FROM stores WHERE id = ? OR (api_base_url = ? AND store_hash = ?)')
          .get(row.id, row.api_base_url, row.store_hash) as Row | undefined;
        if (existing) {
          storeIds.set(String(source.id), String(existing.id));
          row.id = String(existing.id);
        }
      } else if (pk.length) {
        const where = pk.map((c) => `${quote(c)} = ?`).join(' AND ');
        existing = db
          .prepare(`SELECT * FROM ${quote(table)} WHERE ${where}`)
          .get(...pk.map((c) => row[c] ?? null)) as Row | undefined;
      }
      // The same erased person already suppressed here: nothing to overwrite, nothing to report.
      if (existing && table === 'suppressions') continue;
      if (existing) plan.conflicts.push(describe(table, existing));
      plan.rows.push({ table, row, existing: existing !== undefined });
      addSecrets(plan, payload, table, String(source.id), String(row.id));
    }
  }
  if (plan.conflicts.length && !replace) {
    throw new AppError(
      'conflict',
      `This workspace already has ${plan.conflicts.join(', ')}. Nothing was imported. ` +
        'Import into a fresh workspace folder, or import again with --replace to overwrite them.',
    );
  }
  return plan;
}

function addSecrets(plan: ImportPlan, payload: Payload, table: TransferTable, fromId: string, toId: string) {
  const pairs =
    table === 'stores'
      ? [[storeTokenAccount(fromId), storeTokenAccount(toId), true] as const]
      : table === 'platform_accounts'
        ? [[accountCredentialsAccount(fromId), accountCredentialsAccount(toId), false] as const]
        : [];
  for (const [from, to, required] of pairs) {
    const value = payload.secrets[from];
    if (value !== undefined) plan.secrets.push({ account: to, value });
    else if (required) throw new AppError('invalid_input', `The export has no token for store ${fromId}.`);
  }
}

function primaryKey(db: Db, table: string): string[] {
  return (
    db.prepare('SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').all(table) as Array<{
      name: string;
    }>
  ).map((c) => c.name);
}

function describe(table: TransferTable, row: Row): string {
  const label = row.name ?? row.key ?? row.id;
  if (table === 'stores') return `store "${String(row.name)}" (${String(row.store_hash)})`;
  if (table === 'platform_accounts') return `platform account "${String(label)}"`;
  if (table === 'connections') return `connection "${String(label)}"`;
  return `${table} entry "${String(label)}"`;
}

function newer(what: string): AppError {
  return new AppError(
    'invalid_input',
    `This export comes from a newer Storebridge: this workspace ${what}. Update Storebridge here, then import again. Nothing was imported.`,
  );
}

// Runs in: main (Electron-free). Owns: deciding, without writing anything, what an import would change: which
// rows are new, which would overwrite existing ones (refused unless replace), and where each secret goes.
import { AppError } from '../core/errors.js';
import type { Db } from '../storage/db.js';
import {
  columnsOf,
  quote,
  secretRefs,
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
      // This machine's own public URL and port (how its tunnel reaches it) win; the imported hooks keep their
      // destination, and registering again moves them to this URL.
      if (existing && table === 'webhook_settings') continue;
      if (existing) plan.conflicts.push(describe(table, existing));
      plan.rows.push({ table, row, existing: existing !== undefined });
      addSecrets(plan, payload, table, source, row);
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

/** The row's keychain entries, read under the exported ids and written under the ids they have here. */
function addSecrets(plan: ImportPlan, payload: Payload, table: TransferTable, source: Row, row: Row) {
  const to = secretRefs(table, row);
  secretRefs(table, source).forEach((from, i) => {
    const value = payload.secrets[from.account];
    if (value !== undefined) plan.secrets.push({ account: to[i]!.account, value });
    else if (from.required && table === 'stores')
      throw new AppError('invalid_input', `The export has no token for store ${String(source.id)}.`);
  });
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
  if (table === 'webhook_endpoints') return `the webhook registration of store ${String(row.store_id)}`;
  if (table === 'webhook_hooks') return `webhook ${String(row.hook_id)} of store ${String(row.store_id)}`;
  return `${table} entry "${String(label)}"`;
}

function newer(what: string): AppError {
  return new AppError(
    'invalid_input',
    `This export comes from a newer Storebridge: this workspace ${what}. Update Storebridge here, then import again. Nothing was imported.`,
  );
}

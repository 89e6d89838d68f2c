// Runs in: main (Electron-free). Owns: reading a workspace export into this workspace and this machine's
// SecretStore: all of it or nothing (secrets first, then one SQLite transaction, secrets undone on failure).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError } from '../core/errors.js';
import type { Db } from '../storage/db.js';
import type { TransferSource, TransferSummary } from './export.js';
import { EXPORT_KIND, payloadSchema, quote, type Payload } from './payload.js';
import { planImport, type ImportPlan, type PlannedRow } from './plan.js';
import { open } from './sealed.js';
import { SALT_SECRET, saltForImport } from './salt.js';

export interface ImportOptions {
  /** Overwrite stores, accounts and connections that already exist here. */
  replace?: boolean;
  /** Called after a successful import (the workspace announces `stores:changed`). */
  onImported?: () => void;
}

export interface ImportSummary extends TransferSummary {
  /** What was overwritten (only with replace). */
  replaced: string[];
}

export async function importWorkspace(
  ws: TransferSource,
  path: string,
  passphrase: string,
  opts: ImportOptions = {},
): Promise<ImportSummary> {
  const source = resolve(path);
  const payload = await readPayload(source, passphrase);
  const plan = planImport(ws.db, payload, opts.replace === true);
  const st = await ws.secrets.status();
  if (!st.available) {
    throw new AppError(
      'keychain_unavailable',
      `${st.message ?? 'No keychain is available.'} Nothing was imported.`,
    );
  }
  const salt = await saltForImport(ws.db, ws.secrets, payload.secrets[SALT_SECRET]);
  if (salt) plan.secrets.push(salt);
  const undo = await writeSecrets(ws, plan);
  try {
    ws.db.transaction(() => plan.rows.forEach((r) => writeRow(ws.db, r)))();
  } catch (err) {
    await undo();
    throw new AppError(
      'conflict',
      `The import was rolled back, nothing was changed: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
  opts.onImported?.();
  const tables: Record<string, number> = {};
  for (const r of plan.rows) tables[r.table] = (tables[r.table] ?? 0) + 1;
  return { path: source, tables, secrets: plan.secrets.length, replaced: plan.conflicts };
}

async function readPayload(file: string, passphrase: string): Promise<Payload> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new AppError('not_found', `Cannot read ${file}: ${(err as Error).message}`);
  }
  const plain = await open(bytes, passphrase, EXPORT_KIND, `the export ${file}`);
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(plain.toString('utf8')));
    if (!parsed.success)
      throw new AppError(
        'invalid_input',
        `${file} decrypted but is not a workspace export this version reads.`,
      );
    return parsed.data;
  } finally {
    plain.fill(0);
  }
}

/** Writes every secret and returns how to put the keychain back as it was. */
async function writeSecrets(ws: TransferSource, plan: ImportPlan): Promise<() => Promise<void>> {
  const done: Array<{ account: string; previous: string | undefined }> = [];
  const undo = async () => {
    for (const { account, previous } of done.reverse()) {
      await (previous === undefined ? ws.secrets.delete(account) : ws.secrets.set(account, previous)).catch(
        () => undefined,
      );
    }
  };
  try {
    for (const { account, value } of plan.secrets) {
      const previous = await ws.secrets.get(account);
      await ws.secrets.set(account, value);
      done.push({ account, previous });
    }
  } catch (err) {
    await undo();
    throw err;
  }
  return undo;
}

function writeRow(db: Db, { table, row, existing }: PlannedRow): void {
  const cols = Object.keys(row);
  const insert = `INSERT INTO ${quote(table)} (${cols.map(quote).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
  if (!existing) {
    db.prepare(insert).run(...cols.map((c) => row[c] ?? null));
    return;
  }
  // An update in place, not INSERT OR REPLACE: a replace deletes first, and the cascade would take the
  // connections and queued jobs that hang off the row with it.
  const pk = (
    db.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').all(table) as Array<{
      name: string;
    }>
  ).map((c) => c.name);
  const set = cols.filter((c) => !pk.includes(c));
  if (set.length === 0) return;
  db.prepare(
    `UPDATE ${quote(table)} SET ${set.map((c) => `${quote(c)} = ?`).join(', ')} WHERE ${pk.map((c) => `${quote(c)} = ?`).join(' AND ')}`,
  ).run(...set.map((c) => row[c] ?? null), ...pk.map((c) => row[c] ?? null));
}

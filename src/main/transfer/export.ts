// Runs in: main (Electron-free). Owns: writing a workspace (its stores, accounts, connections, settings,
// mappings and the secrets they reference) into one passphrase-encrypted file.
import { resolve } from 'node:path';
import { APP_VERSION } from '../app/version.js';
import { AppError } from '../core/errors.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { writeAtomically } from '../secrets/file-store.js';
import type { Db } from '../storage/db.js';
import {
  EXPORT_KIND,
  PAYLOAD_FORMAT,
  quote,
  secretRefs,
  tableExists,
  TRANSFER_TABLES,
  type Payload,
  type Row,
} from './payload.js';
import { MIN_PASSPHRASE_LENGTH } from './passphrase.js';
import { DEFAULT_KDF, seal, type KdfParams } from './sealed.js';
import { SALT_SECRET, saltForExport } from './salt.js';

export interface TransferSource {
  db: Db;
  secrets: SecretStore;
}

export interface TransferSummary {
  path: string;
  /** Rows per table. */
  tables: Partial<Record<string, number>>;
  secrets: number;
}

export interface ExportOptions {
  /** Tests scale scrypt down; the header records whatever was used. */
  kdf?: KdfParams;
  now?: () => number;
}

export async function exportWorkspace(
  ws: TransferSource,
  path: string,
  passphrase: string,
  opts: ExportOptions = {},
): Promise<TransferSummary> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError(
      'invalid_input',
      `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters: the export holds every credential of the workspace.`,
    );
  }
  const tables: Payload['tables'] = {};
  const secrets: Record<string, string> = {};
  const missing: string[] = [];
  for (const table of TRANSFER_TABLES) {
    if (!tableExists(ws.db, table)) continue;
    const rows = ws.db.prepare(`SELECT * FROM ${quote(table)} ORDER BY rowid`).all() as Row[];
    for (const row of rows) {
      if (Object.values(row).some((v) => typeof v === 'bigint' || Buffer.isBuffer(v)))
        throw new AppError('internal', `Table ${table} holds binary values this export format cannot carry.`);
      for (const ref of secretRefs(table, row)) {
        const value = await ws.secrets.get(ref.account);
        if (value !== undefined) secrets[ref.account] = value;
        else if (ref.required) missing.push(`${table} "${String(row.name ?? row.id)}"`);
      }
    }
    tables[table] = rows;
  }
  const salt = await saltForExport(ws.db, ws.secrets);
  if (salt !== undefined) secrets[SALT_SECRET] = salt;
  if (missing.length) {
    throw new AppError(
      'not_found',
      `Not exported: the keychain has no credentials for ${missing.join(', ')}. ` +
        'Enter them again (or remove those entries) and export again; nothing was written.',
    );
  }
  const payload: Payload = {
    format: PAYLOAD_FORMAT,
    version: 1,
    exportedAt: new Date(opts.now?.() ?? Date.now()).toISOString(),
    appVersion: APP_VERSION,
    tables,
    secrets,
  };
  const plain = Buffer.from(JSON.stringify(payload), 'utf8');
  try {
    const target = resolve(path);
    await writeAtomically(target, await seal(plain, passphrase, EXPORT_KIND, opts.kdf ?? DEFAULT_KDF));
    return {
      path: target,
      tables: Object.fromEntries(Object.entries(tables).map(([t, rows]) => [t, rows.length])),
      secrets: Object.keys(secrets).length,
    };
  } finally {
    plain.fill(0); // the strings stay until collected; the one buffer we own need not
  }
}

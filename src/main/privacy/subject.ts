// Runs in: main (Electron-free). Owns: the salted hash that stands for a person in the suppression list and the
// audit trail, so neither holds the email itself; and where its salt lives: the SecretStore, never SQLite.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../storage/db.js';
import type { SecretStore } from '../secrets/secret-store.js';

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** The privacy_settings key naming the salt's SecretStore account (migration 008 creates it). */
export const SALT_ACCOUNT_KEY = 'salt_account';
/** Where migration 006 kept the salt itself, next to the hashes: moved out on first use. */
const LEGACY_SALT_KEY = 'salt';

const setting = (db: Db, key: string): string | undefined =>
  (db.prepare('SELECT value FROM privacy_settings WHERE key = ?').get(key) as { value: string } | undefined)
    ?.value;

/** The SecretStore account of this workspace's salt: one per workspace, since workspaces share a keychain. */
export function saltAccount(db: Db): string {
  const have = setting(db, SALT_ACCOUNT_KEY);
  if (have) return have;
  db.prepare('INSERT OR IGNORE INTO privacy_settings (key, value) VALUES (?, ?)').run(
    SALT_ACCOUNT_KEY,
    `privacy:${randomUUID()}:salt`,
  );
  return setting(db, SALT_ACCOUNT_KEY)!;
}

export const hasLegacySalt = (db: Db): boolean => setting(db, LEGACY_SALT_KEY) !== undefined;

/**
 * The workspace's salt from the SecretStore. A salt an older build kept in SQLite is moved there first (the
 * hashes were made with it), then deleted and its page zeroed; without either, one is created when `create`.
 * A SecretStore that refuses makes this throw: the salt never falls back to the database.
 */
export async function readSalt(
  db: Db,
  secrets: SecretStore,
  o: { create: boolean },
): Promise<Buffer | undefined> {
  const account = saltAccount(db);
  const legacy = setting(db, LEGACY_SALT_KEY);
  if (legacy !== undefined) {
    if ((await secrets.get(account)) !== legacy) await secrets.set(account, legacy);
    db.prepare('DELETE FROM privacy_settings WHERE key = ?').run(LEGACY_SALT_KEY);
    scrubFreePages(db);
    return Buffer.from(legacy, 'base64');
  }
  const stored = await secrets.get(account);
  if (stored) return Buffer.from(stored, 'base64');
  if (!o.create) return undefined;
  const salt = randomBytes(32).toString('base64');
  await secrets.set(account, salt);
  return Buffer.from(salt, 'base64');
}

/** The deleted salt must not survive in a free page or the write-ahead log. */
function scrubFreePages(db: Db): void {
  db.pragma('secure_delete = ON');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
}

export function subjectHash(salt: Buffer, email: string): string {
  return createHmac('sha256', salt).update(normaliseEmail(email)).digest('hex');
}

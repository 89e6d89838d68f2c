// Runs in: main (Electron-free). Owns: carrying the privacy salt (a keychain entry, not a row) in a workspace
// export, so the suppression list's hashes still match on the other machine, and refusing to swap it under
// hashes made with another one.
import { AppError } from '../core/errors.js';
import { readSalt, saltAccount } from '../privacy/subject.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { Db } from '../storage/db.js';
import { tableExists } from './payload.js';

/** The payload's secrets key for the salt; the importing workspace keeps it under its own account. */
export const SALT_SECRET = 'privacy:salt';

const hasPrivacy = (db: Db) => tableExists(db, 'privacy_settings');

/** The salt, if this workspace has one yet (an export never creates it). */
export async function saltForExport(db: Db, secrets: SecretStore): Promise<string | undefined> {
  if (!hasPrivacy(db)) return undefined;
  return (await readSalt(db, secrets, { create: false }))?.toString('base64');
}

/**
 * Where the imported salt goes. Refused when this workspace already suppresses people with a different salt:
 * their hashes would stop matching and erased people would come back.
 */
export async function saltForImport(
  db: Db,
  secrets: SecretStore,
  incoming: string | undefined,
): Promise<{ account: string; value: string } | undefined> {
  if (incoming === undefined || !hasPrivacy(db)) return undefined;
  const current = (await readSalt(db, secrets, { create: false }))?.toString('base64');
  if (current === incoming) return undefined;
  const { n } = db.prepare('SELECT count(*) AS n FROM suppressions').get() as { n: number };
  if (current !== undefined && n > 0)
    throw new AppError(
      'conflict',
      `This workspace already has its own suppression list (${n} erased people), made with another privacy salt. ` +
        'Import into a fresh workspace folder instead. Nothing was imported.',
    );
  return { account: saltAccount(db), value: incoming };
}

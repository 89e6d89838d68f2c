// Runs in: main (Electron-free). Owns: the workspace's privacy salt and the salted hash that stands for a
// person in the suppression list and the audit trail, so neither holds the email itself.
import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../storage/db.js';

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export function privacySalt(db: Db): Buffer {
  const row = db.prepare("SELECT value FROM privacy_settings WHERE key = 'salt'").get() as
    { value: string } | undefined;
  if (row) return Buffer.from(row.value, 'base64');
  const salt = randomBytes(32);
  db.prepare("INSERT OR IGNORE INTO privacy_settings (key, value) VALUES ('salt', ?)").run(
    salt.toString('base64'),
  );
  return privacySalt(db);
}

export function subjectHash(salt: Buffer, email: string): string {
  return createHmac('sha256', salt).update(normaliseEmail(email)).digest('hex');
}

// Runs in: main (Electron-free). Owns: SQLite's own verdict on each database file (integrity_check, quick_check).
import type { Db } from '../storage/db.js';

export interface IntegrityReport {
  file: string;
  integrityCheck: string[];
  quickCheck: string[];
  ok: boolean;
}

export function integrity(db: Db, file: string): IntegrityReport {
  // Capped: a badly damaged file can report thousands of problems, and the first ones are what matter.
  const run = (pragma: string) =>
    (db.pragma(`${pragma}(100)`) as Array<Record<string, string>>).map((r) => Object.values(r)[0] ?? '');
  const integrityCheck = run('integrity_check');
  const quickCheck = run('quick_check');
  const ok = integrityCheck.join() === 'ok' && quickCheck.join() === 'ok';
  return { file, integrityCheck, quickCheck, ok };
}

// Runs in: vitest. Owns: a cheap fingerprint of a workspace's databases (rows per table, and SQLite's count of
// rows this connection ever changed), to prove a refused call wrote nothing, not even a row it later undid.
import type { Db } from '../../src/main/storage/db.js';

export function dbFingerprint(dbs: Record<string, Db>): string {
  const parts: string[] = [];
  for (const [name, db] of Object.entries(dbs)) {
    const { n } = db.prepare('SELECT total_changes() AS n').get() as { n: number };
    parts.push(`${name}.changes=${n}`);
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as Array<{ name: string }>;
    for (const t of tables) {
      const { c } = db.prepare(`SELECT count(*) AS c FROM "${t.name.replace(/"/g, '""')}"`).get() as {
        c: number;
      };
      parts.push(`${name}.${t.name}=${c}`);
    }
  }
  return parts.join('\n');
}

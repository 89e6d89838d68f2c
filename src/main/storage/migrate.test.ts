import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from './db.js';
import { migrate, type Migration } from './migrate.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function dbFile(): string {
  const d = mkdtempSync(join(tmpdir(), 'sb-migrate-'));
  dirs.push(d);
  return join(d, 'w.db');
}

const m1: Migration = {
  id: 1,
  name: 'a',
  sql: 'CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT NOT NULL) STRICT;',
};
const m2: Migration = { id: 2, name: 'b', sql: 'CREATE TABLE b (id INTEGER PRIMARY KEY) STRICT;' };

describe('migrate', () => {
  it('applies pending migrations once, in order, and records them', () => {
    const file = dbFile();
    let db = openDb(file);
    expect(migrate(db, [m1], '1.0.0').applied).toEqual([1]);
    db.close();
    db = openDb(file);
    expect(migrate(db, [m1, m2], '1.1.0').applied).toEqual([2]);
    expect(migrate(db, [m1, m2], '1.1.0').applied).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('makes STRICT tables that refuse the wrong type', () => {
    const db = openDb(dbFile());
    migrate(db, [m1], '1.0.0');
    expect(() => db.prepare('INSERT INTO a (id, v) VALUES (1, ?)').run(Buffer.from('x'))).toThrow(
      /cannot store BLOB/,
    );
    db.close();
  });

  it('refuses to open when an applied migration was edited, and changes nothing', () => {
    const file = dbFile();
    let db = openDb(file);
    migrate(db, [m1], '1.0.0');
    db.close();
    db = openDb(file);
    const edited = { ...m1, sql: m1.sql.replace('v TEXT', 'v INTEGER') };
    expect(() => migrate(db, [edited, m2], '1.1.0')).toThrow(/Migration 1 "a" differs from the one applied/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
    db.close();
  });

  it('refuses a database written by a newer version', () => {
    const file = dbFile();
    let db = openDb(file);
    migrate(db, [m1, m2], '2.0.0');
    db.close();
    db = openDb(file);
    expect(() => migrate(db, [m1], '1.0.0')).toThrow(/written by a newer Storebridge \(2\.0\.0, migration 2/);
    db.close();
  });

  it('rolls back a failing migration completely', () => {
    const db = openDb(dbFile());
    const bad: Migration = {
      id: 2,
      name: 'bad',
      sql: 'CREATE TABLE c (id INTEGER) STRICT; INSERT INTO nope VALUES (1);',
    };
    expect(() => migrate(db, [m1, bad], '1.0.0')).toThrow(/no such table: nope/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'c'").get()).toBeUndefined();
    expect(db.prepare('SELECT max(id) AS n FROM schema_migrations').get()).toEqual({ n: 1 });
    db.close();
  });
});

// Runs in: vitest (under scripts/with-keychain.sh). Owns: the privacy salt living in the real keychain, never in
// SQLite: created on first use (or in the passphrase secrets file), moved out of a database an older build wrote
// (migration 008), carried by a workspace export into another keychain, and an import refused where it would
// orphan existing hashes.
import { createHmac, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE, openWorkspace, type Workspace } from '../../src/main/app/workspace.js';
import { silentLogger } from '../../src/main/core/logger.js';
import { PassphraseFileSecretStore } from '../../src/main/secrets/file-store.js';
import { openDb } from '../../src/main/storage/db.js';
import { migrate } from '../../src/main/storage/migrate.js';
import { migrations } from '../../src/main/storage/migrations/index.js';
import { exportWorkspace } from '../../src/main/transfer/export.js';
import { importWorkspace } from '../../src/main/transfer/import.js';
import { tempDir, uniqueService } from '../support/temp.js';

const open: Workspace[] = [];
afterEach(() => open.splice(0).forEach((w) => w.close()));

function workspace(dir = tempDir('sb-salt-')): Workspace & { service: string } {
  const service = uniqueService('salt');
  const ws = openWorkspace({ dir, host: 'test', keychainService: service, logger: silentLogger });
  open.push(ws);
  return Object.assign(ws, { service });
}

const account = (ws: Workspace) =>
  (ws.db.prepare("SELECT value FROM privacy_settings WHERE key = 'salt_account'").get() as { value: string })
    .value;
const hmac = (salt: Buffer, email: string) => createHmac('sha256', salt).update(email).digest('hex');

/** Whether any file of the workspace folder (databases, -wal, -shm) holds these bytes. */
function inFiles(dir: string, needle: Buffer): string[] {
  return readdirSync(dir).filter((n) => readFileSync(join(dir, n)).includes(needle));
}

describe('the privacy salt', () => {
  it('is created in the keychain on first use and never written to the workspace files', async () => {
    const ws = workspace();
    expect(await keytar.findCredentials(ws.service)).toEqual([]); // opening alone creates nothing
    const out = await ws.privacy.erase('Pia@Example.com');
    const [entry, ...more] = await keytar.findCredentials(ws.service);
    expect(more).toEqual([]);
    expect(entry!.account).toBe(account(ws));
    const salt = Buffer.from(entry!.password, 'base64');
    expect(salt).toHaveLength(32);
    expect(out.subjectHash).toBe(hmac(salt, 'pia@example.com'));
    expect(ws.privacy.isSuppressed('any-store', 'pia@example.com')).toBe(true);
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(inFiles(ws.dir, salt)).toEqual([]);
    expect(inFiles(ws.dir, Buffer.from(entry!.password))).toEqual([]);
    // No build may put it back next to the hashes.
    expect(() =>
      ws.db.prepare("INSERT INTO privacy_settings (key, value) VALUES ('salt', 'x')").run(),
    ).toThrow(/belongs in the keychain/);
  });

  it('goes into the passphrase secrets file on a machine without a keychain, encrypted like the credentials', async () => {
    const dir = tempDir('sb-salt-file-');
    const file = join(tempDir(), 'secrets.sbs');
    const secrets = new PassphraseFileSecretStore(file, 'a long passphrase', {
      kdf: { N: 2 ** 12, r: 8, p: 1 },
    });
    const ws = openWorkspace({ dir, host: 'test', secrets, logger: silentLogger });
    open.push(ws);
    const out = await ws.privacy.erase('file@example.com');
    const salt = Buffer.from((await secrets.get(account(ws)))!, 'base64');
    expect(out.subjectHash).toBe(hmac(salt, 'file@example.com'));
    expect(readFileSync(file).includes(salt)).toBe(false);
    expect(readFileSync(file).includes(Buffer.from(salt.toString('base64')))).toBe(false);
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(inFiles(dir, Buffer.from(salt.toString('base64')))).toEqual([]);
    // Another process with the same file and passphrase reads the same salt: the hashes still match.
    const again = new PassphraseFileSecretStore(file, 'a long passphrase');
    expect(await again.get(account(ws))).toBe(salt.toString('base64'));
  });

  it('is moved out of a database an older build wrote, keeping its suppressions valid', async () => {
    const dir = tempDir('sb-salt-legacy-');
    const legacy = randomBytes(32);
    const old = openDb(join(dir, DB_FILE));
    migrate(old, migrations.slice(0, 7), 'old');
    old
      .prepare("INSERT INTO privacy_settings (key, value) VALUES ('salt', ?)")
      .run(legacy.toString('base64'));
    old
      .prepare(
        "INSERT INTO suppressions (store_id, subject_hash, reason, created_at) VALUES ('*', ?, 'erase', 1)",
      )
      .run(hmac(legacy, 'old@example.com'));
    old.close();
    expect(inFiles(dir, Buffer.from(legacy.toString('base64'))).length).toBeGreaterThan(0);

    const ws = workspace(dir);
    await ws.privacy.ready(); // joins the move the workspace started when it opened
    expect(await keytar.getPassword(ws.service, account(ws))).toBe(legacy.toString('base64'));
    expect(ws.db.prepare("SELECT key FROM privacy_settings WHERE key = 'salt'").all()).toEqual([]);
    expect(ws.privacy.isSuppressed('s', 'OLD@example.com')).toBe(true);
    expect(ws.privacy.isSuppressed('s', 'new@example.com')).toBe(false);
    expect(inFiles(dir, Buffer.from(legacy.toString('base64')))).toEqual([]);
    expect(inFiles(dir, legacy)).toEqual([]);
  });

  it('travels with a workspace export into another keychain; an import never swaps it under other hashes', async () => {
    const src = workspace();
    await src.privacy.erase('gone@example.com');
    const file = join(tempDir(), 'move.sbx');
    const pass = 'a passphrase for the move';
    const summary = await exportWorkspace(src, file, pass, { kdf: { N: 2 ** 12, r: 8, p: 1 } });
    expect(summary.tables).toMatchObject({ suppressions: 1 });
    const salt = (await keytar.getPassword(src.service, account(src)))!;
    expect(readFileSync(file).includes(Buffer.from(salt))).toBe(false);
    expect(readFileSync(file).includes(Buffer.from(salt, 'base64'))).toBe(false);

    const dst = workspace();
    expect(dst.privacy.isSuppressed('s', 'gone@example.com')).toBe(false);
    await dst.privacy.access('someone@example.com'); // the fresh workspace made a salt of its own meanwhile
    // Through the channel, as the console does: the workspace drops its cached salt after the import.
    const r = await dst.call('workspace:import', { path: file, passphrase: pass });
    expect(r.ok).toBe(true);
    expect(await keytar.getPassword(dst.service, account(dst))).toBe(salt);
    await dst.privacy.ready();
    expect(dst.privacy.isSuppressed('s', 'gone@example.com')).toBe(true);

    const other = workspace();
    await other.privacy.erase('mine@example.com');
    await expect(importWorkspace(other, file, pass)).rejects.toThrow(/own suppression list/);
    expect(other.privacy.isSuppressed('s', 'mine@example.com')).toBe(true);
    expect(other.db.prepare('SELECT count(*) AS n FROM suppressions').get()).toEqual({ n: 1 });
  });
});

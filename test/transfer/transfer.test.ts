// Workspace export and import between two workspaces with different keychain services (two "machines"),
// under the real keychain: run with scripts/with-keychain.sh.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { storeTokenAccount } from '../../src/main/stores/store-service.js';
import { exportWorkspace } from '../../src/main/transfer/export.js';
import { importWorkspace } from '../../src/main/transfer/import.js';
import { accountCredentialsAccount } from '../../src/main/accounts/account-service.js';
import { DEFAULT_KDF, MAGIC, parseSealed } from '../../src/main/transfer/sealed.js';
import { tempDir } from '../support/temp.js';
import { addAccountAndConnection, engineWorkspace, keychainAccounts, type TestWorkspace } from './helpers.js';

const CANARY = 'tok_TRANSFER_CANARY_0b9e44d1c7a2';
const ACCOUNT_SECRET = 'ac_key_TRANSFER_CANARY_77aa31';
const PASS = 'a passphrase for the move';
const fast = { kdf: { N: 2 ** 12, r: 8, p: 1 } };

const open: TestWorkspace[] = [];
afterEach(() => open.splice(0).forEach((w) => w.close()));
function workspace(label: string) {
  const ws = engineWorkspace(label);
  open.push(ws);
  return ws;
}

async function sourceWithData() {
  const src = workspace('xfer-src');
  const added = await src.call('stores:add', {
    name: 'Ünïcode Store',
    storeHash: 'xfer1',
    accessToken: CANARY,
  });
  if (!added.ok) throw new Error(added.error.message);
  addAccountAndConnection(src, added.value.id);
  await src.secrets.set(accountCredentialsAccount('acct-1'), ACCOUNT_SECRET);
  return { src, storeId: added.value.id };
}

async function exported(kdf = fast) {
  const { src, storeId } = await sourceWithData();
  const file = join(tempDir(), 'move.sbx');
  const summary = await exportWorkspace(src, file, PASS, kdf);
  return { src, storeId, file, summary };
}

async function expectUntouched(dst: TestWorkspace) {
  expect(dst.stores.list()).toEqual([]);
  expect(dst.db.prepare('SELECT count(*) AS n FROM connections').get()).toEqual({ n: 0 });
  expect(await keychainAccounts(dst.service)).toEqual([]);
}

describe('workspace transfer', () => {
  it('round-trips into a fresh workspace and another keychain, with the default scrypt cost', async () => {
    const { src, storeId, file, summary } = await exported({ kdf: DEFAULT_KDF });
    expect(summary).toMatchObject({
      tables: { stores: 1, platform_accounts: 1, connections: 1 },
      secrets: 2,
    });

    const bytes = readFileSync(file);
    expect(bytes.subarray(0, MAGIC.length).equals(MAGIC)).toBe(true);
    expect(parseSealed(bytes, 'workspace-export', 'x').header.kdf).toMatchObject(DEFAULT_KDF);
    for (const s of [CANARY, ACCOUNT_SECRET, 'xfer1', 'Store to AC']) {
      expect(bytes.includes(Buffer.from(s)), s).toBe(false);
      expect(bytes.includes(Buffer.from(s, 'utf16le')), s).toBe(false);
      expect(bytes.includes(Buffer.from(Buffer.from(s).toString('base64').slice(0, 16))), s).toBe(false);
    }

    const dst = workspace('xfer-dst');
    expect(dst.service).not.toBe(src.service);
    const result = await importWorkspace(dst, file, PASS, {});
    expect(result).toMatchObject({ tables: { stores: 1, platform_accounts: 1, connections: 1 }, secrets: 2 });
    expect(result.replaced).toEqual([]);

    expect(dst.stores.list()).toEqual(src.stores.list());
    expect(await dst.stores.token(storeId)).toBe(CANARY);
    expect(await dst.secrets.get(accountCredentialsAccount('acct-1'))).toBe(ACCOUNT_SECRET);
    const conn = 'SELECT id, store_id, account_id, name, scope FROM connections';
    expect(dst.db.prepare(conn).all()).toEqual(src.db.prepare(conn).all());
    expect(await keychainAccounts(dst.service)).toEqual(
      [storeTokenAccount(storeId), accountCredentialsAccount('acct-1')].sort(),
    );
  });

  it('refuses a wrong passphrase and writes nothing', async () => {
    const { file } = await exported();
    const dst = workspace('xfer-wrong');
    await expect(importWorkspace(dst, file, 'not the passphrase')).rejects.toMatchObject({
      code: 'unauthorized',
      message: expect.stringMatching(/passphrase is wrong/),
    });
    await expectUntouched(dst);
  });

  it('refuses a file with one flipped byte, in the body or in the header', async () => {
    const { file } = await exported();
    const original = readFileSync(file);
    const headerEnd = MAGIC.length + 4 + original.readUInt32BE(MAGIC.length);
    const dst = workspace('xfer-flip');
    // A byte of the ciphertext, of the tag, of the nonce and of the header's JSON framing.
    const nonceAt = original.indexOf('"nonce":"') + 9;
    for (const at of [headerEnd + 3, original.length - 1, nonceAt]) {
      const bytes = Buffer.from(original);
      bytes[at] = at === nonceAt ? (bytes[at] === 0x41 ? 0x42 : 0x41) : bytes[at]! ^ 0x40;
      writeFileSync(file, bytes);
      await expect(importWorkspace(dst, file, PASS)).rejects.toMatchObject({ code: 'unauthorized' });
    }
    const framing = Buffer.from(original);
    framing[MAGIC.length + 4] = 0x5b; // '{' becomes '['
    writeFileSync(file, framing);
    await expect(importWorkspace(dst, file, PASS)).rejects.toThrow(/not a readable Storebridge/);
    await expectUntouched(dst);
  });

  it('refuses to overwrite an existing store unless asked, then replaces it keeping the local id', async () => {
    const { file, storeId } = await exported();
    const dst = workspace('xfer-replace');
    const local = await dst.call('stores:add', {
      name: 'Local copy',
      storeHash: 'xfer1',
      accessToken: 'tok_old_local_1',
    });
    if (!local.ok) throw new Error(local.error.message);

    await expect(importWorkspace(dst, file, PASS)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/already has store "Local copy" \(xfer1\).*--replace/),
    });
    expect(await dst.stores.token(local.value.id)).toBe('tok_old_local_1');
    expect(dst.db.prepare('SELECT count(*) AS n FROM connections').get()).toEqual({ n: 0 });

    let announced = 0;
    const r = await importWorkspace(dst, file, PASS, { replace: true, onImported: () => announced++ });
    expect(r.replaced).toEqual(['store "Local copy" (xfer1)']);
    expect(announced).toBe(1);
    expect(dst.stores.list().map((s) => [s.id, s.name])).toEqual([[local.value.id, 'Ünïcode Store']]);
    expect(await dst.stores.token(local.value.id)).toBe(CANARY);
    expect(await dst.secrets.get(storeTokenAccount(storeId))).toBeUndefined();
    expect(dst.db.prepare('SELECT store_id FROM connections').all()).toEqual([{ store_id: local.value.id }]);
  });

  it('undoes the keychain writes when the database refuses a row', async () => {
    const { file } = await exported();
    const dst = workspace('xfer-rollback');
    dst.db.exec(
      `CREATE TRIGGER no_conn BEFORE INSERT ON connections BEGIN SELECT RAISE(ABORT, 'disk says no'); END`,
    );
    await expect(importWorkspace(dst, file, PASS)).rejects.toThrow(/rolled back.*disk says no/);
    await expectUntouched(dst);
  });

  it('refuses an export from a newer schema (a column this workspace lacks), before writing anything', async () => {
    const { src } = await sourceWithData();
    src.db.exec(`ALTER TABLE connections ADD COLUMN future_option TEXT`);
    const file = join(tempDir(), 'newer.sbx');
    await exportWorkspace(src, file, PASS, fast);
    const dst = workspace('xfer-old');
    await expect(importWorkspace(dst, file, PASS)).rejects.toThrow(
      /newer Storebridge.*no column future_option in connections.*Nothing was imported/,
    );
    expect(dst.stores.list()).toEqual([]);
    expect(await keychainAccounts(dst.service)).toEqual([]);
  });

  it('will not export a store whose token is missing, nor with a short passphrase', async () => {
    const { src, storeId } = await sourceWithData();
    const file = join(tempDir(), 'x.sbx');
    await expect(exportWorkspace(src, file, 'short', fast)).rejects.toThrow(/at least 10 characters/);
    await src.secrets.delete(storeTokenAccount(storeId));
    await expect(exportWorkspace(src, file, PASS, fast)).rejects.toThrow(
      /no credentials for stores "Ünïcode Store"/,
    );
    expect(() => readFileSync(file)).toThrow();
  });
});

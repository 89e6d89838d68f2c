// The headless secrets file: real files in a temp folder, scrypt scaled down except where the default is tested.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_KDF, parseSealed } from '../transfer/sealed.js';
import {
  PassphraseFileSecretStore,
  SECRETS_FILE_BACKEND,
  SECRETS_FILE_KIND,
  secretsFileIfAsked,
} from './file-store.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sb-secrets-'));
  dirs.push(dir);
  return join(dir, 'nested', 'secrets.sbsec');
}

const fast = { kdf: { N: 2 ** 12, r: 8, p: 1 } };
const SECRET = 'tok_FILESTORE_CANARY_5e1d9a77c3';

describe('PassphraseFileSecretStore', () => {
  it('round-trips through a fresh instance, with the default scrypt cost and a 0600 file', async () => {
    const file = tempFile();
    const seen: string[] = [];
    const a = new PassphraseFileSecretStore(file, 'correct horse battery', { onSecret: (s) => seen.push(s) });
    expect(await a.status()).toEqual({ available: true, backend: SECRETS_FILE_BACKEND });
    await a.set('store:1:token', SECRET);
    await a.set('store:2:token', 'ünïcødé-sécret-✓');
    expect(seen).toContain(SECRET);

    const b = new PassphraseFileSecretStore(file, 'correct horse battery');
    expect(await b.get('store:1:token')).toBe(SECRET);
    expect(await b.get('store:2:token')).toBe('ünïcødé-sécret-✓');
    expect(await b.get('store:3:token')).toBeUndefined();
    expect(await b.delete('store:1:token')).toBe(true);
    expect(await b.delete('store:1:token')).toBe(false);
    expect(await a.get('store:1:token')).toBeUndefined();

    const header = parseSealed(readFileSync(file), SECRETS_FILE_KIND, 'test').header;
    expect(header.kdf).toMatchObject(DEFAULT_KDF);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    // Atomic writes leave no temp or lock files behind.
    expect(readdirSync(join(file, '..'))).toEqual(['secrets.sbsec']);
  });

  it('never holds a secret or an account name in clear', async () => {
    const file = tempFile();
    const s = new PassphraseFileSecretStore(file, 'a long passphrase', fast);
    await s.set('store:canary:token', SECRET);
    const bytes = readFileSync(file);
    for (const needle of [SECRET, 'store:canary:token']) {
      expect(bytes.includes(Buffer.from(needle))).toBe(false);
      expect(bytes.includes(Buffer.from(needle, 'utf16le'))).toBe(false);
      expect(bytes.includes(Buffer.from(Buffer.from(needle).toString('base64')))).toBe(false);
    }
  });

  it('refuses a wrong passphrase with a message that says what to do, and leaves the file alone', async () => {
    const file = tempFile();
    await new PassphraseFileSecretStore(file, 'the right one', fast).set('a', SECRET);
    const before = readFileSync(file);
    const wrong = new PassphraseFileSecretStore(file, 'the wrong one', fast);
    const st = await wrong.status();
    expect(st.available).toBe(false);
    expect(st.message).toMatch(/passphrase is wrong/);
    await expect(wrong.get('a')).rejects.toMatchObject({ code: 'keychain_unavailable' });
    await expect(wrong.set('b', 'x')).rejects.toThrow(/passphrase is wrong/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file with one flipped byte', async () => {
    const file = tempFile();
    await new PassphraseFileSecretStore(file, 'the right one', fast).set('a', SECRET);
    const { writeFileSync } = await import('node:fs');
    const bytes = readFileSync(file);
    bytes[bytes.length - 20]! ^= 0x01;
    writeFileSync(file, bytes);
    await expect(new PassphraseFileSecretStore(file, 'the right one', fast).get('a')).rejects.toThrow(
      /changed or damaged/,
    );
  });

  it('keeps every entry under concurrent sets and deletes, also across two instances', async () => {
    const file = tempFile();
    const a = new PassphraseFileSecretStore(file, 'shared passphrase', fast);
    const b = new PassphraseFileSecretStore(file, 'shared passphrase', fast);
    await a.set('gone', 'x');
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).set(`k${i}`, `v${i}`)),
      b.delete('gone'),
    ]);
    const c = new PassphraseFileSecretStore(file, 'shared passphrase', fast);
    for (let i = 0; i < 20; i++) expect(await c.get(`k${i}`)).toBe(`v${i}`);
    expect(await c.get('gone')).toBeUndefined();
  });

  it('is only built when a file is named, and then needs a passphrase', async () => {
    expect(await secretsFileIfAsked({ env: {} })).toBeUndefined();
    const file = tempFile();
    await expect(
      secretsFileIfAsked({ env: { STOREBRIDGE_SECRETS_FILE: file }, prompt: async () => '' }),
    ).rejects.toThrow(/needs a passphrase/);
    const store = await secretsFileIfAsked({
      file,
      env: { STOREBRIDGE_SECRETS_PASSPHRASE: 'from the environment' },
    });
    expect(store?.file).toBe(file);
    expect((await store!.status()).backend).toBe(SECRETS_FILE_BACKEND);
  });
});

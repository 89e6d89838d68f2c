// The real OS keychain (gnome-keyring in CI, under scripts/with-keychain.sh), and what happens without one.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../src/main/secrets/keytar-store.js';
import { uniqueService } from '../support/temp.js';

describe('KeytarSecretStore against the real keychain', () => {
  it('stores, reads and deletes a secret', async () => {
    const store = new KeytarSecretStore(uniqueService('kc'));
    expect(await store.status()).toMatchObject({ available: true });
    await store.set('store:1:token', 'tok_keychain_roundtrip_1234');
    expect(await store.get('store:1:token')).toBe('tok_keychain_roundtrip_1234');
    expect(await store.delete('store:1:token')).toBe(true);
    expect(await store.get('store:1:token')).toBeUndefined();
  });

  it('keeps entries of different services apart', async () => {
    const a = new KeytarSecretStore(uniqueService('a'));
    const b = new KeytarSecretStore(uniqueService('b'));
    await a.set('x', 'secret-of-a-123');
    expect(await b.get('x')).toBeUndefined();
    await a.delete('x');
  });
});

describe('without a reachable keychain', () => {
  it('says so plainly and refuses to save, writing nothing', () => {
    // A child process whose D-Bus address leads nowhere: libsecret cannot reach any Secret Service.
    const script = `
      import { KeytarSecretStore } from './src/main/secrets/keytar-store.ts';
      const s = new KeytarSecretStore('storebridge-test-absent');
      const status = await s.status();
      let error;
      try { await s.set('a', 'tok_must_not_be_saved_anywhere'); } catch (e) { error = { code: e.code, message: e.message }; }
      console.log(JSON.stringify({ status, error }));
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/storebridge-bus' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
      status: { available: boolean; message: string };
      error: { code: string; message: string };
    };
    expect(out.status.available).toBe(false);
    expect(out.status.message).toMatch(/never stores credentials in plain text/);
    expect(out.error.code).toBe('keychain_unavailable');
  });
});

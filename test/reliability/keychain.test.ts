// Runs in: vitest. Owns: a locked OS keychain (the login keyring locked over D-Bus, in a private session of
// its own): no crash, saving refused (keychain_unavailable) before any row is written, a read says to unlock
// the keychain (not to re-enter the token), no plain text. An absent keychain: test/foundation/keychain.test.ts.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp.js';

describe('the keychain locked while the app runs', () => {
  it('does not crash, refuses to save before writing anything, never falls back to plain text', () => {
    const dir = tempDir();
    const r = spawnSync(
      'scripts/with-keychain.sh',
      [process.execPath, '--import', 'tsx', 'test/reliability/keychain-locked-child.ts', dir],
      { encoding: 'utf8', timeout: 60_000 },
    );
    // A native crash (keytar reading a locked collection once segfaulted) ends the child without its line.
    expect(r.status, r.stderr).toBe(0);
    const line = r.stdout.trim().split('\n').pop() ?? '';
    expect(line.startsWith('{'), `child said: ${r.stdout}\n${r.stderr}`).toBe(true);
    const out = JSON.parse(line) as {
      add: { ok: boolean; error?: { code: string; message: string } };
      read: { code?: string; message?: string };
      missingUnlocked: boolean;
      storesWhileLocked: string[];
      plaintext: boolean;
    };
    expect(out.add).toMatchObject({ ok: false, error: { code: 'keychain_unavailable' } });
    expect(out.add.error!.message).toMatch(/keychain/i);
    // Refused before the row was written: no store without its token, no token on disk.
    expect(out.storesWhileLocked).toEqual(['Kept']);
    expect(out.plaintext).toBe(false);
    // Reading while locked fails as "locked", not "missing": the message says to unlock the keychain, never
    // to enter the token again (which the locked keychain would refuse anyway).
    expect(out.read.code).toBe('keychain_unavailable');
    expect(out.read.message).toMatch(/unlock your keychain \(/);
    expect(out.read.message).not.toMatch(/Enter it again/);
    // An entry that really is missing (keychain unlocked) still reads as missing.
    expect(out.missingUnlocked).toBe(true);
  }, 60_000);
});

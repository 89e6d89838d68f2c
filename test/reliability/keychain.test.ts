// Runs in: vitest. Owns: a locked OS keychain (the login keyring locked over D-Bus, in a private session of
// its own): the process does not crash, saving is refused (keychain_unavailable) before any row is written,
// nothing falls back to plain text. An absent keychain is test/foundation/keychain.test.ts.
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
      storesWhileLocked: string[];
      plaintext: boolean;
    };
    expect(out.add).toMatchObject({ ok: false, error: { code: 'keychain_unavailable' } });
    expect(out.add.error!.message).toMatch(/keychain/i);
    // Refused before the row was written: no store without its token, no token on disk.
    expect(out.storesWhileLocked).toEqual(['Kept']);
    expect(out.plaintext).toBe(false);
    // Reading while locked fails (it never returns something else); today it reads as "missing" (see
    // docs/reliability.md): the message sends the person to re-enter it, which the locked keychain refuses.
    expect(out.read.code).toBe('unauthorized');
  }, 60_000);
});

// Runs in: vitest (under scripts/with-keychain.sh). Owns: replacing a store's token in place
// (`stores:updateToken`): a refused new token changes nothing (the old one stays in the keychain); an accepted
// one replaces it, and the connection held for re-authentication after the old token was revoked runs again.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startBigCommerceSim } from '../../src/sandbox/bigcommerce/index.js';
import { tempDir, uniqueService } from '../support/temp.js';
import { closeAfterTest, syncFixture } from './sync-fixture.js';

const HASH = 'rekeystore';
const OLD = 'tok_rekey_old_0123456789';
const NEW = 'tok_rekey_new_9876543210';

async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('replacing a store token', () => {
  it('keeps the old token when the new one is refused, and resumes the held connection once it is accepted', async () => {
    const tokens = [{ token: OLD }, { token: NEW }];
    const { ws, store, conn } = await syncFixture({
      hash: HASH,
      name: 'Rekey',
      token: OLD,
      tokens,
      seed: { customers: 10, orders: 10, products: 2, seed: 'rekey' },
      connection: { intervalMs: 1_000 },
    });

    tokens.splice(0, 1); // the old token's API account is deleted in BigCommerce
    ws.scheduler.start();
    closeAfterTest(() => ws.scheduler.dispose());
    await until('the connection held for re-authentication', () => ws.connections.get(conn.id).paused);
    expect(ws.events.query({ connectionId: conn.id, type: 'connection.reauth' })).toHaveLength(1);

    // A token the store refuses: nothing changes.
    const wrong = await ws.call('stores:updateToken', {
      id: store.id,
      accessToken: 'tok_rekey_wrong_555555',
    });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) {
      expect(wrong.error.code).toBe('unauthorized');
      expect(wrong.error.message).toMatch(/not saved.*previous token of "Rekey" is kept/);
    }
    expect(await ws.stores.token(store.id)).toBe(OLD);
    expect(ws.connections.get(conn.id).paused).toBe(true);

    const replaced = await ws.call('stores:updateToken', { id: store.id, accessToken: NEW });
    expect(replaced.ok, JSON.stringify(replaced)).toBe(true);
    if (!replaced.ok) return;
    expect(replaced.value.resumed).toEqual([{ id: conn.id, name: ws.connections.get(conn.id).name }]);
    expect(replaced.value.store.credentials.hint).toBe('••••3210');
    expect(JSON.stringify(replaced.value)).not.toContain(NEW);
    expect(await ws.stores.token(store.id)).toBe(NEW);
    expect(ws.connections.get(conn.id).paused).toBe(false);

    // The scheduler runs it again, now with the new token, and it completes.
    await until(
      'a sync that finishes',
      () => ws.events.query({ connectionId: conn.id, type: 'sync.finished' }).length > 0,
    );
    expect(ws.connections.get(conn.id).paused).toBe(false);
  }, 30_000);

  it('storebridge stores set-token: refused tokens change nothing, an accepted one replaces the old', async () => {
    const bc = await startBigCommerceSim({
      stores: [{ hash: HASH, seed: { customers: 2, orders: 0, products: 0 }, tokens: [{ token: NEW }] }],
    });
    closeAfterTest(() => bc.close());
    const dir = tempDir();
    const svc = uniqueService('rekey-cli');
    // Asynchronous: the simulator answers from this process, so a blocking spawnSync would starve it.
    const cli = (args: string[], input: string) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['bin/storebridge.js', '--workspace', dir, ...args], {
          env: { ...process.env, STOREBRIDGE_KEYCHAIN_SERVICE: svc },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
        child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
        child.stdin.end(input);
      });
    const add = await cli(
      ['stores', 'add', '--name', 'Cli', '--hash', HASH, '--api-url', bc.url, '--token-stdin', '--no-verify'],
      `${OLD}\n`,
    );
    expect(add.code, add.stderr).toBe(0);
    const wrong = await cli(['stores', 'set-token', HASH, '--token-stdin'], 'tok_rekey_wrong_555555\n');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/not saved.*previous token of "Cli" is kept/);
    expect((await cli(['stores', 'list'], '')).stdout).toContain('••••6789');
    const ok = await cli(['stores', 'set-token', HASH, '--token-stdin'], `${NEW}\n`);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Replaced the token of "Cli" \(••••3210\)/);
    expect(ok.stdout + ok.stderr).not.toContain(NEW);
    expect((await cli(['stores', 'list'], '')).stdout).toContain('••••3210');
  }, 60_000);
});

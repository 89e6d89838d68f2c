// `storebridge workspace export|import` through its command function (index.ts registration is separate),
// with the real keychain: run under scripts/with-keychain.sh.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { workspaceCommand } from '../../src/main/cli/commands/workspace.js';
import { UsageError, type Output } from '../../src/main/cli/output.js';
import { tempDir } from '../support/temp.js';
import { engineWorkspace, type TestWorkspace } from './helpers.js';

const TOKEN = 'tok_CLI_TRANSFER_5f0e2a9b11';
const PASS = 'cli passphrase, long enough';
const kdf = { N: 2 ** 12, r: 8, p: 1 };

const open: TestWorkspace[] = [];
afterEach(() => open.splice(0).forEach((w) => w.close()));

function capture(json = false): Output & { lines: string[] } {
  const lines: string[] = [];
  return { json, lines, out: (l) => lines.push(l), err: (l) => lines.push(`ERR ${l}`) };
}

async function source() {
  const ws = engineWorkspace('cli-src');
  open.push(ws);
  const added = await ws.call('stores:add', { name: 'CLI store', storeHash: 'cli7', accessToken: TOKEN });
  if (!added.ok) throw new Error(added.error.message);
  return { ws, storeId: added.value.id };
}

describe('storebridge workspace', () => {
  it('exports with the passphrase from the environment and imports it from stdin', async () => {
    const { ws: src, storeId } = await source();
    const file = join(tempDir(), 'move.sbx');
    const o = capture();
    expect(
      await workspaceCommand(src, o, ['export', '--out', file], {
        env: { STOREBRIDGE_PASSPHRASE: PASS },
        kdf,
      }),
    ).toBe(0);
    expect(o.lines[0]).toMatch(/^Exported 1 stores and 1 credential\(s\) to .*move\.sbx/);

    const dst = engineWorkspace('cli-dst');
    open.push(dst);
    const announced: unknown[] = [];
    dst.bus.on('stores:changed', (p) => announced.push(p));
    const io = { env: {}, readStdin: () => `${PASS}\nignored second line\n` };
    const j = capture(true);
    expect(await workspaceCommand(dst, j, ['import', '--from', file, '--passphrase-stdin'], io)).toBe(0);
    expect(JSON.parse(j.lines[0]!)).toMatchObject({ tables: { stores: 1 }, secrets: 1, replaced: [] });
    expect(await dst.stores.token(storeId)).toBe(TOKEN);
    expect(announced).toHaveLength(1);

    // Again: refused, then replaced on request.
    await expect(
      workspaceCommand(dst, capture(), ['import', '--from', file, '--passphrase-stdin'], io),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    const r = capture();
    expect(
      await workspaceCommand(dst, r, ['import', '--from', file, '--replace', '--passphrase-stdin'], io),
    ).toBe(0);
    expect(r.lines[0]).toMatch(/Replaced: store "CLI store" \(cli7\)/);
  });

  it('never takes the passphrase from a flag, and says where it may come from', async () => {
    const { ws } = await source();
    const file = join(tempDir(), 'x.sbx');
    for (const args of [
      ['export', '--out', file, '--passphrase', PASS],
      ['export', '--out', file, `--passphrase=${PASS}`],
    ]) {
      await expect(workspaceCommand(ws, capture(), args, { env: {} })).rejects.toThrow(
        /not accepted.*STOREBRIDGE_PASSPHRASE/,
      );
    }
    const missing = workspaceCommand(ws, capture(), ['export', '--out', file], { env: {} });
    await expect(missing).rejects.toBeInstanceOf(UsageError);
    await expect(
      workspaceCommand(ws, capture(), ['export'], { env: { STOREBRIDGE_PASSPHRASE: PASS } }),
    ).rejects.toThrow(/--out FILE/);
    await expect(workspaceCommand(ws, capture(), ['frobnicate'], {})).rejects.toThrow(/export --out FILE/);
    expect(existsSync(file)).toBe(false);
  });

  it('reports a wrong passphrase as a failed operation and imports nothing', async () => {
    const { ws: src } = await source();
    const file = join(tempDir(), 'move.sbx');
    await workspaceCommand(src, capture(), ['export', '--out', file], {
      env: { STOREBRIDGE_PASSPHRASE: PASS },
      kdf,
    });
    const dst = engineWorkspace('cli-wrong');
    open.push(dst);
    await expect(
      workspaceCommand(dst, capture(), ['import', '--from', file], {
        env: { STOREBRIDGE_PASSPHRASE: 'something else entirely' },
      }),
    ).rejects.toMatchObject({ code: 'unauthorized' });
    expect(dst.stores.list()).toEqual([]);
  });
});

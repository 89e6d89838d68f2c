// `storebridge diagnostics` through its command function, against a real workspace and keychain
// (run under scripts/with-keychain.sh).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../src/main/app/workspace.js';
import { diagnosticsCommand } from '../../src/main/cli/commands/diagnostics.js';
import type { Output } from '../../src/main/cli/output.js';
import { tempDir, uniqueService } from '../support/temp.js';

const TOKEN = 'tok_CLI_DIAG_CANARY_88c1d0e2f3';
const open: Workspace[] = [];
afterEach(() => open.splice(0).forEach((w) => w.close()));

function capture(json = false): Output & { lines: string[] } {
  const lines: string[] = [];
  return { json, lines, out: (l) => lines.push(l), err: (l) => lines.push(`ERR ${l}`) };
}

async function workspace() {
  const ws = openWorkspace({ dir: tempDir(), host: 'test', keychainService: uniqueService('diag-cli') });
  open.push(ws);
  const added = await ws.call('stores:add', { name: 'Diag CLI', storeHash: 'dcli1', accessToken: TOKEN });
  expect(added.ok).toBe(true);
  return ws;
}

describe('storebridge diagnostics', () => {
  it('previews without saving anything', async () => {
    const ws = await workspace();
    const out = join(tempDir(), 'd.zip');
    const o = capture();
    expect(await diagnosticsCommand(ws, o, ['--preview', '--out', out])).toBe(0);
    const text = o.lines.join('\n');
    for (const name of [
      'system.json',
      'configuration.json',
      'queue.json',
      'events.json',
      'integrity.json',
      'storebridge.log',
      'manifest.json',
    ])
      expect(text).toMatch(new RegExp(`^${name.replace('.', '\\.')}  \\(\\d+ bytes\\)$`, 'm'));
    expect(text).toMatch(/Personal data: masked\. Nothing was saved/);
    expect(text).not.toContain(TOKEN);
    expect(existsSync(out)).toBe(false);

    const j = capture();
    await diagnosticsCommand(ws, j, ['--preview', '--json', '--include-pii']);
    const parsed = JSON.parse(j.lines[0]!) as {
      files: Array<{ name: string; size: number; excerpt: string }>;
      personalData: string;
    };
    expect(parsed.files.map((f) => f.name)).toContain('manifest.json');
    expect(parsed.personalData).toMatch(/included/);
  });

  it('saves the zip where asked and reports it', async () => {
    const ws = await workspace();
    const out = join(tempDir(), 'support', 'bundle.zip');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(out, '..'));
    const o = capture(true);
    expect(await diagnosticsCommand(ws, o, ['--out', out])).toBe(0);
    const report = JSON.parse(o.lines[0]!) as { path: string; size: number; files: number };
    expect(report).toMatchObject({ path: out, files: 8, personalData: 'masked' });
    const zip = readFileSync(out);
    expect(report.size).toBe(zip.length);
    const files = unzipSync(zip);
    expect(Object.keys(files)).toHaveLength(8);
    expect(Buffer.from(files['configuration.json']!).toString()).toContain('dcli1');
    expect(zip.includes(Buffer.from(TOKEN))).toBe(false);
  });
});

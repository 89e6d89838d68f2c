// The CLI as a user runs it: a real process, a real workspace folder, the real keychain.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempDir, uniqueService } from '../support/temp.js';

function cli(workspace: string, service: string, args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/storebridge.js', '--workspace', workspace, ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, STOREBRIDGE_KEYCHAIN_SERVICE: service },
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('storebridge stores', () => {
  it('adds (token from stdin), lists as text and JSON, renames and removes', () => {
    const ws = tempDir();
    const svc = uniqueService('cli');
    const add = cli(
      ws,
      svc,
      ['stores', 'add', '--name', 'Ünïcode Store', '--hash', 'CLI42', '--token-stdin', '--no-verify'],
      'tok_cli_abcdef123456\n',
    );
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/Added store "Ünïcode Store" \(cli42\)/);

    const text = cli(ws, svc, ['stores', 'list']);
    expect(text.stdout).toMatch(/^ID\s+NAME\s+HASH/m);
    expect(text.stdout).toContain('••••3456');
    expect(text.stdout).not.toContain('tok_cli_abcdef123456');

    const json = cli(ws, svc, ['stores', 'list', '--json']);
    const stores = JSON.parse(json.stdout) as Array<{ id: string; storeHash: string }>;
    expect(stores).toHaveLength(1);
    expect(stores[0]!.storeHash).toBe('cli42');

    expect(cli(ws, svc, ['stores', 'rename', 'cli42', '--name', 'Renamed']).code).toBe(0);
    expect(cli(ws, svc, ['--json', 'stores', 'list']).stdout).toContain('"name":"Renamed"');
    expect(cli(ws, svc, ['stores', 'remove', 'cli42']).code).toBe(0);
    expect(JSON.parse(cli(ws, svc, ['stores', 'list', '--json']).stdout)).toEqual([]);
  });

  it('reports bad input on stderr with exit 1, and bad usage with exit 2', () => {
    const ws = tempDir();
    const svc = uniqueService('cli-err');
    const bad = cli(ws, svc, [
      'stores',
      'add',
      '--name',
      'X',
      '--hash',
      'not valid!',
      '--token',
      'tok_abcdefghij',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/invalid_input.*Store hash is the short code/);

    const badJson = cli(ws, svc, ['--json', 'stores', 'remove', 'nope']);
    expect(badJson.code).toBe(1);
    expect(JSON.parse(badJson.stderr)).toMatchObject({ error: { code: 'invalid_input' } });

    expect(cli(ws, svc, ['frobnicate']).code).toBe(2);
    expect(cli(ws, svc, ['stores', 'add', '--name', 'X', '--hash', 'abc']).stderr).toMatch(/needs a token/);
  });
});

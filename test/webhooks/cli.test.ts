// Runs in: vitest (Node). Owns: `storebridge stores webhooks` as a user runs it (a real process, a real workspace,
// the real keychain) against the simulator: set the public URL, register, status, remove.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openWorkspace } from '../../src/main/app/workspace.js';
import { startBigCommerceSim, type BigCommerceSim } from '../../src/sandbox/bigcommerce/index.js';
import { HOOK_SCOPES } from '../../src/main/webhooks/scopes.js';
import { tempDir, uniqueService } from '../support/temp.js';

let sim: BigCommerceSim;
beforeAll(async () => {
  sim = await startBigCommerceSim({
    stores: [{ hash: 'clihook', seed: { customers: 2, seed: 'c' }, tokens: [{ token: 'tok_clihook_1234' }] }],
  });
});
afterAll(async () => sim?.close());

// Asynchronous: the simulator answers from this process while the CLI runs.
function cli(workspace: string, service: string, args: string[], input?: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['bin/storebridge.js', '--workspace', workspace, ...args], {
      env: { ...process.env, STOREBRIDGE_KEYCHAIN_SERVICE: service },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

it('sets the public URL, registers and lists hooks, and removes them with the store', async () => {
  const ws = tempDir();
  const svc = uniqueService('cli-hooks');
  // Added in-process (same folder and keychain service): each CLI start costs seconds on a busy machine.
  const w = openWorkspace({ dir: ws, host: 'test', keychainService: svc });
  await w.stores.add({
    name: 'Hooks',
    storeHash: 'clihook',
    accessToken: 'tok_clihook_1234',
    apiBaseUrl: sim.url,
  });
  w.close();
  const url = await cli(ws, svc, [
    'stores',
    'webhooks',
    'url',
    'https://hooks.example.test',
    '--port',
    '8787',
  ]);
  expect(url.code, url.stderr).toBe(0);
  const reg = await cli(ws, svc, ['stores', 'webhooks', 'register', 'clihook']);
  expect(reg.code, reg.stderr).toBe(0);
  expect(reg.stdout).toContain(
    `Registered ${HOOK_SCOPES.length} hooks at https://hooks.example.test/bigcommerce/hooks/`,
  );
  const status = JSON.parse((await cli(ws, svc, ['--json', 'stores', 'webhooks', 'status'])).stdout) as {
    publicUrl: string;
    port: number;
    realtime: { mode: string };
    hooks: unknown[];
  };
  expect(status).toMatchObject({
    publicUrl: 'https://hooks.example.test',
    port: 8787,
    realtime: { mode: 'webhooks' },
  });
  expect(status.hooks).toHaveLength(HOOK_SCOPES.length);
  expect([...sim.control['clihook']!.state.hooks.ids()]).toHaveLength(HOOK_SCOPES.length);

  expect((await cli(ws, svc, ['stores', 'remove', 'clihook'])).code).toBe(0);
  expect([...sim.control['clihook']!.state.hooks.ids()]).toHaveLength(0);
}, 60_000);

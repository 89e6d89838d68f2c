// Runs in: Node (vitest). Owns: guarding the electron-vite build: the sandboxed preload must be ONE CommonJS
// file that requires only `electron` (it fails only at the first real launch otherwise), main keeps native
// addons external, and the renderer is servable over app://.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../src/shared/contract/names.js';
import { createProtocolHandler } from '../../src/main/shell/protocol.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
// Built outside the checkout: the build test never touches out/, which others' e2e runs may be serving.
let out: string;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(dir, path)];
  });
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'sb-electron-build-'));
  const cli = join(repo, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  await promisify(execFile)(process.execPath, [cli, 'build', '--outDir', out, '--logLevel', 'warn'], {
    cwd: repo,
    timeout: 170_000,
    maxBuffer: 16 * 1024 * 1024,
    // No network is needed or wanted: a build that tries to fetch Electron should fail here, not hang.
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
}, 180_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('electron-vite build: preload', () => {
  it('is one file, index.cjs, with no chunks beside it', () => {
    expect(filesUnder(join(out, 'preload'))).toEqual(['index.cjs']);
  });

  it('is CommonJS whose only require is electron', () => {
    const code = readFileSync(join(out, 'preload', 'index.cjs'), 'utf8');
    expect(code).not.toMatch(/^\s*import[\s{*"']/m);
    expect(code).not.toMatch(/\bimport\s*\(/);
    expect(code).not.toMatch(/^\s*export\s/m);
    expect(code).not.toMatch(/import\.meta/);
    const requires = [...code.matchAll(/\brequire\s*\(/g)].length;
    const literal = [...code.matchAll(/\brequire\s*\(\s*(["'])([^"']+)\1\s*\)/g)].map((m) => m[2]);
    expect(literal.length).toBe(requires);
    expect(new Set(literal)).toEqual(new Set(['electron']));
    // Validation lives in main: the preload must not have pulled the zod schemas in.
    expect(code).not.toMatch(/zod/i);
  });

  it('runs as a sandboxed preload would: exposes window.api with every channel, and nothing else', async () => {
    const code = readFileSync(join(out, 'preload', 'index.cjs'), 'utf8');
    const exposeInMainWorld = vi.fn();
    const ipcRenderer = {
      invoke: vi.fn(async () => ({ ok: true, value: 'pong' })),
      on: vi.fn(),
      removeListener: vi.fn(),
    };
    const sandboxRequire = (id: string) => {
      if (id === 'electron') return { contextBridge: { exposeInMainWorld }, ipcRenderer };
      throw new Error(`module not found in a sandboxed preload: ${id}`);
    };
    const module = { exports: {} };
    const wrapped = vm.runInNewContext(
      `(function (exports, require, module) {${code}\n})`,
      {},
      { filename: 'index.cjs' },
    );
    wrapped(module.exports, sandboxRequire, module);

    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = exposeInMainWorld.mock.calls[0]!;
    expect(key).toBe('api');
    for (const channel of channelNames) {
      const [domain, action] = channel.split(':') as [string, string];
      expect(typeof api[domain][action], channel).toBe('function');
    }
    expect(Object.values(api)).not.toContain(ipcRenderer);
    expect(await api.stores.list()).toEqual({ ok: true, value: 'pong' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('stores:list', {});
  });
});

describe('electron-vite build: main and renderer', () => {
  it('puts main where package.json "main" points, as ESM with the native addons left external', () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/index.js');
    const main = readFileSync(join(out, 'main', 'index.js'), 'utf8');
    expect(main).toMatch(/^import .* from "electron";$/m);
    expect(main).toContain('registerSchemesAsPrivileged');
    // Main and the engine worker share chunks (the workspace): the addons stay external wherever they land.
    const chunks = readdirSync(join(out, 'main'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(out, 'main', f), 'utf8'))
      .join('\n');
    expect(chunks).toMatch(/^import \w+ from "better-sqlite3";$/m);
    expect(chunks).toMatch(/import\("keytar"\)/);
    expect(chunks).not.toContain('node-gyp-build');
    expect(readdirSync(join(out, 'main'))).toContain('engine-worker.js');
  });

  it('emits a renderer whose page and assets load over app:// with a nonce', async () => {
    const handler = createProtocolHandler(join(out, 'renderer'));
    const index = await handler(new Request('app://storebridge/'));
    expect(index.status).toBe(200);
    const html = await index.text();
    const nonce = /'nonce-([^']+)'/.exec(index.headers.get('content-security-policy') ?? '')?.[1];
    expect(html).toContain(`<meta name="csp-nonce" content="${nonce}"`);
    const assets = [...html.matchAll(/(?:src|href)="(\.\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(1);
    for (const asset of assets) {
      const res = await handler(new Request(new URL(asset, 'app://storebridge/index.html').toString()));
      expect(res.status, asset).toBe(200);
    }
  });
});

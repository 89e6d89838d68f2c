// Runs in: Node (vitest). Owns: proving the window options are the hardened ones, and how the shell picks
// its workspace folder and the Electron-ABI SQLite addon.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findSqliteAddon,
  nativeLoadAdvice,
  sqliteAddonCandidates,
} from '../../src/main/shell/native-binding.js';
import { windowOptions } from '../../src/main/shell/window-options.js';
import { resolveWorkspaceDir, workspaceArg } from '../../src/main/shell/workspace-dir.js';

describe('windowOptions', () => {
  const opts = windowOptions({ preload: '/app/out/preload/index.cjs' });
  const web = opts.webPreferences!;

  it('isolates and sandboxes the renderer, with no Node and no webview', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.spellcheck).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it('uses the given preload and nothing remote', () => {
    expect(web.preload).toBe('/app/out/preload/index.cjs');
    expect(JSON.stringify(opts)).not.toMatch(/remote/i);
    expect(opts.show).toBe(false);
  });

  it('returns a fresh object each time', () => {
    const a = windowOptions({ preload: '/a.cjs' });
    a.webPreferences!.sandbox = false;
    expect(windowOptions({ preload: '/a.cjs' }).webPreferences!.sandbox).toBe(true);
  });
});

describe('workspace folder', () => {
  it('reads --workspace DIR and --workspace=DIR', () => {
    expect(workspaceArg(['electron', '.', '--workspace', '/w/one'])).toBe('/w/one');
    expect(workspaceArg(['electron', '.', '--workspace=/w/two'])).toBe('/w/two');
    expect(workspaceArg(['electron', '.'])).toBeUndefined();
  });

  it('says what to fix when the folder is missing', () => {
    expect(() => workspaceArg(['--workspace'])).toThrow(/needs a folder/);
    expect(() => workspaceArg(['--workspace', '--other'])).toThrow(/needs a folder/);
    expect(() => workspaceArg(['--workspace='])).toThrow(/needs a folder/);
  });

  it('resolves relative folders against the cwd, else uses the user-data folder', () => {
    expect(resolveWorkspaceDir(['--workspace', 'ws'], '/ud', '/home/me')).toEqual({
      dir: '/home/me/ws',
      explicit: true,
    });
    expect(resolveWorkspaceDir([], '/ud', '/home/me')).toEqual({ dir: '/ud/workspace', explicit: false });
  });
});

describe('Electron-ABI SQLite addon', () => {
  const lookup = { abi: '140', platform: 'linux', arch: 'x64', roots: ['/app', '/app/resources'] };

  it('looks in one folder per platform, arch and ABI under each root, in order', () => {
    expect(sqliteAddonCandidates(lookup)).toEqual([
      '/app/native/electron/linux-x64-abi140/better_sqlite3.node',
      '/app/resources/native/electron/linux-x64-abi140/better_sqlite3.node',
    ]);
  });

  it('finds the first one that exists on disk, and none when absent', () => {
    const root = mkdtempSync(join(tmpdir(), 'sb-native-'));
    try {
      const roots = [join(root, 'dev'), join(root, 'packaged')];
      expect(findSqliteAddon({ ...lookup, roots })).toBeUndefined();
      const packaged = sqliteAddonCandidates({ ...lookup, roots })[1]!;
      mkdirSync(dirname(packaged), { recursive: true });
      writeFileSync(packaged, '');
      expect(findSqliteAddon({ ...lookup, roots })).toBe(packaged);
      // Built for another Electron major: not picked up.
      expect(findSqliteAddon({ ...lookup, abi: '139', roots })).toBeUndefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('explains an ABI mismatch and stays silent about other errors', () => {
    const mismatch = new Error(
      "The module 'better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 140.",
    );
    expect(nativeLoadAdvice(mismatch, lookup)).toMatch(/docs\/native-modules\.md.*linux-x64-abi140/);
    expect(nativeLoadAdvice(new Error('SQLITE_CANTOPEN'), lookup)).toBeUndefined();
  });
});

// Runs in: Node (vitest). Owns: proving src/main/index.ts wires the shell in the right order: scheme and
// sandbox before ready, the per-workspace single-instance lock, then hardening, protocol, IPC and the window,
// and that it cleans up. `electron` is replaced by a recording fake; SQLite is real.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../src/shared/contract/names.js';
import { createFakeElectron, type FakeElectron } from './fake-electron.js';

const h = vi.hoisted(() => ({ fake: undefined as unknown as { electron: Record<string, unknown> } }));
vi.mock('electron', () => {
  const pick = (name: string) => h.fake.electron[name];
  return {
    get app() {
      return pick('app');
    },
    get BrowserWindow() {
      return pick('BrowserWindow');
    },
    get dialog() {
      return pick('dialog');
    },
    get ipcMain() {
      return pick('ipcMain');
    },
    get protocol() {
      return pick('protocol');
    },
    get session() {
      return pick('session');
    },
    get shell() {
      return pick('shell');
    },
    get Tray() {
      return pick('Tray');
    },
    get Menu() {
      return pick('Menu');
    },
    get Notification() {
      return pick('Notification');
    },
    get powerMonitor() {
      return pick('powerMonitor');
    },
    get nativeImage() {
      return pick('nativeImage');
    },
  };
});

let dir: string;
let fake: FakeElectron;
const argv = process.argv;

async function launch(args: string[], { lock = true } = {}): Promise<FakeElectron> {
  fake = createFakeElectron({ appPath: join(dir, 'app'), userData: join(dir, 'user-data') });
  fake.app.lock = lock;
  h.fake = fake;
  process.argv = ['electron', '.', ...args];
  vi.resetModules();
  await import('../../src/main/index.js');
  return fake;
}

const appFrame = (id: number) => ({
  sender: { id },
  senderFrame: { url: 'app://storebridge/index.html', parent: null },
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sb-lifecycle-'));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});

afterEach(() => {
  // Closes the workspace's SQLite file if a test left the app running.
  fake?.app.emit('will-quit');
  process.argv = argv;
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('src/main/index.ts lifecycle', () => {
  it('registers the scheme, the sandbox and the workspace profile before taking the lock', async () => {
    const f = await launch(['--workspace', join(dir, 'ws')]);
    expect(f.log).toEqual([
      'registerSchemesAsPrivileged',
      'enableSandbox',
      'setPath:userData',
      'requestSingleInstanceLock',
    ]);
    expect(f.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(f.electron.app.getPath('userData')).toBe(join(dir, 'ws', '.electron'));
    expect(f.windows).toHaveLength(0);
  });

  it('on ready: hardens the session, serves app://, binds every channel and opens one hardened window', async () => {
    const f = await launch(['--workspace', join(dir, 'ws')]);
    f.app.fireReady();
    await vi.waitFor(() => expect(f.windows).toHaveLength(1), { timeout: 10_000 });
    const win = f.windows[0]!;
    expect(win.loaded).toBe('app://storebridge/index.html');
    const web = win.options.webPreferences as Record<string, unknown>;
    expect(web).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(String(web.preload)).toMatch(/[/\\]preload[/\\]index\.cjs$/);

    expect(f.sessionHandlers.check?.({}, 'media', 'app://storebridge')).toBe(false);
    const page = await f.protocolHandlers.get('app')!(new Request('app://storebridge/index.html'));
    expect(page.headers.get('content-security-policy')).toMatch(/'nonce-/);

    expect(existsSync(join(dir, 'ws', 'storebridge.db'))).toBe(true);
    expect([...f.ipcHandlers.keys()].sort()).toEqual([...channelNames].sort());
    const list = f.ipcHandlers.get('stores:list')!;
    expect(await list(appFrame(win.webContents.id), {})).toEqual({ ok: true, value: [] });
    expect(await list(appFrame(win.webContents.id + 1000), {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('hardens every new web contents, brings the window forward on a second launch, and cleans up', async () => {
    const f = await launch(['--workspace', join(dir, 'ws')]);
    f.app.fireReady();
    await vi.waitFor(() => expect(f.windows).toHaveLength(1), { timeout: 10_000 });
    const win = f.windows[0]!;

    const wc = f.newWebContents();
    f.app.emit('web-contents-created', {}, wc);
    expect(wc.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    let prevented = false;
    wc.emit('will-navigate', { url: 'https://evil.example/', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);

    f.log.length = 0;
    f.app.emit('second-instance', {}, ['storebridge']);
    expect(f.log).toEqual(['restore', 'show', 'focus']);

    const list = f.ipcHandlers.get('stores:list')!;
    win.close();
    expect(await list(appFrame(win.webContents.id), {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    f.app.emit('window-all-closed');
    expect(f.log).toContain('quit');
    f.app.emit('will-quit');
    expect(f.ipcHandlers.size).toBe(0);
  });

  it('lives on the desktop: tray per store, hide on close, links navigate, wake catches up, quit in order', async () => {
    const f = await launch(['--workspace', join(dir, 'ws')]);
    f.app.fireReady();
    await vi.waitFor(() => expect(f.trays).toHaveLength(1), { timeout: 10_000 });
    const tray = f.trays[0]!;
    await vi.waitFor(() => expect(tray.tooltip).toBe('Storebridge: 0 stores'));
    expect(tray.menu.map((i) => i.label)).toEqual(
      expect.arrayContaining(['Pause all', 'Sync now', 'Open Storebridge', 'Quit']),
    );
    const win = f.windows[0]!;

    // Background mode (the default): closing hides the window once with a hint, and the app keeps running.
    let prevented = false;
    win.emit('close', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(f.log).toContain('hide');
    expect(f.notifications.map((n) => n.title)).toEqual(['Storebridge keeps syncing']);

    // A link from a second launch focuses the window and tells the console where to go.
    const id = '0b8e6a8e-5f1c-4a57-9d3e-1f2a3b4c5d6e';
    f.app.emit('second-instance', {}, ['storebridge', `storebridge://connections/${id}`]);
    expect(win.webContents.sent).toContainEqual([
      'event',
      'app:navigate',
      { area: 'connections', connectionId: id },
    ]);

    // Waking from sleep re-plans every connection through the scheduler's catch-up.
    const stderr = vi.mocked(process.stderr.write);
    stderr.mockClear();
    f.powerMonitor.emit('resume');
    expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toMatch(
      /woke up: catching up every connection/,
    );

    // Quit: before-quit is held until the sequence has closed the workspace, then the app exits.
    let held = false;
    f.app.emit('before-quit', { preventDefault: () => (held = true) });
    expect(held).toBe(true);
    await vi.waitFor(() => expect(f.log).toContain('exit:0'), { timeout: 15_000 });
    expect(tray.destroyed).toBe(true);
    const list = f.ipcHandlers.get('stores:list')!;
    const after = (await list(appFrame(win.webContents.id), {})) as { ok: boolean };
    expect(after.ok).toBe(false); // the database is closed
  });

  it('uses <userData>/workspace and keeps the default profile without --workspace', async () => {
    const f = await launch([]);
    expect(f.log).not.toContain('setPath:userData');
    f.app.fireReady();
    await vi.waitFor(() => expect(f.windows).toHaveLength(1), { timeout: 10_000 });
    const list = f.ipcHandlers.get('stores:list')!;
    expect(await list(appFrame(f.windows[0]!.webContents.id), {})).toEqual({ ok: true, value: [] });
    expect(existsSync(join(dir, 'user-data', 'workspace', 'storebridge.db'))).toBe(true);
  });

  it('quits at once, opening nothing, when another instance holds the workspace', async () => {
    const f = await launch(['--workspace', join(dir, 'ws')], { lock: false });
    expect(f.log.slice(-2)).toEqual(['requestSingleInstanceLock', 'quit']);
    f.app.fireReady();
    await new Promise((resolve) => setImmediate(resolve));
    expect(f.windows).toHaveLength(0);
    expect(f.ipcHandlers.size).toBe(0);
    expect(f.protocolHandlers.size).toBe(0);
  });

  it('exits with a message when --workspace has no folder', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const f = await launch(['--workspace']);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/--workspace needs a folder/));
    expect(f.log).toContain('exit:2');
    expect(f.log).not.toContain('requestSingleInstanceLock');
  });
});

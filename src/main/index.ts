// Runs in: Electron main. Owns: the app's lifecycle: single-instance lock, privileged app:// scheme,
// hardening, opening the workspace with the Electron-ABI SQLite addon, the IPC binding, the window, and
// handing the rest of desktop life (tray, notifications, sleep, links, quit) to shell/desktop.ts.
import {
  app,
  type BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  powerMonitor,
  protocol,
  session,
  shell,
  Tray,
} from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openHostWorkspace } from './app/host-workspace.js';
import type { Workspace } from './app/workspace.js';
import { LineLogger } from './core/logger.js';
import { hardenSession, hardenWebContents } from './shell/hardening.js';
import { bindIpc } from './shell/ipc.js';
import { startDesktopLife } from './shell/desktop.js';
import { createMainWindow } from './shell/main-window.js';
import { findSqliteAddon, nativeLoadAdvice } from './shell/native-binding.js';
import { appSchemePrivileges, registerAppProtocol } from './shell/protocol.js';
import { resolveWorkspaceDir, type WorkspaceLocation } from './shell/workspace-dir.js';

const here = dirname(fileURLToPath(import.meta.url));
const preload = join(here, '../preload/index.cjs');
const rendererRoot = join(here, '../renderer');
const logger = new LineLogger((line) => process.stderr.write(line + '\n'));

// Both must happen before 'ready': privileges cannot be granted to a scheme later, and the sandbox
// switch covers every renderer, including any a bug might create outside createMainWindow.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
app.enableSandbox();

let location: WorkspaceLocation | undefined;
try {
  location = resolveWorkspaceDir(process.argv, app.getPath('userData'));
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  app.exit(2);
}

// An explicit workspace gets its own Chromium profile, hence its own single-instance lock: two workspaces
// may be open at once (each SQLite file still has exactly one owner), and tests stay isolated.
if (location?.explicit) app.setPath('userData', join(location.dir, '.electron'));

if (location && app.requestSingleInstanceLock()) {
  const ws = location;
  let win: BrowserWindow | undefined;
  // Until the desktop session takes over (it focuses and opens links), a second launch still finds the window.
  const earlyFocus = () => win?.show();
  app.on('second-instance', earlyFocus);
  app.on('web-contents-created', (_event, wc) => {
    hardenWebContents(wc, { openExternal: (url) => shell.openExternal(url), logger });
  });
  app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession, logger);
      registerAppProtocol(protocol, rendererRoot);
      const workspace = openWorkspaceOrExplain(ws.dir);
      if (!workspace) return;
      const knownSenders = new Set<number>();
      const unbind = bindIpc(ipcMain, {
        handlers: workspace.handlers,
        isKnownSender: (id) => knownSenders.has(id),
        logger,
      });
      const open = ({ hidden }: { hidden: boolean }) =>
        (win = createMainWindow({ preload, bus: workspace.bus, knownSenders, logger, hidden }));
      workspace.scheduler.start();
      // Closing the window hides it (background mode) or quits through the quit sequence, which lets
      // syncs finish their batch and closes the workspace; will-quit only unbinds IPC.
      app.on('will-quit', unbind);
      const desktop = await startDesktopLife({
        app,
        Tray,
        Menu,
        Notification,
        powerMonitor,
        imageFromPng: (png) => nativeImage.createFromBuffer(png),
        workspace,
        logger,
        argv: process.argv,
        window: () => win,
        openWindow: open,
      });
      app.removeListener('second-instance', earlyFocus);
      app.on('activate', () => {
        // macOS dock click: show the hidden window, or create one that hides to the tray like the first.
        void desktop.act({ type: 'open' });
      });
      app.on('window-all-closed', () => {
        if (process.platform !== 'darwin') app.quit();
      });
    })
    .catch((err: unknown) => {
      logger.log('error', 'startup failed', { error: err instanceof Error ? err.stack : String(err) });
      app.exit(1);
    });
} else {
  // Another Storebridge holds this workspace: it has been told (second-instance) to come to the front.
  app.quit();
}

function openWorkspaceOrExplain(dir: string): Workspace | undefined {
  const native = {
    abi: process.versions.modules,
    platform: process.platform,
    arch: process.arch,
    // resourcesPath is unset outside a real Electron (the lifecycle test runs this file under Node).
    roots: [app.getAppPath(), process.resourcesPath].filter((root): root is string => Boolean(root)),
  };
  const nativeBinding = findSqliteAddon(native);
  try {
    // Syncs run in the engine worker, bundled beside this file (electron.vite.config.ts); under plain Node
    // (the lifecycle test) the worker's client finds its TypeScript entry itself.
    const workerEntry = join(here, 'engine-worker.js');
    return openHostWorkspace({
      dir,
      host: 'electron',
      logger,
      ...(nativeBinding ? { nativeBinding } : {}),
      ...(existsSync(workerEntry) ? { workerEntry } : {}),
    });
  } catch (err) {
    const message = nativeLoadAdvice(err, native) ?? (err instanceof Error ? err.message : String(err));
    logger.log('error', 'could not open the workspace', { dir, error: String(err) });
    dialog.showErrorBox('Storebridge could not open its workspace', `${dir}\n\n${message}`);
    app.exit(1);
    return undefined;
  }
}

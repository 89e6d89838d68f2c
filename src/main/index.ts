// Runs in: Electron main. Owns: the app's lifecycle: single-instance lock, privileged app:// scheme,
// hardening, opening the workspace with the Electron-ABI SQLite addon, the IPC binding and the window.
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWorkspace, type Workspace } from './app/workspace.js';
import { LineLogger } from './core/logger.js';
import { hardenSession, hardenWebContents } from './shell/hardening.js';
import { bindIpc } from './shell/ipc.js';
import { bringToFront, createMainWindow } from './shell/main-window.js';
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
  app.on('second-instance', () => bringToFront(win));
  app.on('web-contents-created', (_event, wc) => {
    hardenWebContents(wc, { openExternal: (url) => shell.openExternal(url), logger });
  });
  app
    .whenReady()
    .then(() => {
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
      const open = () => (win = createMainWindow({ preload, bus: workspace.bus, knownSenders, logger }));
      open();
      workspace.scheduler.start();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) open();
      });
      app.on('window-all-closed', () => {
        if (process.platform !== 'darwin') app.quit();
      });
      app.on('will-quit', () => {
        unbind();
        workspace.close();
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
    return openWorkspace({ dir, host: 'electron', logger, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (err) {
    const message = nativeLoadAdvice(err, native) ?? (err instanceof Error ? err.message : String(err));
    logger.log('error', 'could not open the workspace', { dir, error: String(err) });
    dialog.showErrorBox('Storebridge could not open its workspace', `${dir}\n\n${message}`);
    app.exit(1);
    return undefined;
  }
}

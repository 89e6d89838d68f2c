// Runs in: Electron main. Owns: attaching the desktop session to Electron: tray, notifications, sleep and
// wake, storebridge:// links, background mode and quitting, start at login, updates. Decisions live in
// src/main/desktop/ (tested under Node); this file only connects them to Electron objects.
import type { App, BrowserWindow, NativeImage, PowerMonitor } from 'electron';
import type { Workspace } from '../app/workspace.js';
import { systemClock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import { startHidden } from '../desktop/background.js';
import { iconPng, trayTint } from '../desktop/icon.js';
import { followNetworkSettings } from '../desktop/network/follow.js';
import { DesktopSession } from '../desktop/session.js';
import type { TrayAction } from '../desktop/tray-menu.js';
import { bindBackgroundMode } from './background-window.js';
import { bindDeepLinks } from './deep-links.js';
import { startDesktopNotifications, type NotificationDeps } from './desktop-notifications.js';
import { applyLoginItem } from './login-item.js';
import { watchPower } from './power-monitor.js';
import { createTray, type TrayDeps } from './tray.js';
import { startUpdater } from './updater.js';

export interface DesktopLifeDeps {
  app: Pick<
    App,
    | 'on'
    | 'removeListener'
    | 'exit'
    | 'quit'
    | 'isPackaged'
    | 'setAsDefaultProtocolClient'
    | 'setLoginItemSettings'
    | 'getPath'
  >;
  Tray: TrayDeps['Tray'];
  Menu: { buildFromTemplate: TrayDeps['Menu']['buildFromTemplate'] };
  Notification: NotificationDeps['Notification'];
  powerMonitor: Pick<PowerMonitor, 'on' | 'removeListener'>;
  imageFromPng(png: Buffer): NativeImage | string;
  workspace: Workspace;
  logger: Logger;
  argv: readonly string[];
  /** The window if one is open, and a way to create it. */
  window(): BrowserWindow | undefined;
  openWindow(opts: { hidden: boolean }): BrowserWindow;
}

export async function startDesktopLife(d: DesktopLifeDeps): Promise<DesktopSession> {
  const ws = d.workspace;
  const show = () => {
    const win = d.window();
    if (!win || win.isDestroyed()) return void background.manage(d.openWindow({ hidden: false }));
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };
  const session = new DesktopSession({ workspace: ws, clock: systemClock, showWindow: show });
  // Every outbound call of this process (store, platforms, updates) takes the route the user chose.
  const stopNetwork = followNetworkSettings(ws.desktopSettings, (m) => d.logger.log('warn', m));

  const background = bindBackgroundMode({
    app: d.app,
    quit: session.quit,
    settings: () => ws.desktopSettings.get(),
    trayAvailable: () => tray !== undefined,
    hint: () => hint(),
    onQuitDone: (r) => d.logger.log(r.drained ? 'info' : 'warn', 'quit', { ...r }),
  });

  const onTrayAction = (a: TrayAction) => {
    // Quitting goes through Electron so every path (tray, Cmd+Q, OS logout) meets the same before-quit.
    if (a.type === 'quit') return d.app.quit();
    void session
      .act(a)
      .catch((err: unknown) => d.logger.log('warn', 'tray action failed', { error: String(err) }));
  };
  let tray: ReturnType<typeof createTray> | undefined;
  let tint = '';
  try {
    tray = createTray({ Tray: d.Tray, Menu: d.Menu, icon: d.imageFromPng(iconPng(32)) }, onTrayAction);
  } catch (err) {
    // Some Linux desktops have no tray: the window then minimizes instead of hiding (background.ts).
    d.logger.log('warn', 'no tray icon on this desktop', { error: String(err) });
  }
  session.onTray((state) => {
    tray?.update(state);
    const next = trayTint(state.stores.map((s) => s.state));
    if (tray && next !== tint) {
      tint = next;
      tray.setImage(d.imageFromPng(iconPng(32, next)));
    }
  });

  const notes = startDesktopNotifications({
    Notification: d.Notification,
    policy: session.policy,
    openLink: (link) => session.openLink(link),
  });
  session.onAttention(() => notes.poke());
  const hint = () => {
    if (!d.Notification.isSupported()) return;
    new d.Notification({
      title: 'Storebridge keeps syncing',
      body: 'The window is closed; syncs go on from the tray. Quit from the tray menu to stop them.',
    }).show();
  };

  const power = watchPower({
    powerMonitor: d.powerMonitor,
    onSuspend: () => d.logger.log('info', 'system suspending'),
    onWake: (reason) => {
      d.logger.log('info', 'woke up: catching up every connection within its quotas', {
        reason: typeof reason === 'string' ? reason : reason.kind,
      });
      ws.scheduler.catchUp();
      void session.refresh();
    },
  });

  const links = bindDeepLinks({
    app: d.app,
    argv: d.argv,
    focus: show,
    // A link from the first launch arrives before the console listens: hold it until the page has loaded.
    open: (target) => whenLoaded(d.window(), () => session.open(target)),
    rejected: (reason) => d.logger.log('warn', 'ignored a storebridge:// link', { reason }),
  });

  const updates = d.app.isPackaged
    ? startUpdater({
        updater: (await import('electron-updater')).autoUpdater,
        isPackaged: true,
        logger: d.logger,
      })
    : { dispose() {} };

  const applyLogin = () => {
    try {
      applyLoginItem(d.app, { startAtLogin: ws.desktopSettings.get().startAtLogin, hidden: true });
    } catch (err) {
      d.logger.log('warn', 'could not set start at login', { error: String(err) });
    }
  };
  let startAtLogin = ws.desktopSettings.get().startAtLogin;
  if (startAtLogin) applyLogin();
  const offSettings = ws.desktopSettings.onChange((s) => {
    if (s.startAtLogin !== startAtLogin) applyLogin();
    startAtLogin = s.startAtLogin;
  });

  session.addDisposer(() => {
    offSettings();
    void stopNetwork();
    links.dispose();
    power.dispose();
    notes.dispose();
    updates.dispose();
    tray?.dispose();
  });

  const win = d.window() ?? d.openWindow({ hidden: startHidden(d.argv) });
  background.manage(win);
  await session.start();
  return session;
}

function whenLoaded(win: BrowserWindow | undefined, fn: () => void): void {
  if (!win || win.isDestroyed() || !win.webContents.isLoading()) return fn();
  // The console subscribes right after its first render; a short grace after load covers that.
  win.webContents.once('did-finish-load', () => setTimeout(fn, 300));
}

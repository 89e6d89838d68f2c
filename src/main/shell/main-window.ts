// Runs in: Electron main. Owns: creating the one Storebridge window, tying its lifetime to the IPC
// sender list and the push-event forwarding, and bringing it forward on a second launch.
import { BrowserWindow } from 'electron';
import type { Logger } from '../core/logger.js';
import { APP_ENTRY_URL } from './app-url.js';
import { forwardEvents, type EventSourceLike } from './ipc.js';
import { windowOptions } from './window-options.js';

export interface MainWindowDeps {
  preload: string;
  bus: EventSourceLike;
  /** webContents ids IPC accepts calls from; the window adds itself and removes itself on close. */
  knownSenders: Set<number>;
  logger: Logger;
  /** Started at login ("hidden"): stay in the tray until the user opens the window. */
  hidden?: boolean;
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const win = new BrowserWindow(windowOptions({ preload: deps.preload }));
  // Captured now: after 'closed' the window's webContents can no longer be read.
  const wc = win.webContents;
  const id = wc.id;
  deps.knownSenders.add(id);
  const stopEvents = forwardEvents(deps.bus, wc);
  if (!deps.hidden) win.once('ready-to-show', () => win.show());
  wc.on('render-process-gone', (_event, details) => {
    deps.logger.log('error', 'renderer process gone', { reason: details.reason, exitCode: details.exitCode });
  });
  win.on('closed', () => {
    stopEvents();
    deps.knownSenders.delete(id);
  });
  win.loadURL(APP_ENTRY_URL).catch((err: unknown) => {
    deps.logger.log('error', 'could not load the console', { error: String(err) });
  });
  return win;
}

export function bringToFront(win: BrowserWindow | undefined): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

// Runs in: main (Electron-free). Owns: what closing the window means (hide to the tray and keep syncing, or
// quit), and how "start at login, hidden" is expressed on each OS.
export interface CloseContext {
  /** The user's setting: keep syncing with the window closed. */
  backgroundMode: boolean;
  /** A quit is under way (tray Quit, Cmd+Q, OS shutdown): let the window go. */
  quitting: boolean;
  /** Some Linux desktops show no tray icon; a hidden window would then be unreachable. */
  trayAvailable: boolean;
  platform: NodeJS.Platform;
}

export type CloseDecision =
  | { action: 'close' }
  /** preventDefault, hide; `hint` once so the user knows syncing goes on. */
  | { action: 'hide'; hint: boolean }
  | { action: 'minimize' }
  | { action: 'quit' };

export function onWindowClose(c: CloseContext, hintShown: boolean): CloseDecision {
  if (c.quitting) return { action: 'close' };
  if (c.backgroundMode)
    return c.trayAvailable ? { action: 'hide', hint: !hintShown } : { action: 'minimize' };
  // Without background mode macOS apps still stay in the dock by convention; elsewhere closing is quitting.
  return c.platform === 'darwin' ? { action: 'close' } : { action: 'quit' };
}

export const HIDDEN_FLAG = '--hidden';

export interface LoginItemSetting {
  startAtLogin: boolean;
  hidden: boolean;
}

/** For `app.setLoginItemSettings` (macOS, Windows). On macOS `openAsHidden` is gone since 13: the flag does it. */
export function loginItemSettings(s: LoginItemSetting): { openAtLogin: boolean; args: string[] } {
  return { openAtLogin: s.startAtLogin, args: s.startAtLogin && s.hidden ? [HIDDEN_FLAG] : [] };
}

/** Linux has no setLoginItemSettings: an XDG autostart entry (`~/.config/autostart/storebridge.desktop`). */
export function autostartDesktopEntry(execPath: string, s: LoginItemSetting): string | undefined {
  if (!s.startAtLogin) return undefined;
  // Desktop-entry Exec quoting: a path with spaces goes in double quotes, with " ` $ \ escaped.
  const quoted = /[\s"`$\\]/.test(execPath) ? `"${execPath.replace(/(["`$\\])/g, '\\$1')}"` : execPath;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Storebridge',
    `Exec=${quoted}${s.hidden ? ` ${HIDDEN_FLAG}` : ''}`,
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Started by the login item with "hidden": do not show the window, only the tray. */
export function startHidden(argv: readonly string[], openedAsHidden = false): boolean {
  return openedAsHidden || argv.includes(HIDDEN_FLAG);
}

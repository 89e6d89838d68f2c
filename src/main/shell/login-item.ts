// Runs in: Electron main. Owns: "start at login (hidden)": login items on macOS and Windows, an XDG
// autostart file on Linux.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'electron';
import { autostartDesktopEntry, loginItemSettings, type LoginItemSetting } from '../desktop/background.js';

export function applyLoginItem(
  app: Pick<App, 'setLoginItemSettings' | 'getPath'>,
  setting: LoginItemSetting,
  platform: NodeJS.Platform = process.platform,
  // An AppImage runs from a temporary mount: the stable path is the file the user launched.
  execPath: string = process.env.APPIMAGE ?? process.execPath,
): void {
  if (platform !== 'linux') {
    app.setLoginItemSettings(loginItemSettings(setting));
    return;
  }
  const dir = join(app.getPath('appData'), 'autostart');
  const file = join(dir, 'storebridge.desktop');
  const entry = autostartDesktopEntry(execPath, setting);
  if (entry === undefined) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, entry);
}

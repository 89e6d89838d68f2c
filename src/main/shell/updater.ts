// Runs in: Electron main. Owns: checking for updates with electron-updater against the feed in
// electron-builder.yml (`publish`), downloading in the background, installing on the next quit.
import type { AppUpdater } from 'electron-updater';
import type { Logger } from '../core/logger.js';

export interface UpdaterDeps {
  /** `autoUpdater` from electron-updater (injected so the shell decides when it is loaded). */
  updater: Pick<
    AppUpdater,
    'checkForUpdates' | 'on' | 'autoDownload' | 'autoInstallOnAppQuit' | 'allowPrerelease'
  > & {
    logger: unknown;
  };
  isPackaged: boolean;
  logger: Logger;
  checkEveryMs?: number;
}

/** Does nothing in development (no app-update.yml); otherwise checks now and every few hours. */
export function startUpdater(d: UpdaterDeps) {
  if (!d.isPackaged) return { dispose() {} };
  const u = d.updater;
  u.autoDownload = true;
  // The quit sequence runs first (before-quit), so an install never cuts a delivery short.
  u.autoInstallOnAppQuit = true;
  u.allowPrerelease = false;
  u.logger = null;
  u.on('update-downloaded', (info: { version: string }) =>
    d.logger.log('info', 'update downloaded; installs on quit', { version: info.version }),
  );
  u.on('error', (err: Error) => d.logger.log('warn', 'update check failed', { error: err.message }));
  const check = () => void u.checkForUpdates().catch(() => undefined);
  check();
  const timer = setInterval(check, d.checkEveryMs ?? 6 * 3_600_000);
  timer.unref?.();
  return {
    dispose(): void {
      clearInterval(timer);
    },
  };
}

// Runs in: Electron main. Owns: closing the window hides it to the tray while syncing continues, and quit
// runs the QuitSequence before the app exits.
import type { App, BrowserWindow } from 'electron';
import { onWindowClose } from '../desktop/background.js';
import type { QuitReport, QuitSequence } from '../desktop/quit-sequence.js';

export interface BackgroundDeps {
  app: Pick<App, 'on' | 'exit'>;
  quit: QuitSequence;
  settings(): { backgroundMode: boolean };
  trayAvailable(): boolean;
  /** Shown once, the first time the window hides (a notification: "Storebridge keeps syncing"). */
  hint(): void;
  onQuitDone?(report: QuitReport): void;
}

export function bindBackgroundMode(d: BackgroundDeps) {
  let hinted = false;
  let quitDone = false;
  // Electron quits only once this handler stops preventing it: the sequence finishes, then app.exit().
  d.app.on('before-quit', (event) => {
    if (d.quit.started && !quitDone) return event.preventDefault();
    if (quitDone) return;
    event.preventDefault();
    void d.quit.run().then((report) => {
      quitDone = true;
      d.onQuitDone?.(report);
      d.app.exit(0);
    });
  });
  return {
    /** Call for each BrowserWindow the shell creates. */
    manage(
      win: Pick<BrowserWindow, 'on' | 'hide' | 'minimize'>,
      platform: NodeJS.Platform = process.platform,
    ) {
      win.on('close', (event) => {
        const decision = onWindowClose(
          {
            backgroundMode: d.settings().backgroundMode,
            quitting: d.quit.started,
            trayAvailable: d.trayAvailable(),
            platform,
          },
          hinted,
        );
        if (decision.action === 'close' || decision.action === 'quit') return;
        event.preventDefault();
        if (decision.action === 'minimize') return win.minimize();
        win.hide();
        if (decision.hint) {
          hinted = true;
          d.hint();
        }
      });
    },
  };
}

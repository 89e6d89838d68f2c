// Runs in: Electron main (plain: only Electron's types, so Node tests import it). Owns: the one set of
// options every Storebridge window is created with.
import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the built preload (`out/preload/index.cjs`). */
  preload: string;
}

/**
 * Hardened by construction: the renderer runs sandboxed in an isolated world with no Node, no <webview>,
 * no mixed content and the same-origin policy on. There is no `enableRemoteModule`: Electron removed
 * remote in v14 and Storebridge does not use `@electron/remote` either.
 */
export function windowOptions({ preload }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'Storebridge',
    // Shown on 'ready-to-show', so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#1a1b1e',
    autoHideMenuBar: true,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}

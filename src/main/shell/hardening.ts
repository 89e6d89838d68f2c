// Runs in: Electron main (plain: Electron objects are passed in, so Node tests drive it with fakes). Owns:
// every "may this happen?" decision for web contents and sessions: navigation, redirects, new windows,
// <webview>, permission requests and checks, and which links leave for the user's browser.
import type { Logger } from '../core/logger.js';
import { EXTERNAL_ALLOWLIST, isAllowedExternal } from './external-links.js';

/** In-window navigation is never allowed (the console is one page); at most the link opens outside. */
export interface LinkVerdict {
  allow: false;
  openExternal?: string;
}

export function navigationVerdict(
  url: string,
  allowlist: readonly string[] = EXTERNAL_ALLOWLIST,
): LinkVerdict {
  return isAllowedExternal(url, allowlist) ? { allow: false, openExternal: url } : { allow: false };
}

/** window.open and target=_blank: same rule as a navigation; a new Electron window is never created. */
export const windowOpenVerdict = navigationVerdict;

/**
 * The console needs no camera, microphone, notifications, geolocation, clipboard-read, MIDI, HID or any
 * other permission, so every request and every check is refused whatever it asks for and whoever asks.
 */
export function permissionVerdict(_permission: string, _requestingUrl?: string): boolean {
  return false;
}

export interface PreventableEvent {
  preventDefault(): void;
  url?: string;
  isMainFrame?: boolean;
}

/** The parts of Electron's WebContents the hardening touches. */
export interface HardenableWebContents {
  on(event: string, listener: (event: PreventableEvent, ...args: unknown[]) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface HardeningDeps {
  openExternal(url: string): Promise<void>;
  allowlist?: readonly string[];
  logger?: Logger;
}

/** Applied to every WebContents Electron creates (app 'web-contents-created'), not only the main window. */
export function hardenWebContents(wc: HardenableWebContents, deps: HardeningDeps): void {
  const allowlist = deps.allowlist ?? EXTERNAL_ALLOWLIST;
  const refuse = (what: string, url: string, verdict: LinkVerdict): void => {
    if (verdict.openExternal) {
      deps.logger?.log('info', `${what}: opening in the browser`, { url });
      deps.openExternal(verdict.openExternal).catch((err: unknown) => {
        deps.logger?.log('warn', 'could not open an external link', { url, error: String(err) });
      });
    } else {
      deps.logger?.log('warn', `${what} refused`, { url });
    }
  };
  const onNavigate =
    (what: string) =>
    (event: PreventableEvent, ...args: unknown[]) => {
      event.preventDefault();
      // Electron 25+ puts the URL on the event; older signatures pass it as the next argument.
      const url = event.url ?? (typeof args[0] === 'string' ? args[0] : '');
      // A link clicked inside a subframe never leaves for the browser (the CSP allows no frames anyway).
      refuse(what, url, event.isMainFrame === false ? { allow: false } : navigationVerdict(url, allowlist));
    };
  // Electron emits will-frame-navigate first and skips will-navigate once it is prevented, so a link opens
  // in the browser once; will-navigate stays as the guard should that order ever change.
  wc.on('will-frame-navigate', onNavigate('navigation'));
  wc.on('will-navigate', onNavigate('navigation'));
  wc.on('will-redirect', (event, ...args) => {
    event.preventDefault();
    const url = event.url ?? (typeof args[0] === 'string' ? args[0] : '');
    // A redirect is never something the user clicked, so it does not open the browser either.
    deps.logger?.log('warn', 'redirect refused', { url });
  });
  wc.on('will-attach-webview', (event) => {
    event.preventDefault();
    deps.logger?.log('warn', '<webview> refused');
  });
  wc.setWindowOpenHandler(({ url }) => {
    refuse('new window', url, windowOpenVerdict(url, allowlist));
    return { action: 'deny' };
  });
}

/** The parts of Electron's Session the hardening touches. */
export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (
      wc: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details?: unknown,
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (wc: unknown, permission: string, requestingOrigin: string) => boolean,
  ): void;
}

export function hardenSession(session: HardenableSession, logger?: Logger): void {
  session.setPermissionRequestHandler((_wc, permission, callback) => {
    logger?.log('warn', 'permission request refused', { permission });
    callback(permissionVerdict(permission));
  });
  session.setPermissionCheckHandler((_wc, permission, origin) => permissionVerdict(permission, origin));
}

// Runs in: Electron main. Owns: receiving storebridge:// links (registration, macOS open-url, the first
// launch's argv, a second instance's argv) and handing valid targets to `open`.
import type { App } from 'electron';
import { DEEP_LINK_SCHEME, parseDeepLink, type DeepLinkTarget } from '../desktop/deep-link.js';
import { launchDeepLink, secondInstanceAction } from '../desktop/second-instance.js';

export interface DeepLinkDeps {
  app: Pick<App, 'on' | 'removeListener' | 'setAsDefaultProtocolClient' | 'isPackaged'>;
  argv: readonly string[];
  /** Focus the window (creating or showing it), then navigate. */
  focus(): void;
  open(target: DeepLinkTarget): void;
  rejected(reason: string, link?: string): void;
}

export function bindDeepLinks(d: DeepLinkDeps) {
  // Packaged builds register through the installer (electron-builder `protocols`); in development the
  // registration must name the script, or the OS would launch a bare Electron.
  if (d.app.isPackaged) d.app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);

  const onSecondInstance = (_e: unknown, argv: string[]) => {
    const a = secondInstanceAction(argv);
    d.focus();
    if (a.open) d.open(a.open);
    if (a.rejected) d.rejected(a.rejected);
  };
  const onOpenUrl = (e: { preventDefault(): void }, url: string) => {
    e.preventDefault();
    const r = parseDeepLink(url);
    d.focus();
    if (r.ok) d.open(r.target);
    else d.rejected(r.reason, url);
  };
  d.app.on('second-instance', onSecondInstance);
  d.app.on('open-url', onOpenUrl);
  const first = launchDeepLink(d.argv);
  if (first.open) d.open(first.open);
  if (first.rejected) d.rejected(first.rejected);
  return {
    dispose(): void {
      d.app.removeListener('second-instance', onSecondInstance);
      d.app.removeListener('open-url', onOpenUrl);
    },
  };
}

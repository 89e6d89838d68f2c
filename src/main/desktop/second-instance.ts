// Runs in: main (Electron-free). Owns: what a second launch means for the first instance: always come to
// the front, and open the screen a `storebridge://` argument names (Windows and Linux pass links in argv).
import { DEEP_LINK_SCHEME, parseDeepLink, type DeepLinkTarget } from './deep-link.js';

export interface SecondInstanceAction {
  focus: true;
  /** The screen to open, when argv carried a valid link. */
  open?: DeepLinkTarget;
  /** Why a link-looking argument was refused, for the log; the window is still focused. */
  rejected?: string;
}

/**
 * `argv` is the second process's full command line as Electron forwards it. Chromium may insert its own
 * switches (`--allow-file-access-from-files`, `--original-process-start-time=...`) anywhere, so only an
 * argument that starts with the scheme counts, and only the first such one.
 */
export function secondInstanceAction(argv: readonly string[]): SecondInstanceAction {
  const link = argv.find((a) => a.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`));
  if (link === undefined) return { focus: true };
  const parsed = parseDeepLink(link);
  return parsed.ok ? { focus: true, open: parsed.target } : { focus: true, rejected: parsed.reason };
}

/** A link passed on the very first launch (the app was not running when the user clicked it). */
export function launchDeepLink(argv: readonly string[]): SecondInstanceAction {
  return secondInstanceAction(argv);
}

// Runs in: Electron main (plain, Electron-free so Node tests import it). Owns: the app's own origin,
// `app://storebridge`, and the one test of "is this URL ours".

export const APP_SCHEME = 'app';
export const APP_HOST = 'storebridge';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True for `app://storebridge/...` only. Compared by scheme and host rather than `URL.origin`, because
 * Node's URL gives "null" as the origin of any non-special scheme while Chromium (where the scheme is
 * registered as standard) gives `app://storebridge`; the test must mean the same thing in both.
 */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password;
}

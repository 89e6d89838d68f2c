// Runs in: Electron main (plain: the handler is Request -> Response over serveStatic, so Node tests call it).
// Owns: the `app://storebridge/` protocol the renderer is served from, with its CSP and traversal guard.
import { serveStatic } from '../security/static-files.js';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, isAppUrl } from './app-url.js';

/**
 * For `protocol.registerSchemesAsPrivileged`, before 'ready'. `standard` gives the scheme real origins and
 * relative URL resolution; `secure` makes it a secure context; no `bypassCSP`, no `corsEnabled`.
 */
export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

function refuse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
  });
}

export type ProtocolHandler = (request: Request) => Promise<Response>;

/** Serves files under `root` (the built renderer) for `app://storebridge/...`; refuses everything else. */
export function createProtocolHandler(root: string): ProtocolHandler {
  return async (request) => {
    if (!isAppUrl(request.url)) return refuse(403, `Only ${APP_ORIGIN}/ is served here`);
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
    // The raw path (before any URL normalisation) goes to serveStatic, so `..` and its encodings meet the
    // guard there rather than being quietly collapsed; isAppUrl has already checked the scheme and host.
    const rest = request.url.slice(`${APP_SCHEME}://`.length);
    if (!rest.toLowerCase().startsWith(APP_HOST)) return refuse(403, `Only ${APP_ORIGIN}/ is served here`);
    const path = rest.slice(APP_HOST.length).split(/[?#]/)[0] || '/';
    if (!path.startsWith('/')) return refuse(403, 'Forbidden');
    const answer = await serveStatic(root, path);
    const body =
      request.method === 'HEAD'
        ? null
        : typeof answer.body === 'string'
          ? answer.body
          : new Uint8Array(answer.body);
    return new Response(body, { status: answer.status, headers: answer.headers });
  };
}

/** The part of Electron's `protocol` module used at 'ready'. */
export interface ProtocolLike {
  handle(scheme: string, handler: ProtocolHandler): void;
}

export function registerAppProtocol(protocol: ProtocolLike, root: string): void {
  protocol.handle(APP_SCHEME, createProtocolHandler(root));
}

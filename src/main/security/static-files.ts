// Runs in: main (Electron-free). Owns: answering a request path from the built renderer folder, with the
// path-traversal guard and security headers; the Electron protocol handler and the browser host share it.
import { readFile, realpath } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { contentSecurityPolicy, newNonce, withNonce } from './csp.js';

export interface StaticAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
};

/** Resolves a URL path inside `root`, or undefined when it escapes it (`..`, encoded or not, symlinks). */
export async function resolveInside(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const rootReal = await realpath(root).catch(() => resolve(root));
  const candidate = resolve(rootReal, '.' + (decoded.startsWith('/') ? decoded : '/' + decoded));
  if (candidate !== rootReal && !candidate.startsWith(rootReal + sep)) return undefined;
  const real = await realpath(candidate).catch(() => undefined);
  if (real && real !== rootReal && !real.startsWith(rootReal + sep)) return undefined;
  return candidate;
}

export async function serveStatic(root: string, urlPath: string): Promise<StaticAnswer> {
  const base = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
  const path = urlPath === '/' || urlPath === '' ? '/index.html' : urlPath;
  const file = await resolveInside(root, path);
  if (!file) return { status: 403, headers: { ...base, 'content-type': 'text/plain' }, body: 'Forbidden' };
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return { status: 404, headers: { ...base, 'content-type': 'text/plain' }, body: 'Not found' };
  }
  const type = types[extname(file).toLowerCase()] ?? 'application/octet-stream';
  if (type.startsWith('text/html')) {
    const nonce = newNonce();
    return {
      status: 200,
      headers: {
        ...base,
        'content-type': type,
        'content-security-policy': contentSecurityPolicy(nonce),
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
      },
      body: withNonce(body.toString('utf8'), nonce),
    };
  }
  return { status: 200, headers: { ...base, 'content-type': type }, body };
}

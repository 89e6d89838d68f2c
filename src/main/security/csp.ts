// Runs in: main (Electron-free). Owns: the Content-Security-Policy of the renderer and the per-load nonce
// that lets Mantine's <style> tags in without 'unsafe-inline'. The Electron protocol and the browser host both use it.
import { randomBytes } from 'node:crypto';

/** The placeholder in the built index.html that each load replaces with a fresh nonce. */
export const NONCE_PLACEHOLDER = '__STOREBRIDGE_CSP_NONCE__';

export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * `connect-src 'self'`: the renderer never talks to the network itself; in the browser host 'self' also
 * covers the same-origin WebSocket bridge. React sets inline styles through the CSSOM, which CSP allows,
 * so style attributes need no 'unsafe-inline' either.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

export function withNonce(html: string, nonce: string): string {
  return html.split(NONCE_PLACEHOLDER).join(nonce);
}

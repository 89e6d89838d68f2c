// Runs in: main (Electron-free). Owns: the browser host's admission rule: loopback Host only (against DNS
// rebinding), same Origin only, and a session cookie obtained by presenting the per-launch token once.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const SESSION_COOKIE = 'storebridge_session';

export class HostGuard {
  /** Printed in the URL; exchanged once for the cookie. */
  readonly token = randomBytes(24).toString('base64url');
  private readonly session = randomBytes(32).toString('base64url');

  constructor(private readonly port: () => number) {}

  get origin(): string {
    return `http://127.0.0.1:${this.port()}`;
  }

  /** Host must be exactly the address we listen on; Origin, when sent, must be ours. */
  sameSite(headers: IncomingHttpHeaders, requireOrigin: boolean): boolean {
    if (headers.host !== `127.0.0.1:${this.port()}`) return false;
    const origin = headers.origin;
    if (origin === undefined) return !requireOrigin;
    return origin === this.origin;
  }

  hasSession(headers: IncomingHttpHeaders): boolean {
    const value = readCookie(headers.cookie, SESSION_COOKIE);
    return value !== undefined && safeEqual(value, this.session);
  }

  tokenMatches(candidate: string | null): boolean {
    return candidate !== null && safeEqual(candidate, this.token);
  }

  sessionCookie(): string {
    return `${SESSION_COOKIE}=${this.session}; HttpOnly; SameSite=Strict; Path=/`;
  }
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

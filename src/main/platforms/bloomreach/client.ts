// Runs in: main (Electron-free). Owns: one HTTP call to Bloomreach Engagement (ky, retries off: the engine owns
// them), private Basic auth, the project token in the path, and turning what came back into an answer or a
// classified failure.
import ky from 'ky';
import { proxyFetchFromEnv } from '../../bigcommerce/proxy.js';
import type { Clock } from '../../core/clock.js';
import type { Pacer } from '../shared/pacer.js';
import { describeNetworkError, networkCode } from '../shared/network-error.js';

export interface BrAnswer {
  status: number;
  body: unknown;
}

/**
 * `unreachable`: the request never reached Bloomreach (refused, DNS); `lost`: it left but no answer came
 * (reset, timeout), so Bloomreach may have queued it; `rate`: 429 (the data was discarded); `server`: 5xx or
 * a body that is not JSON; `auth`: 401/403 or the 400 auth answers; `client`: any other 4xx.
 */
export type FailureKind = 'unreachable' | 'lost' | 'rate' | 'server' | 'auth' | 'client';

export class BrCallError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'BrCallError';
  }
}

export interface BrClientOptions {
  baseUrl: string;
  projectToken: string;
  apiKeyId: string;
  apiSecret: string;
  timeoutMs: number;
  pacer: Pacer;
  clock: Clock;
  signal: AbortSignal;
}

const NEVER_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** Longer than this, waiting out a 429 inside one call is not worth holding the batch. */
const MAX_INLINE_WAIT_MS = 2_000;

/** The 400 answers that are about the credentials, not the record. */
const AUTH_400 = /^(Invalid project id|Could not authenticate)$/;

export class BrClient {
  private readonly root: string;
  private readonly http: typeof ky;
  /** Requests that got any HTTP answer: tells "nothing reached Bloomreach" apart. */
  answered = 0;

  constructor(private readonly o: BrClientOptions) {
    this.root = o.baseUrl.trim().replace(/\/+$/, '');
    const fetchImpl = proxyFetchFromEnv();
    const basic = Buffer.from(`${o.apiKeyId.trim()}:${o.apiSecret.trim()}`).toString('base64');
    this.http = ky.create({
      retry: 0,
      // Our own timeout covers the body as well as the headers.
      timeout: false,
      throwHttpErrors: false,
      headers: { Authorization: `Basic ${basic}`, Accept: 'application/json' },
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });
  }

  /** `track` and `data` are the two API roots; `rest` follows `/projects/{token}`. */
  path(api: 'track' | 'data', rest: string): string {
    return `/${api}/v2/projects/${encodeURIComponent(this.o.projectToken.trim())}${rest}`;
  }

  /** 2xx, and the statuses in `pass`, come back; everything else throws a BrCallError. */
  async call(method: string, path: string, json?: unknown, pass: number[] = []): Promise<BrAnswer> {
    const blocked = this.o.pacer.blockedFor();
    // A long spent window ends the call at once: the engine reschedules instead of holding a batch open.
    if (blocked > MAX_INLINE_WAIT_MS)
      throw new BrCallError(
        'rate',
        `Bloomreach's request window is spent (429); retry in ${blocked} ms`,
        429,
        blocked,
      );
    await this.o.pacer.turn(this.o.signal);
    const timeout = AbortSignal.timeout(this.o.timeoutMs);
    const signal = AbortSignal.any([this.o.signal, timeout]);
    const label = `${method} ${path.replace(this.o.projectToken.trim(), '{token}').split('?')[0] ?? path}`;
    let res: Response;
    let text: string;
    try {
      res = await this.http(this.root + path, { method, signal, ...(json !== undefined ? { json } : {}) });
      text = await res.text();
    } catch (err) {
      if (this.o.signal.aborted) throw err;
      const code = networkCode(err);
      if (!timeout.aborted && code !== undefined && NEVER_CONNECTED.has(code))
        throw new BrCallError('unreachable', `${label}: ${code}`);
      const why = timeout.aborted ? `no answer within ${this.o.timeoutMs} ms` : describeNetworkError(err);
      // Bloomreach may still apply it: the retry waits so a lookup can see a write that landed late.
      throw new BrCallError('lost', `${label}: ${why}`, undefined, Math.min(2 * this.o.timeoutMs, 60_000));
    }
    this.answered++;
    let body: unknown = null;
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        if ((res.status >= 200 && res.status < 300) || res.status >= 500 || res.status === 429)
          throw new BrCallError(
            'server',
            `${label} answered ${res.status} with a body that is not JSON`,
            res.status,
          );
      }
    }
    if (res.status === 429) {
      const retryAfterMs = retryAfter(res.headers) ?? 60_000;
      this.o.pacer.blockUntil(this.o.clock.now() + retryAfterMs);
      throw new BrCallError(
        'rate',
        `Bloomreach: over the API request limit (429, the request's data was discarded); retry in ${retryAfterMs} ms`,
        429,
        retryAfterMs,
      );
    }
    if (pass.includes(res.status)) return { status: res.status, body };
    const own = messageOf(body);
    if (res.status >= 500)
      throw new BrCallError('server', `${label} answered ${res.status}: ${own}`, res.status);
    if (res.status === 401 || res.status === 403 || (res.status === 400 && AUTH_400.test(own)))
      throw new BrCallError('auth', `Bloomreach refused the credentials (${res.status}): ${own}`, res.status);
    if (res.status >= 400)
      throw new BrCallError('client', `${label} answered ${res.status}: ${own}`, res.status);
    return { status: res.status, body };
  }
}

/** Bloomreach's own words, from whichever of its three error shapes came back. */
export function messageOf(body: unknown): string {
  if (!body || typeof body !== 'object') return 'no explanation given';
  const b = body as { errors?: unknown; error?: unknown; message?: unknown };
  if (Array.isArray(b.errors) && b.errors.length > 0) return b.errors.map(String).join('; ');
  if (b.errors && typeof b.errors === 'object') return Object.values(b.errors).flat().map(String).join('; ');
  if (typeof b.error === 'string') return b.error;
  if (typeof b.message === 'string') return b.message;
  return 'no explanation given';
}

/** Retry-After in seconds [UNVERIFIED: only a third-party source mentions it]. */
function retryAfter(h: Headers): number | undefined {
  const v = h.get('retry-after');
  if (v === null) return undefined;
  const secs = Number(v);
  if (Number.isFinite(secs) && secs >= 0) return Math.ceil(secs * 1000);
  const at = Date.parse(v);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

export const enc = encodeURIComponent;

// Runs in: main (Electron-free). Owns: one HTTP call to Connectif's REST API (ky, retries off: the engine owns
// them), `Authorization: apiKey KeyId:KeySecret`, and turning what came back into an answer or a classified failure.
import ky from 'ky';
import { proxyFetchFromEnv } from '../../bigcommerce/proxy.js';
import type { Clock } from '../../core/clock.js';
import type { Pacer } from '../shared/pacer.js';
import { describeNetworkError, networkCode } from '../shared/network-error.js';

export interface CfAnswer {
  status: number;
  body: unknown;
}

/**
 * `unreachable`: the request never reached Connectif (refused, DNS); `lost`: it left but no answer came (reset,
 * timeout), so Connectif may have applied it; `rate`: 429; `server`: 5xx or a body that is not JSON;
 * `auth`: 401/403; `client`: any other 4xx, the record's fault.
 */
export type FailureKind = 'unreachable' | 'lost' | 'rate' | 'server' | 'auth' | 'client';

/** Connectif's HttpError envelope: `{status, title, detail, code?, ...extra}`. */
export interface HttpErrorBody {
  status?: number;
  title?: string;
  detail?: string;
  code?: string;
  [k: string]: unknown;
}

export class CfCallError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status?: number,
    readonly body?: HttpErrorBody,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'CfCallError';
  }
}

export interface CfClientOptions {
  apiUrl: string;
  apiKey: string;
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

export class CfClient {
  private readonly root: string;
  private readonly http: typeof ky;
  /** Requests that got any HTTP answer: tells "nothing reached Connectif" apart. */
  answered = 0;

  constructor(private readonly o: CfClientOptions) {
    this.root = o.apiUrl.trim().replace(/\/+$/, '');
    const fetchImpl = proxyFetchFromEnv();
    this.http = ky.create({
      retry: 0,
      // Our own timeout covers the body as well as the headers.
      timeout: false,
      throwHttpErrors: false,
      headers: { Authorization: `apiKey ${o.apiKey.trim()}`, Accept: 'application/json' },
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });
  }

  /** Any 2xx, and 404 when `notFoundOk`, comes back; everything else throws a CfCallError. */
  async call(method: string, path: string, json?: unknown, notFoundOk = false): Promise<CfAnswer> {
    await this.o.pacer.turn(this.o.signal);
    const timeout = AbortSignal.timeout(this.o.timeoutMs);
    const signal = AbortSignal.any([this.o.signal, timeout]);
    const label = `${method} ${path.split('?')[0] ?? path}`;
    let res: Response;
    let text: string;
    try {
      res = await this.http(this.root + path, { method, signal, ...(json !== undefined ? { json } : {}) });
      text = await res.text();
    } catch (err) {
      if (this.o.signal.aborted) throw err;
      const code = networkCode(err);
      if (!timeout.aborted && code !== undefined && NEVER_CONNECTED.has(code))
        throw new CfCallError('unreachable', `${label}: ${code}`);
      const why = timeout.aborted ? `no answer within ${this.o.timeoutMs} ms` : describeNetworkError(err);
      throw new CfCallError('lost', `${label}: ${why}`);
    }
    this.answered++;
    this.noteWindow(res.headers);
    let body: unknown = null;
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        if ((res.status >= 200 && res.status < 300) || res.status >= 500)
          throw new CfCallError(
            'server',
            `${label} answered ${res.status} with a body that is not JSON`,
            res.status,
          );
      }
    }
    const err = (body && typeof body === 'object' ? body : {}) as HttpErrorBody;
    if (res.status === 429) {
      const retryAfterMs = this.resetIn(res.headers) ?? 60_000;
      this.o.pacer.blockUntil(this.o.clock.now() + retryAfterMs);
      throw new CfCallError(
        'rate',
        `Connectif: requests rate limit reached (429); retry in ${retryAfterMs} ms`,
        429,
        err,
        retryAfterMs,
      );
    }
    if (res.status >= 500)
      throw new CfCallError('server', `${label} answered ${res.status}: ${detailOf(err)}`, res.status, err);
    if (res.status === 404 && notFoundOk) return { status: 404, body };
    if (res.status === 401 || res.status === 403)
      throw new CfCallError(
        'auth',
        `Connectif refused the API key (${res.status}): ${detailOf(err)}`,
        res.status,
        err,
      );
    if (res.status >= 400) throw new CfCallError('client', detailOf(err), res.status, err);
    return { status: res.status, body };
  }

  /** X-RateLimit-Reset is epoch seconds [UNVERIFIED, from a 3rd-party client]; it also paces the next calls. */
  private resetIn(h: Headers): number | undefined {
    const reset = Number(h.get('x-ratelimit-reset'));
    if (!Number.isFinite(reset) || reset <= 0) return undefined;
    return Math.max(0, reset * 1000 - this.o.clock.now());
  }

  private noteWindow(h: Headers): void {
    const remaining = h.get('x-ratelimit-remaining');
    if (remaining !== null && Number(remaining) <= 0) {
      const ms = this.resetIn(h);
      if (ms !== undefined) this.o.pacer.blockUntil(this.o.clock.now() + ms);
    }
  }
}

/** Connectif's own words, with its custom code when it sent one. */
export function detailOf(b: HttpErrorBody): string {
  const text = b.detail || b.title || 'no explanation given';
  return b.code ? `${b.code}: ${text}` : text;
}

export const enc = encodeURIComponent;

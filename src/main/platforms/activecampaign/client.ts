// Runs in: main (Electron-free). Owns: one HTTP call to ActiveCampaign API v3 (ky, retries off: the engine
// owns them) and turning what came back into a typed answer or a classified failure.
import ky from 'ky';
import { proxyFetchFromEnv } from '../../bigcommerce/proxy.js';
import type { Pacer } from './pacer.js';
import { describeNetworkError, networkCode } from '../shared/network-error.js';

export interface AcAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * Why a call failed. `network`: no answer at all (refused, reset, DNS, timeout); `rate`: 429;
 * `server`: 5xx or a body that is not JSON; `auth`: 403; `client`: any other 4xx (the record's fault).
 */
export type FailureKind = 'network' | 'rate' | 'server' | 'auth' | 'client';

export class AcCallError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
    /** A write whose answer was lost after it left: ActiveCampaign may still apply it. */
    readonly inFlightWrite = false,
  ) {
    super(message);
    this.name = 'AcCallError';
  }
}

export interface AcClientOptions {
  apiUrl: string;
  apiKey: string;
  timeoutMs: number;
  pacer: Pacer;
  signal: AbortSignal;
}

/** `https://x.api-us1.com` and `https://x.api-us1.com/api/3/` both mean the API root `…/api/3`. */
export function apiRoot(apiUrl: string): string {
  const trimmed = apiUrl.trim().replace(/\/+$/, '');
  return /\/api\/3$/.test(trimmed) ? trimmed : `${trimmed}/api/3`;
}

export class AcClient {
  private readonly root: string;
  private readonly http: typeof ky;
  /** Answers received (any status) since the client was made: tells "nothing reached it" apart. */
  answered = 0;

  constructor(private readonly o: AcClientOptions) {
    this.root = apiRoot(o.apiUrl);
    const fetchImpl = proxyFetchFromEnv();
    this.http = ky.create({
      retry: 0,
      // Our own timeout covers the body as well as the headers.
      timeout: false,
      throwHttpErrors: false,
      headers: { 'Api-Token': o.apiKey, Accept: 'application/json' },
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });
  }

  get(path: string): Promise<AcAnswer> {
    return this.call('GET', path);
  }
  post(path: string, json: unknown): Promise<AcAnswer> {
    return this.call('POST', path, json);
  }
  put(path: string, json: unknown): Promise<AcAnswer> {
    return this.call('PUT', path, json);
  }
  delete(path: string): Promise<AcAnswer> {
    return this.call('DELETE', path);
  }

  /** Any 2xx comes back; everything else throws an AcCallError saying what happened. */
  async call(method: string, path: string, json?: unknown): Promise<AcAnswer> {
    await this.o.pacer.turn(this.o.signal);
    const timeout = AbortSignal.timeout(this.o.timeoutMs);
    const signal = AbortSignal.any([this.o.signal, timeout]);
    let res: Response;
    let text: string;
    try {
      res = await this.http(this.root + path, { method, signal, ...(json !== undefined ? { json } : {}) });
      text = await res.text();
    } catch (err) {
      if (this.o.signal.aborted) throw err;
      const code = networkCode(err);
      const why = timeout.aborted ? `no answer within ${this.o.timeoutMs} ms` : describeNetworkError(err);
      const neverConnected = !timeout.aborted && code !== undefined && NEVER_CONNECTED.has(code);
      throw new AcCallError(
        'network',
        `${method} ${path}: ${why}`,
        undefined,
        undefined,
        method !== 'GET' && !neverConnected,
      );
    }
    this.answered++;
    const label = `${method} ${path}`;
    if (res.status === 429) {
      const retryAfterMs = retryAfter(res.headers) ?? 1000;
      this.o.pacer.pause(retryAfterMs);
      throw new AcCallError(
        'rate',
        `ActiveCampaign's limit of requests per second was reached (429); retry in ${retryAfterMs} ms`,
        429,
        retryAfterMs,
      );
    }
    let body: unknown = null;
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        throw new AcCallError(
          'server',
          `${label} answered ${res.status} with a body that is not JSON`,
          res.status,
        );
      }
    }
    if (res.status >= 500)
      throw new AcCallError('server', `${label} answered ${res.status}: ${messageOf(body)}`, res.status);
    if (res.status === 403)
      throw new AcCallError(
        'auth',
        `ActiveCampaign refused the API key (403 ${messageOf(body)}): copy the key again from Settings → Developer`,
        403,
      );
    if (res.status >= 400) throw new AcCallError('client', messageOf(body), res.status);
    return { status: res.status, headers: res.headers, body };
  }
}

function retryAfter(h: Headers): number | undefined {
  const v = h.get('retry-after');
  if (!v) return undefined;
  const secs = Number(v);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** The platform's own words: 422 `errors[].title` with the field, 404 `message`, or the status alone. */
export function messageOf(body: unknown): string {
  if (body && typeof body === 'object') {
    const b = body as { errors?: unknown; message?: unknown };
    if (Array.isArray(b.errors) && b.errors.length > 0) {
      return b.errors
        .map((e: { title?: string; detail?: string; source?: { pointer?: string } }) => {
          const field = e.source?.pointer?.replace('/data/attributes/', '');
          const text = [e.title, e.detail].filter((x) => x && x !== '').join(': ');
          return field ? `${field}: ${text}` : text;
        })
        .join('; ');
    }
    if (typeof b.errors === 'string') return b.errors;
    if (typeof b.message === 'string') return b.message;
  }
  return 'no explanation given';
}

/** Failures where the request never reached ActiveCampaign, so nothing can have been applied. */
const NEVER_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

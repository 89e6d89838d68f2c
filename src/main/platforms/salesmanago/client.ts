// Runs in: main (Electron-free). Owns: calls to SALESmanago through ky (retries off: the engine owns them; an
// explicit timeout): the signed v2 JSON-over-POST envelope on the account's server and the v3 API-KEY calls.
import { createHash } from 'node:crypto';
import ky, { isTimeoutError } from 'ky';
import type { SalesmanagoCredentials } from './schemas.js';

export interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the raw text when `malformed`. */
  body: unknown;
  malformed: boolean;
}

/** The call never got an answer: refused, reset, DNS, or nothing within the timeout. */
export class TransportFailure extends Error {
  constructor(
    message: string,
    readonly timedOut: boolean,
  ) {
    super(message);
    this.name = 'TransportFailure';
  }
}

export interface ClientOptions {
  /** Per call. The vendor's own util gives up after 2 s; a desktop on a slow link needs more. */
  timeoutMs?: number;
  /** v2 base of a server name; the default is the public host. Tests point it at the simulator. */
  serverUrl?: (server: string) => string;
  /** v3 base (https://api.salesmanago.com). */
  v3Url?: string;
  now?: () => number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const publicServerUrl = (server: string): string => `https://${server}.salesmanago.com/api`;

/** `sha = sha1(apiKey + clientId + apiSecret)`, hex, as the v2 API checks it. */
export function signature(apiKey: string, clientId: string, apiSecret: string): string {
  return createHash('sha1')
    .update(apiKey + clientId + apiSecret, 'utf8')
    .digest('hex');
}

export function v2BaseOf(endpoint: string, opts: ClientOptions): string {
  const base = /^https?:\/\//.test(endpoint) ? endpoint : (opts.serverUrl ?? publicServerUrl)(endpoint);
  return base.replace(/\/+$/, '');
}

export class SalesmanagoClient {
  readonly v2Base: string;
  readonly v3Base: string;
  private readonly http: typeof ky;

  constructor(
    readonly credentials: SalesmanagoCredentials,
    private readonly opts: ClientOptions = {},
    private readonly signal?: AbortSignal,
    endpoint?: string,
  ) {
    this.v2Base = v2BaseOf(endpoint ?? credentials.endpoint, opts);
    this.v3Base = (opts.v3Url ?? 'https://api.salesmanago.com').replace(/\/+$/, '');
    this.http = ky.create({ retry: 0, throwHttpErrors: false, timeout: this.timeoutMs });
  }

  get timeoutMs(): number {
    return this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** The same credentials on another server (Verify looks for the account's own). */
  at(endpoint: string): SalesmanagoClient {
    return new SalesmanagoClient(this.credentials, this.opts, this.signal, endpoint);
  }

  /** POST `${server}/api/${method}` with the signed auth fields in the body. */
  v2(method: string, body: Record<string, unknown>, withOwner = true): Promise<Answer> {
    const c = this.credentials;
    const auth = {
      clientId: c.clientId,
      apiKey: c.apiKey,
      requestTime: (this.opts.now ?? Date.now)(),
      sha: signature(c.apiKey, c.clientId, c.apiSecret),
      ...(withOwner ? { owner: c.owner } : {}),
    };
    return this.send(
      `${this.v2Base}/${method}`,
      'POST',
      { ...auth, ...body },
      {
        accept: 'application/json, application/json',
        'content-type': 'application/json;charset=UTF-8',
      },
    );
  }

  v3(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.credentials.v3ApiKey) headers['API-KEY'] = this.credentials.v3ApiKey;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return this.send(`${this.v3Base}${path}`, method, body, headers);
  }

  private async send(url: string, method: string, json: unknown, headers: Record<string, string>) {
    let res: Response;
    let text: string;
    try {
      res = await this.http(url, {
        method,
        headers,
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
        ...(this.signal ? { signal: this.signal } : {}),
      });
      text = await res.text();
    } catch (err) {
      if (this.signal?.aborted) throw err;
      const timedOut = isTimeoutError(err);
      throw new TransportFailure(
        timedOut ? `no answer from ${url} within ${this.timeoutMs} ms` : `${url}: ${describe(err)}`,
        timedOut,
      );
    }
    if (text.trim() === '')
      return { status: res.status, headers: res.headers, body: undefined, malformed: false };
    try {
      return {
        status: res.status,
        headers: res.headers,
        body: JSON.parse(text) as unknown,
        malformed: false,
      };
    } catch {
      return { status: res.status, headers: res.headers, body: text.slice(0, 300), malformed: true };
    }
  }
}

function describe(err: unknown): string {
  const e = err as { message?: unknown; cause?: { code?: unknown; cause?: { code?: unknown } } };
  const code = e?.cause?.code ?? e?.cause?.cause?.code;
  return `${String(e?.message ?? err)}${code ? ` (${String(code)})` : ''}`;
}

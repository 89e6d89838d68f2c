// Runs in: main (Electron-free). Owns: one HTTP call to dotdigital through ky (retries off: the engine owns
// them; an explicit timeout), Basic auth, the regional host, and reading both error envelopes.
import ky, { isTimeoutError } from 'ky';
import { type DotdigitalCredentials, regionHosts } from './schemas.js';

export interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
  /** True when the body was not valid JSON (a truncated answer). */
  malformed: boolean;
}

/** The call never got an answer: refused, reset, DNS, or no answer within the timeout. */
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
  /** Per call. dotdigital asks clients to allow up to 121 s; tests use a short one. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 121_000;

export function baseUrlOf(c: DotdigitalCredentials): string {
  return (c.endpoint ?? regionHosts[c.region]).replace(/\/+$/, '');
}

export class DotdigitalClient {
  readonly baseUrl: string;
  private readonly http: typeof ky;

  constructor(
    readonly credentials: DotdigitalCredentials,
    private readonly opts: ClientOptions = {},
    private readonly signal?: AbortSignal,
    baseUrl?: string,
  ) {
    this.baseUrl = (baseUrl ?? baseUrlOf(credentials)).replace(/\/+$/, '');
    const auth = Buffer.from(`${credentials.apiUser}:${credentials.password}`).toString('base64');
    this.http = ky.create({
      retry: 0,
      throwHttpErrors: false,
      timeout: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      headers: { authorization: `Basic ${auth}`, accept: 'application/json' },
      ...(opts.fetch ? { fetch: opts.fetch } : {}),
    });
  }

  /** The same API user against another host (verify compares regions). */
  at(baseUrl: string): DotdigitalClient {
    return new DotdigitalClient(this.credentials, this.opts, this.signal, baseUrl);
  }

  async call(method: string, path: string, json?: unknown): Promise<Answer> {
    let res: Response;
    let text: string;
    try {
      res = await this.http(this.baseUrl + path, {
        method,
        ...(json !== undefined ? { json } : {}),
        ...(this.signal ? { signal: this.signal } : {}),
      });
      text = await res.text();
    } catch (err) {
      if (this.signal?.aborted) throw err;
      const timedOut = isTimeoutError(err);
      throw new TransportFailure(
        timedOut
          ? `no answer from ${this.baseUrl} within ${this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`
          : `${this.baseUrl}: ${describe(err)}`,
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
      return { status: res.status, headers: res.headers, body: text, malformed: true };
    }
  }
}

function describe(err: unknown): string {
  const e = err as {
    message?: unknown;
    cause?: { code?: unknown; message?: unknown; cause?: { code?: unknown } };
  };
  const code = e?.cause?.code ?? e?.cause?.cause?.code ?? e?.cause?.message;
  return `${String(e?.message ?? err)}${code ? ` (${String(code)})` : ''}`;
}

/** The platform's own words from a v2 `{message}` or v3 `{errorCode, description, details}` body. */
export function platformMessage(a: Answer): string {
  const b = a.body as
    { message?: unknown; errorCode?: unknown; description?: unknown; details?: unknown } | undefined;
  if (b && typeof b === 'object') {
    if (typeof b.message === 'string') return b.message;
    if (typeof b.description === 'string') {
      const details = Array.isArray(b.details)
        ? (b.details as Array<{ item?: unknown; description?: unknown }>)
            .map((d) => `${String(d.item)}: ${String(d.description)}`)
            .join('; ')
        : '';
      return `${b.description}${details ? ` (${details})` : ''} [${String(b.errorCode)}]`;
    }
  }
  return a.malformed ? 'an unreadable (malformed) answer' : `HTTP ${a.status}`;
}

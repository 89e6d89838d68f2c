// Runs in: main (Electron-free). Owns: one HTTP call to one store through ky (its own retries off), the
// store's RateBudget, a per-attempt timeout, and retries of transient failures with backoff and jitter.
import ky from 'ky';
import { systemClock, type Clock } from '../core/clock.js';
import { AppError } from '../core/errors.js';
import { httpError } from './http-errors.js';
import { proxyFetchFromEnv } from './proxy.js';
import {
  RateBudget,
  cancelled,
  readRateHeaders,
  realSleep,
  type RateHeaders,
  type Sleep,
} from './rate-budget.js';
import { backoffMs, defaultRetryPolicy, describeError, isTransientError, type RetryPolicy } from './retry.js';

export const BIGCOMMERCE_API = 'https://api.bigcommerce.com';

export interface TransportOptions {
  storeHash: string;
  accessToken: string;
  /** Defaults to https://api.bigcommerce.com; the simulator's URL in tests. */
  baseUrl?: string;
  /** How errors name the store (its display name); defaults to the hash. */
  storeLabel?: string;
  /** Share one budget between every client of the same store; created from `share` when omitted. */
  budget?: RateBudget;
  share?: number;
  maxConcurrency?: number;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  clock?: Clock;
  sleep?: Sleep;
  random?: () => number;
  /** Replaces fetch (tests, custom agents). Default: Node's fetch, through HTTPS_PROXY when one is set. */
  fetch?: typeof fetch;
  /** Called after every attempt (metrics, progress, tests). */
  onCall?: (call: CallInfo) => void;
}

export interface CallInfo {
  method: string;
  path: string;
  status: number | 'error';
  attempt: number;
  ms: number;
  error?: string;
  /** The X-Rate-Limit-* headers of the answer, when it carried them. */
  rate?: RateHeaders;
}

export interface BcResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON; null for 204 or an empty body. */
  body: unknown;
}

export interface RequestOptions {
  json?: unknown;
  signal?: AbortSignal;
}

export class Transport {
  readonly budget: RateBudget;
  readonly storeLabel: string;
  private readonly root: string;
  private readonly policy: RetryPolicy;
  private readonly clock: Clock;
  private readonly sleep: Sleep;
  private readonly timeoutMs: number;
  private readonly http: typeof ky;
  calls = 0;

  constructor(private readonly opts: TransportOptions) {
    this.clock = opts.clock ?? systemClock;
    this.sleep = opts.sleep ?? realSleep;
    this.policy = { ...defaultRetryPolicy, ...opts.retry };
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.storeLabel = opts.storeLabel ?? opts.storeHash;
    this.root = `${(opts.baseUrl ?? BIGCOMMERCE_API).replace(/\/+$/, '')}/stores/${encodeURIComponent(opts.storeHash)}`;
    this.budget =
      opts.budget ??
      new RateBudget({
        share: opts.share,
        maxConcurrency: opts.maxConcurrency,
        clock: this.clock,
        sleep: this.sleep,
      });
    const fetchImpl = opts.fetch ?? proxyFetchFromEnv();
    this.http = ky.create({
      retry: 0,
      // Our own per-attempt timeout covers the body too (ky's covers only the headers).
      timeout: false,
      throwHttpErrors: false,
      headers: { 'X-Auth-Token': opts.accessToken, Accept: 'application/json' },
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });
  }

  /** `path` starts at the API version (`/v3/customers?limit=1`); its query string is sent as written. */
  async request(method: string, path: string, ro: RequestOptions = {}): Promise<BcResponse> {
    let attempt = 0;
    let streak429 = 0;
    const label = { method, path, store: this.storeLabel };
    for (;;) {
      attempt++;
      const release = await this.budget.acquire(ro.signal);
      const started = this.clock.now();
      let outcome: { res: Response; text: string } | { err: unknown };
      const timeout = AbortSignal.timeout(this.timeoutMs);
      const signal = ro.signal ? AbortSignal.any([ro.signal, timeout]) : timeout;
      try {
        const res = await this.http(this.root + path, {
          method,
          signal,
          ...(ro.json !== undefined ? { json: ro.json } : {}),
        });
        outcome = { res, text: await res.text() };
      } catch (err) {
        outcome = { err };
      }
      this.calls++;
      if ('err' in outcome) {
        release();
        const err = outcome.err;
        this.report(
          method,
          path,
          'error',
          attempt,
          started,
          timeout.aborted ? 'timeout' : describeError(err),
        );
        if (ro.signal?.aborted) throw cancelled(ro.signal);
        if (!timeout.aborted && !isTransientError(err)) throw err;
        // A POST that may have reached the server is not repeated (it could create twice).
        if (method === 'POST' && !refused(err)) {
          throw new AppError(
            'network',
            `The connection to BigCommerce failed during ${method} ${path} (store ${this.storeLabel}); it may or may not have been applied: check before trying again.`,
            { retryable: false, cause: err },
          );
        }
        if (attempt >= this.policy.maxAttempts) {
          throw new AppError(
            'network',
            `Could not reach BigCommerce for store ${this.storeLabel} (${method} ${path}): ` +
              `${timeout.aborted ? `no answer within ${this.timeoutMs} ms` : describeError(err)}, ${attempt} attempts.`,
            { retryable: true, cause: err },
          );
        }
        await this.sleep(backoffMs(attempt, this.policy, this.opts.random), ro.signal);
        continue;
      }
      const { res, text } = outcome;
      const rate = readRateHeaders(res.headers);
      this.budget.observe(rate);
      release();
      this.report(method, path, res.status, attempt, started, undefined, rate);
      if (res.status === 429) {
        streak429++;
        attempt--; // waiting out the quota is not a failed attempt
        if (streak429 > this.policy.max429) throw httpError(429, safeJson(text), label);
        await this.sleep(this.budget.onRateLimited(rate, streak429), ro.signal);
        continue;
      }
      streak429 = 0;
      if (res.status >= 500) {
        if (attempt >= this.policy.maxAttempts || method === 'POST')
          throw httpError(res.status, safeJson(text), label);
        await this.sleep(backoffMs(attempt, this.policy, this.opts.random), ro.signal);
        continue;
      }
      if (res.status >= 400) throw httpError(res.status, safeJson(text), label);
      if (res.status === 204 || text.trim() === '')
        return { status: res.status, headers: res.headers, body: null };
      try {
        return { status: res.status, headers: res.headers, body: JSON.parse(text) as unknown };
      } catch {
        // A truncated or garbled body is a transport fault: ask again.
        if (attempt >= this.policy.maxAttempts) {
          throw new AppError(
            'upstream',
            `BigCommerce sent malformed JSON for ${method} ${path} (store ${this.storeLabel}) ${attempt} times.`,
            { retryable: true },
          );
        }
        await this.sleep(backoffMs(attempt, this.policy, this.opts.random), ro.signal);
      }
    }
  }

  private report(
    method: string,
    path: string,
    status: number | 'error',
    attempt: number,
    started: number,
    error?: string,
    rate?: RateHeaders,
  ): void {
    this.opts.onCall?.({
      method,
      path,
      status,
      attempt,
      ms: this.clock.now() - started,
      ...(error ? { error } : {}),
      ...(rate ? { rate } : {}),
    });
  }
}

function refused(err: unknown): boolean {
  const code = (err as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND';
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

// Runs in: main (Electron-free). Owns: turning a dotdigital answer into the engine's verdict (ok, rate-limited
// or retryable with the platform's wait, permanent with its message), and the batch-level rule that a batch
// which reached nothing throws DestinationUnreachable while a connection lost mid-batch only retries the rest.
import { DestinationUnreachable } from '../../engine/connector.js';
import { type Answer, type DotdigitalClient, platformMessage, TransportFailure } from './client.js';

export type Verdict =
  | { kind: 'ok' }
  | { kind: 'retryable'; reason: string; retryAfterMs?: number }
  /** Refused for a rate limit (tiered 429 or the flat hourly cap): nothing was written. */
  | { kind: 'rateLimited'; reason: string; retryAfterMs: number }
  | { kind: 'permanent'; reason: string };

/** The legacy flat scheme (2,000 calls per rolling hour) says when it frees up nowhere: wait a minute. */
export const FLAT_LIMIT_WAIT_MS = 60_000;
const DEFAULT_429_WAIT_MS = 60_000;

export function retryAfterMs(a: Answer): number {
  const reset = Number(a.headers.get('x-ratelimit-reset'));
  // Seconds until the tier's window resets, as dotdigital's PHP SDK reads it; guard against an epoch value.
  if (Number.isFinite(reset) && reset > 0) return reset > 86_400 ? DEFAULT_429_WAIT_MS : reset * 1000;
  const ra = Number(a.headers.get('retry-after'));
  return Number.isFinite(ra) && ra > 0 ? ra * 1000 : DEFAULT_429_WAIT_MS;
}

export function isRateLimited(a: Answer): boolean {
  return a.status === 429 || (a.status === 400 && platformMessage(a).includes('ERROR_APIUSAGE_EXCEEDED'));
}

/** `label` names the record ("order 1042"), so a dead letter says which one the platform refused. */
export function verdictOf(a: Answer, label: string): Verdict {
  if (a.status === 429)
    return {
      kind: 'rateLimited',
      reason: `dotdigital rate limit (${a.headers.get('x-ratelimit-scope') ?? 'tier'}): ${platformMessage(a)}`,
      retryAfterMs: retryAfterMs(a),
    };
  if (isRateLimited(a))
    return {
      kind: 'rateLimited',
      reason: `dotdigital API usage cap (2,000 calls per hour): ${platformMessage(a)}`,
      retryAfterMs: FLAT_LIMIT_WAIT_MS,
    };
  if (a.status >= 500)
    return { kind: 'retryable', reason: `dotdigital answered ${a.status}: ${platformMessage(a)}` };
  if (a.malformed)
    return { kind: 'retryable', reason: `dotdigital sent ${platformMessage(a)} (HTTP ${a.status})` };
  if (a.status >= 400) return { kind: 'permanent', reason: `${label}: ${platformMessage(a)}` };
  return { kind: 'ok' };
}

/** Credentials or region refused: a connection problem, not a record's. */
export function accessProblem(a: Answer): string | undefined {
  if (a.status === 401)
    return 'dotdigital refused the API user or password (401). Check them in Settings > Access > API users.';
  if (a.status === 403 && /access is denied|forbidden/i.test(platformMessage(a)))
    return 'dotdigital denied access (403): the account is probably in another region. Run Verify to find it.';
  return undefined;
}

/**
 * Sends the calls of one deliver() batch. The first transport failure before any answer means the platform
 * is unreachable (thrown, nobody's attempt spent); after an answer, the connection was lost mid-batch, so
 * `lost` is set and the remaining jobs are retried without calling.
 */
export class BatchSender {
  answered = false;
  lost: string | undefined;
  /** Set by a rate-limit answer: the rest of the batch waits instead of spending more calls. */
  limited: Verdict | undefined;

  constructor(private readonly client: DotdigitalClient) {}

  /** Undefined when the call could not be made (lost or limited): the caller retries the job. */
  async send(method: string, path: string, json?: unknown): Promise<Answer | undefined> {
    if (this.lost || this.limited) return undefined;
    let a: Answer;
    try {
      a = await this.client.call(method, path, json);
    } catch (err) {
      if (!(err instanceof TransportFailure)) throw err;
      if (!this.answered) throw new DestinationUnreachable(err.message);
      this.lost = err.message;
      return undefined;
    }
    const access = accessProblem(a);
    if (access && !this.answered) throw new DestinationUnreachable(access);
    this.answered = true;
    if (isRateLimited(a)) this.limited = verdictOf(a, '');
    return a;
  }

  /** Why a job was not sent: for a retryable result. */
  skipped(): Verdict {
    if (this.limited) return this.limited;
    return { kind: 'retryable', reason: `connection lost mid-batch: ${this.lost ?? 'not sent'}` };
  }
}

// Runs in: main (Electron-free). Owns: turning SALESmanago answers into the engine's verdicts (v2 failures come
// as HTTP 200 with success:false), and the batch rule: a batch that reached nothing throws
// DestinationUnreachable; a connection lost mid-batch, or a rate limit, only retries what is left.
import { DestinationUnreachable, type DeliveryJob, type JobResult } from '../../engine/connector.js';
import { type Answer, TransportFailure } from './client.js';

export type Verdict =
  | { kind: 'ok' }
  | { kind: 'retryable'; reason: string; retryAfterMs?: number }
  /** Refused for the rate limit: the call wrote nothing, so it waits without spending an attempt. */
  | { kind: 'rateLimited'; reason: string; retryAfterMs: number }
  | { kind: 'permanent'; reason: string }
  /** Credentials, owner or endpoint refused: nothing can go until the user fixes the connection. */
  | { kind: 'access'; reason: string };

const DEFAULT_WAIT_MS = 60_000;
const AUTH = /^(user )?not authenticated$/i;

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The platform's own words: v2 `message[]`, v3 `messages[]` / `problems[]`, or the page title of a gateway. */
export function platformMessage(a: Answer): string {
  const b = a.body;
  if (isObject(b)) {
    const list = [b['message'], b['messages']].find(Array.isArray) as unknown[] | undefined;
    const text = (list ?? []).filter((m) => typeof m === 'string' && m).join('; ');
    if (text) return text;
    if (Array.isArray(b['problems']))
      return (b['problems'] as unknown[])
        .map((p) => (isObject(p) ? String(p['message']) : String(p)))
        .join('; ');
  }
  if (typeof b === 'string') {
    const title = /<title>([^<]*)<\/title>/i.exec(b)?.[1];
    return title ? title.trim() : `an unreadable answer (HTTP ${a.status})`;
  }
  return `HTTP ${a.status}`;
}

export function retryAfterMs(a: Answer): number {
  const ra = Number(a.headers.get('retry-after'));
  return Number.isFinite(ra) && ra > 0 ? ra * 1000 : DEFAULT_WAIT_MS;
}

/** `label` names the record ("order 1042"), so a dead letter says which one SALESmanago refused. */
export function verdictOf(a: Answer, label: string): Verdict {
  const msg = platformMessage(a);
  if (a.status === 429 || /too many requests/i.test(msg))
    return { kind: 'rateLimited', reason: `SALESmanago rate limit: ${msg}`, retryAfterMs: retryAfterMs(a) };
  if (a.status >= 500) return { kind: 'retryable', reason: `SALESmanago answered ${a.status}: ${msg}` };
  if (a.malformed)
    return {
      kind: 'retryable',
      reason: `SALESmanago sent an unreadable (malformed) answer, HTTP ${a.status}`,
    };
  if (AUTH.test(msg) || (isObject(a.body) && a.body['reasonCode'] === 10))
    return { kind: 'access', reason: accessText(msg) };
  if (a.status >= 400) return { kind: 'permanent', reason: `${label}: ${msg}` };
  if (isObject(a.body) && a.body['success'] === false)
    return { kind: 'permanent', reason: `${label}: ${msg}` };
  return { kind: 'ok' };
}

export function accessText(msg: string): string {
  if (/^user not authenticated$/i.test(msg))
    return 'SALESmanago answered "User not authenticated": the contact owner is not a user of this account. Pick an owner in the connection settings.';
  if (/^not authenticated$/i.test(msg))
    return 'SALESmanago answered "Not authenticated": the Client ID or API secret is wrong, the endpoint is not the account\'s server, or the account is inactive. Run Verify.';
  return `SALESmanago refused the API v3 key: ${msg}. Create a new key in Settings > Integration > API > API v3.`;
}

/**
 * One deliver() call's results. `send` makes one call for some jobs; it returns the answer, or undefined when
 * those jobs were already given a result (connection lost mid-batch, or the batch stopped on a rate limit).
 */
export class BatchRun {
  readonly results: JobResult[] = [];
  private answered = false;
  private stop: JobResult | undefined;

  async send(jobs: DeliveryJob[], call: () => Promise<Answer>): Promise<Answer | undefined> {
    if (this.stop) {
      this.settle(jobs, this.stop);
      return undefined;
    }
    let a: Answer;
    try {
      a = await call();
    } catch (err) {
      if (!(err instanceof TransportFailure)) throw err;
      // Nothing reached the platform yet: the breaker opens and nobody's attempt is spent.
      if (!this.answered) throw new DestinationUnreachable(err.message);
      this.settle(jobs, {
        jobId: 0,
        outcome: 'retryable',
        reason: `connection lost mid-batch: ${err.message}`,
      });
      return undefined;
    }
    const first = !this.answered;
    this.answered = true;
    const v = verdictOf(a, '');
    if (v.kind === 'access') {
      // Refused credentials hold for every record: keep them all queued until the user fixes the connection.
      if (first) throw new DestinationUnreachable(v.reason);
      this.stop = { jobId: 0, outcome: 'retryable', reason: v.reason };
      this.settle(jobs, this.stop);
      return undefined;
    }
    if (v.kind === 'rateLimited') {
      // A rate limit holds for the rest of the batch too.
      this.stop = { jobId: 0, outcome: 'rateLimited', reason: v.reason, retryAfterMs: v.retryAfterMs };
      this.settle(jobs, this.stop);
      return undefined;
    }
    if (v.kind === 'retryable') {
      this.settle(jobs, { jobId: 0, ...v, outcome: 'retryable' });
      return undefined;
    }
    return a;
  }

  ok(job: DeliveryJob, remoteId?: string): void {
    this.results.push({ jobId: job.jobId, outcome: 'ok', ...(remoteId ? { remoteId } : {}) });
  }

  fail(job: DeliveryJob, v: Exclude<Verdict, { kind: 'ok' | 'access' }>): void {
    this.results.push(
      v.kind === 'permanent'
        ? { jobId: job.jobId, outcome: 'permanent', reason: v.reason }
        : v.kind === 'rateLimited'
          ? { jobId: job.jobId, outcome: 'rateLimited', reason: v.reason, retryAfterMs: v.retryAfterMs }
          : {
              jobId: job.jobId,
              outcome: 'retryable',
              reason: v.reason,
              ...(v.retryAfterMs ? { retryAfterMs: v.retryAfterMs } : {}),
            },
    );
  }

  settle(jobs: DeliveryJob[], r: JobResult): void {
    for (const j of jobs) this.results.push({ ...r, jobId: j.jobId } as JobResult);
  }
}

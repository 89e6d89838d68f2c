// Runs in: main (Electron-free). Owns: delivering a batch to Connectif, one request chain per job (Connectif
// has no batch write), and turning each failure into the engine's result: unreachable, retryable, permanent.
import { DestinationUnreachable, type DeliveryJob, type JobResult } from '../../engine/connector.js';
import { CfCallError, detailOf, type CfClient } from './client.js';
import type { Pacer } from '../shared/pacer.js';
import type { CfPayload } from './payloads.js';
import { write } from './writes.js';

/** Longer than this, a spent rate window ends the batch instead of holding it. */
const MAX_INLINE_WAIT_MS = 2_000;

export interface DeliverDeps {
  client: CfClient;
  pacer: Pacer;
  timeoutMs: number;
  /** Requests that got any HTTP answer so far, from this client. */
  answered: () => number;
}

export async function deliverBatch(jobs: DeliveryJob[], d: DeliverDeps): Promise<JobResult[]> {
  const results: JobResult[] = [];
  for (const [i, job] of jobs.entries()) {
    const blocked = d.pacer.blockedFor();
    if (blocked > MAX_INLINE_WAIT_MS) {
      const reason = `Connectif's request window for this API key is spent; retry in ${blocked} ms`;
      for (const rest of jobs.slice(i))
        results.push({ jobId: rest.jobId, outcome: 'rateLimited', reason, retryAfterMs: blocked });
      return results;
    }
    const payload = job.payload as CfPayload;
    try {
      const out = await write(d.client, { payload, historical: job.historical, retried: job.attempts > 1 });
      results.push(
        out.ok
          ? { jobId: job.jobId, outcome: 'ok', ...(out.remoteId ? { remoteId: out.remoteId } : {}) }
          : { jobId: job.jobId, outcome: 'permanent', reason: out.reason },
      );
    } catch (err) {
      if (!(err instanceof CfCallError)) throw err;
      // Nothing of this batch reached Connectif: the breaker opens and nobody's attempt is spent.
      if (results.length === 0 && d.answered() === 0 && (err.kind === 'unreachable' || isReset(err)))
        throw new DestinationUnreachable(err.message);
      results.push(classify(job, payload, err, d.timeoutMs));
      if (err.kind === 'rate') {
        for (const rest of jobs.slice(i + 1))
          results.push({
            jobId: rest.jobId,
            outcome: 'rateLimited',
            reason: err.message,
            retryAfterMs: err.retryAfterMs,
          });
        return results;
      }
    }
  }
  return results;
}

const isReset = (e: CfCallError): boolean =>
  e.kind === 'lost' && /ECONNRESET|socket hang up|other side closed/i.test(e.message);

function label(job: DeliveryJob, p: CfPayload): string {
  switch (p.type) {
    case 'contact':
      return `contact ${p.email}`;
    case 'product':
      return `product ${p.productId}`;
    case 'purchase':
      return p.label;
    case 'purchase-removal':
      return `order ${p.purchaseId} (removing its purchase)`;
    case 'cart':
      return `cart ${job.entityId}`;
  }
}

function classify(job: DeliveryJob, p: CfPayload, e: CfCallError, timeoutMs: number): JobResult {
  const jobId = job.jobId;
  const who = label(job, p);
  switch (e.kind) {
    case 'rate':
      // The refused request wrote nothing, and a job's earlier requests are lookups and upserts (the purchase
      // POST, its one write that must not repeat, comes last): no attempt is spent, so `attempts > 1` still
      // means only "an earlier answer was lost: look it up first".
      return {
        jobId,
        outcome: 'rateLimited',
        reason: e.message,
        ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}),
      };
    case 'unreachable':
    case 'server':
      return { jobId, outcome: 'retryable', reason: `${who}: ${e.message}` };
    case 'lost':
      // A write may still land after its answer was lost: wait a little so the retry's lookup can see it.
      return {
        jobId,
        outcome: 'retryable',
        reason: `${who}: the answer was lost (${e.message}); it will be looked up before sending again`,
        retryAfterMs: p.type === 'purchase' ? Math.min(2 * timeoutMs, 60_000) : undefined,
      };
    case 'auth':
      return { jobId, outcome: 'permanent', reason: `${who}: ${e.message}. ${authFix(e.status)}` };
    case 'client':
      return { jobId, outcome: 'permanent', reason: `${who}: ${plainWords(e)}` };
  }
}

const authFix = (status?: number): string =>
  status === 403
    ? 'Give the API key the scope this needs (Store Settings → API Keys), or check the account is not blocked.'
    : 'Copy the API key again from Connectif (Store Settings → API Keys) as KeyId:KeySecret.';

/** Connectif's custom error codes, said so a merchant knows what to do; its own message is kept. */
export function plainWords(e: CfCallError): string {
  const b = e.body ?? {};
  const domains = Array.isArray(b['allowedDomains']) ? (b['allowedDomains'] as unknown[]).join(', ') : '';
  const own = detailOf(b);
  switch (b.code) {
    case 'E0101':
      return `${own} — the buyer is not a contact in Connectif yet and could not be created.`;
    case 'E0102':
      return `${own} — products must exist in Connectif before a purchase; they could not be created from the order.`;
    case 'E0103':
    case 'E0201':
      return `${own} — add the storefront and image hosts to Connectif's Authorized Domains (Store Settings → Web; now: ${domains || 'none'}).`;
    case 'E0501':
      return `${own} — the contact does not exist in Connectif.`;
    default:
      return own;
  }
}

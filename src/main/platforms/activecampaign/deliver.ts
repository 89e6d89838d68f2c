// Runs in: main (Electron-free). Owns: one batch of jobs to ActiveCampaign, one result per job. Jobs go one
// after another (the account allows 5 requests per second, so parallel calls would only queue at the pacer).
import {
  DestinationUnreachable,
  type ConnectorContext,
  type DeliveryJob,
  type JobResult,
} from '../../engine/connector.js';
import { AcCallError, type AcClient } from './client.js';
import { writeOrder } from './orders.js';
import type { AcPayload, ContactPayload, RemoveCustomerPayload } from './payloads.js';
import { findEcomCustomer, setMarketing, syncContact, upsertEcomCustomer } from './people.js';
import type { AcCredentials, AcSettings } from './schemas.js';
import type { AccountIds, AccountSetup } from './setup.js';

type Ctx = ConnectorContext<AcCredentials, AcSettings>;

async function writeContact(c: AcClient, ids: AccountIds, p: ContactPayload): Promise<string> {
  const contactId = await syncContact(c, p, ids.tagId);
  if (p.marketing !== undefined && ids.listId)
    await setMarketing(c, contactId, ids.listId, p.marketing, p.consentAt);
  if (p.customerExternalId)
    await upsertEcomCustomer(c, ids.connectionId, p.customerExternalId, p.email, undefined);
  return contactId;
}

async function removeCustomer(
  c: AcClient,
  ids: AccountIds,
  p: RemoveCustomerPayload,
): Promise<string | undefined> {
  const found = await findEcomCustomer(c, ids.connectionId, p.customerExternalId);
  if (found) await c.delete(`/ecomCustomers/${found.id}`);
  return found?.id;
}

async function run(c: AcClient, ids: AccountIds, job: DeliveryJob): Promise<string | undefined> {
  const p = job.payload as AcPayload;
  switch (p.type) {
    case 'customer':
    case 'subscriber':
      return writeContact(c, ids, p);
    case 'order':
    case 'cart':
      return writeOrder(c, ids, p, job.historical);
    case 'remove-customer':
      return removeCustomer(c, ids, p);
  }
}

const label = (j: DeliveryJob): string => `${j.entityType} ${j.entityId}`;

export async function deliverBatch(
  jobs: DeliveryJob[],
  ctx: Ctx,
  client: AcClient,
  setup: AccountSetup,
): Promise<JobResult[]> {
  const results: JobResult[] = [];
  let ids: AccountIds;
  try {
    ids = await setup.ids(client, apiKeyScope(ctx), storeOf(jobs), ctx.settings);
  } catch (err) {
    return failAll(jobs, err, 'preparing the connection, tag and list');
  }
  let stop: { reason: string; retryAfterMs?: number; rate?: boolean } | undefined;
  for (const job of jobs) {
    if (stop) {
      results.push({
        jobId: job.jobId,
        outcome: stop.rate ? 'rateLimited' : 'retryable',
        reason: `not sent: ${stop.reason}`,
        ...(stop.retryAfterMs ? { retryAfterMs: stop.retryAfterMs } : {}),
      });
      continue;
    }
    try {
      const remoteId = await run(client, ids, job);
      results.push({ jobId: job.jobId, outcome: 'ok', ...(remoteId ? { remoteId } : {}) });
    } catch (err) {
      if (!(err instanceof AcCallError)) {
        if (ctx.signal.aborted) throw err;
        results.push({ jobId: job.jobId, outcome: 'retryable', reason: `${label(job)}: ${String(err)}` });
        continue;
      }
      if (err.inFlightWrite) {
        // The write may still land: look again only after it had time to, or the lookup misses it and the
        // order is created twice (the API keeps duplicates).
        const wait = 2 * ctx.settings.timeoutMs;
        stop = { reason: err.message, retryAfterMs: wait };
        results.push({
          jobId: job.jobId,
          outcome: 'retryable',
          reason: `${label(job)}: ${err.message}; the answer was lost, checking again in ${wait} ms`,
          retryAfterMs: wait,
        });
        continue;
      }
      if ((err.kind === 'network' || err.kind === 'auth') && results.length === 0) throw unreachable(err);
      switch (err.kind) {
        case 'network':
        case 'auth':
          stop = { reason: err.message };
          results.push({ jobId: job.jobId, outcome: 'retryable', reason: `${label(job)}: ${err.message}` });
          break;
        case 'rate':
          // The refused request wrote nothing, and every write looks its record up first, so the job can
          // simply go again after the wait without spending an attempt.
          stop = { reason: err.message, retryAfterMs: err.retryAfterMs, rate: true };
          results.push({
            jobId: job.jobId,
            outcome: 'rateLimited',
            reason: err.message,
            ...(err.retryAfterMs !== undefined ? { retryAfterMs: err.retryAfterMs } : {}),
          });
          break;
        case 'server':
          results.push({ jobId: job.jobId, outcome: 'retryable', reason: `${label(job)}: ${err.message}` });
          break;
        case 'client':
          if (err.status === 404 || /related_missing|No (connection|customer) found/i.test(err.message)) {
            // Something remembered was deleted in ActiveCampaign meanwhile: look it up again next time.
            setup.forget();
            results.push({ jobId: job.jobId, outcome: 'retryable', reason: `${label(job)}: ${err.message}` });
          } else {
            results.push({ jobId: job.jobId, outcome: 'permanent', reason: `${label(job)}: ${err.message}` });
          }
      }
    }
  }
  return results;
}

function failAll(jobs: DeliveryJob[], err: unknown, doing: string): JobResult[] {
  if (err instanceof AcCallError && (err.kind === 'network' || err.kind === 'auth')) throw unreachable(err);
  const reason = `ActiveCampaign failed while ${doing}: ${err instanceof Error ? err.message : String(err)}`;
  const retryAfterMs = err instanceof AcCallError ? err.retryAfterMs : undefined;
  const rate = err instanceof AcCallError && err.kind === 'rate';
  return jobs.map((j) => ({
    jobId: j.jobId,
    outcome: rate ? 'rateLimited' : 'retryable',
    reason,
    ...(retryAfterMs ? { retryAfterMs } : {}),
  }));
}

/**
 * A refused key is treated like an outage: the connection pauses (breaker open) instead of spending every
 * queued record's attempts until they are dead-lettered; Reconnect with a good key lets the backlog flow.
 */
function unreachable(err: AcCallError): DestinationUnreachable {
  return new DestinationUnreachable(err.message);
}

export function apiKeyScope(ctx: Ctx): string {
  return ctx.credentials.apiUrl;
}

export function storeOf(jobs: DeliveryJob[]): string {
  return (jobs[0]?.payload as AcPayload | undefined)?.storeId ?? 'unknown';
}

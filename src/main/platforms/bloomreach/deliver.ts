// Runs in: main (Electron-free). Owns: delivering one batch of jobs to Bloomreach: tracking jobs through the
// batch route, products to the catalogue, anonymisations one by one, and one result for every job.
import { DestinationUnreachable, type DeliveryJob, type JobResult } from '../../engine/connector.js';
import { deleteProduct, ensureCatalog, sendProducts } from './catalog.js';
import { BrCallError, type BrClient } from './client.js';
import { missingCommands } from './lookup.js';
import { failed } from './outcome.js';
import { stampKeys, type AnonymisePayload, type BrPayload, type TrackPayload } from './payloads.js';
import type { Pacer } from '../shared/pacer.js';
import type { BloomreachSettings } from './schemas.js';
import { isReset, sendTracking } from './track.js';

export interface DeliverDeps {
  client: BrClient;
  pacer: Pacer;
  settings: BloomreachSettings;
  /** Remembers the catalogue id between batches (per connection). */
  catalogIds: Map<string, string>;
  catalogKey: string;
}

const kind = (j: DeliveryJob): BrPayload['type'] => (j.payload as BrPayload).type;

export async function deliverBatch(jobs: DeliveryJob[], d: DeliverDeps): Promise<JobResult[]> {
  const results: JobResult[] = [];
  const unreachable = (err: unknown): boolean =>
    err instanceof BrCallError &&
    // No answer at all in this call: jobs refused at plan time come back with the next attempt.
    d.client.answered === 0 &&
    (err.kind === 'unreachable' || isReset(err));
  try {
    const track = jobs.filter((j) => kind(j) === 'track');
    for (const j of track) {
      const p = j.payload as TrackPayload;
      if (p.problem)
        results.push({ jobId: j.jobId, outcome: 'permanent', reason: `${p.label} ${p.problem}` });
    }
    const sendable: DeliveryJob[] = [];
    for (const j of track.filter((x) => !(x.payload as TrackPayload).problem)) {
      const p = j.payload as TrackPayload;
      if (j.attempts <= 1 || !p.lookup) {
        sendable.push({ ...j, payload: { ...p, commands: stampKeys(p) } });
        continue;
      }
      // A retried event job may have landed, wholly or partly, while its answer was lost: send only the rest.
      try {
        const missing = await missingCommands(d.client, p);
        if (missing.length === 0) results.push({ jobId: j.jobId, outcome: 'ok' });
        else sendable.push({ ...j, payload: { ...p, commands: missing } });
      } catch (err) {
        if (!(err instanceof BrCallError) || unreachable(err)) throw err;
        results.push(failed(j, p.label, err));
      }
    }
    if (sendable.length > 0)
      results.push(
        ...(await sendTracking(sendable, {
          client: d.client,
          marker: d.settings.historicalMarker,
        })),
      );
    results.push(
      ...(await catalogJobs(
        jobs.filter((j) => kind(j) === 'product' || kind(j) === 'product-delete'),
        d,
      )),
    );
    for (const j of jobs.filter((x) => kind(x) === 'anonymise')) results.push(await anonymise(j, d.client));
  } catch (err) {
    if (unreachable(err)) throw new DestinationUnreachable((err as Error).message);
    throw err;
  }
  return results;
}

async function catalogJobs(jobs: DeliveryJob[], d: DeliverDeps): Promise<JobResult[]> {
  if (jobs.length === 0) return [];
  const name = d.settings.catalogName;
  let catalogId = d.catalogIds.get(d.catalogKey);
  try {
    if (!catalogId && name) {
      catalogId = await ensureCatalog(d.client, name);
      d.catalogIds.set(d.catalogKey, catalogId);
    }
  } catch (err) {
    if (
      !(err instanceof BrCallError) ||
      (d.client.answered === 0 && (err.kind === 'unreachable' || isReset(err)))
    )
      throw err;
    return jobs.map((j) => failed(j, `${(j.payload as { label: string }).label} (catalogue "${name}")`, err));
  }
  if (!catalogId)
    return jobs.map((j) => ({ jobId: j.jobId, outcome: 'permanent', reason: 'no catalogue name is set' }));
  const out = await sendProducts(
    d.client,
    catalogId,
    jobs.filter((j) => kind(j) === 'product'),
  );
  for (const j of jobs.filter((x) => kind(x) === 'product-delete')) {
    try {
      out.push(await deleteProduct(d.client, catalogId, j));
    } catch (err) {
      if (!(err instanceof BrCallError)) throw err;
      out.push(failed(j, (j.payload as { label: string }).label, err));
    }
  }
  return out;
}

/** Anonymise is queued by Bloomreach; an unknown customer means there is nothing left to anonymise. */
async function anonymise(j: DeliveryJob, c: BrClient): Promise<JobResult> {
  const p = j.payload as AnonymisePayload;
  try {
    await c.call('POST', c.path('data', '/customers/anonymize'), { customer_ids: p.customerIds }, [404]);
    return { jobId: j.jobId, outcome: 'ok' };
  } catch (err) {
    if (!(err instanceof BrCallError)) throw err;
    return failed(j, p.label, err);
  }
}

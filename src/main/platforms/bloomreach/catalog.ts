// Runs in: main (Electron-free). Owns: the product catalogue on Bloomreach: finding or creating it by name,
// writing items in bulk (full replace, read item by item) and removing a deleted product's items.
import type { DeliveryJob, JobResult } from '../../engine/connector.js';
import { BrCallError, enc, messageOf, type BrClient } from './client.js';
import { failed } from './outcome.js';
import { isReset } from './track.js';
import type { ProductDeletePayload, ProductPayload } from './payloads.js';
import { catalogFields } from './products.js';

/** Bulk writes are not capped in the docs; a third-party integration chunks at 5,000, this stays well under. */
const ITEMS_PER_REQUEST = 500;

export async function findCatalog(c: BrClient, name: string): Promise<string | undefined> {
  const res = await c.call('GET', c.path('data', '/catalogs'));
  const list = (res.body as { data?: Array<{ id?: string; name?: string }> })?.data ?? [];
  return list.find((x) => x.name === name)?.id;
}

/** Finds the catalogue by name or creates it with the fields items are written with. */
export async function ensureCatalog(c: BrClient, name: string): Promise<string> {
  const found = await findCatalog(c, name);
  if (found) return found;
  const res = await c.call('POST', c.path('data', '/catalogs'), {
    name,
    is_product_catalog: true,
    fields: catalogFields,
  });
  const id = (res.body as { id?: unknown })?.id;
  if (typeof id !== 'string')
    throw new BrCallError('server', 'creating the catalogue answered no id', res.status);
  return id;
}

export async function sendProducts(
  c: BrClient,
  catalogId: string,
  jobs: DeliveryJob[],
): Promise<JobResult[]> {
  const slots = jobs.flatMap((job) => (job.payload as ProductPayload).items.map((item) => ({ job, item })));
  const errors = new Map<number, string[]>();
  const settled = new Map<number, JobResult>();
  for (let i = 0; i < slots.length; i += ITEMS_PER_REQUEST) {
    const chunk = slots.slice(i, i + ITEMS_PER_REQUEST);
    try {
      const res = await c.call(
        'PUT',
        c.path('data', `/catalogs/${enc(catalogId)}/items`),
        chunk.map((s) => s.item),
      );
      const answers = Array.isArray(res.body) ? res.body : [];
      chunk.forEach((s, k) => {
        const a = answers[k] as { success?: unknown } | undefined;
        if (a?.success === true) return;
        const list = errors.get(s.job.jobId) ?? [];
        list.push(`item ${s.item.item_id}: ${a ? messageOf(a) : 'no answer for this item'}`);
        errors.set(s.job.jobId, list);
      });
    } catch (err) {
      if (!(err instanceof BrCallError)) throw err;
      if (c.answered === 0 && (err.kind === 'unreachable' || isReset(err))) throw err;
      for (const s of chunk)
        if (!settled.has(s.job.jobId))
          settled.set(s.job.jobId, failed(s.job, (s.job.payload as ProductPayload).label, err));
    }
  }
  return jobs.map((job) => {
    const done = settled.get(job.jobId);
    if (done) return done;
    const errs = errors.get(job.jobId);
    const label = (job.payload as ProductPayload).label;
    return errs
      ? { jobId: job.jobId, outcome: 'permanent', reason: `${label}: ${errs.join('; ')}` }
      : { jobId: job.jobId, outcome: 'ok' };
  });
}

/** A deleted product arrives without its variants, so its items are found by product_id and removed. */
export async function deleteProduct(c: BrClient, catalogId: string, job: DeliveryJob): Promise<JobResult> {
  const p = job.payload as ProductDeletePayload;
  const base = c.path('data', `/catalogs/${enc(catalogId)}/items`);
  const res = await c.call('GET', `${base}?query=${enc(p.productId)}&field=product_id&count=1000&skip=0`);
  const items = (
    (res.body as { data?: Array<{ item_id?: string; properties?: Record<string, unknown> }> })?.data ?? []
  )
    .filter((x) => String(x.properties?.['product_id'] ?? '') === p.productId)
    .map((x) => x.item_id)
    .filter((x): x is string => typeof x === 'string');
  if (items.length === 0) return { jobId: job.jobId, outcome: 'ok' };
  await c.call('DELETE', `${base}/bulk-delete`, items);
  return { jobId: job.jobId, outcome: 'ok' };
}

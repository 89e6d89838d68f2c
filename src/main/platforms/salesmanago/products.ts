// Runs in: main (Electron-free). Owns: delivering products through the v3 API (POST /v3/product/upsert, at
// most 100 per call) and reading per-product problems (`products[i]....`); code 12 (trimmed) is a warning.
import type { DeliveryJob } from '../../engine/connector.js';
import type { SalesmanagoClient } from './client.js';
import { type BatchRun, isObject, platformMessage } from './outcome.js';
import type { ProductGonePayload, ProductPayload } from './payloads.js';

export const MAX_BATCH_PRODUCTS = 100;
const TRIMMED = 12;

function problemsByIndex(body: unknown): Map<number, string> {
  const out = new Map<number, string>();
  if (!isObject(body) || !Array.isArray(body['problems'])) return out;
  for (const p of body['problems']) {
    if (!isObject(p) || p['reasonCode'] === TRIMMED) continue;
    const msg = String(p['message'] ?? '');
    const m = /^products\[(\d+)\]\.?(.*)$/.exec(msg);
    if (!m) continue;
    const i = Number(m[1]);
    out.set(i, [out.get(i), m[2]].filter(Boolean).join('; '));
  }
  return out;
}

type Writes =
  | { path: '/v3/product/upsert'; jobs: Array<DeliveryJob & { payload: ProductPayload }> }
  | { path: '/v3/product/updateQuantity'; jobs: Array<DeliveryJob & { payload: ProductGonePayload }> };

export async function sendProducts(client: SalesmanagoClient, run: BatchRun, w: Writes): Promise<void> {
  const byCatalog = new Map<string, typeof w.jobs>();
  for (const j of w.jobs)
    byCatalog.set(j.payload.catalogId, [...(byCatalog.get(j.payload.catalogId) ?? []), j] as typeof w.jobs);
  for (const [catalogId, all] of byCatalog) {
    for (let i = 0; i < all.length; i += MAX_BATCH_PRODUCTS) {
      const chunk = all.slice(i, i + MAX_BATCH_PRODUCTS);
      // A product removed from the store can only be shown as gone: the documented v3 API has no delete.
      const products = chunk.map((j) =>
        j.payload.op === 'product' ? j.payload.product : { productId: j.payload.productId, quantity: 0 },
      );
      if (!client.credentials.v3ApiKey) {
        run.settle(chunk, {
          jobId: 0,
          outcome: 'retryable',
          reason:
            'No API v3 key: add one in the connection (Settings > Integration > API > API v3) to send products',
        });
        continue;
      }
      const a = await run.send(chunk, () => client.v3('POST', w.path, { catalogId, products }));
      if (!a) continue;
      const problems = problemsByIndex(a.body);
      const whole = a.status >= 400 && problems.size === 0 ? platformMessage(a) : undefined;
      chunk.forEach((job, k) => {
        const reason = problems.get(k) ?? whole;
        if (reason === undefined) run.ok(job, String(products[k]!['productId']));
        else run.fail(job, { kind: 'permanent', reason: `${job.payload.label}: ${reason}` });
      });
    }
  }
}

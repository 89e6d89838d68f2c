// Runs in: main (Electron-free). Owns: one job's requests to Connectif, per entity type: contact upsert
// (never overriding a later unsubscribe), product patch-or-create, purchase registration (creating a missing
// contact or product and trying again), purchase removal, cart custom event.
import { CfCallError, enc, type CfClient } from './client.js';
import type {
  CartPayload,
  CfPayload,
  ContactPayload,
  ProductPayload,
  PurchasePayload,
  PurchaseRemovalPayload,
} from './payloads.js';
import { ms } from './values.js';

export interface WriteJob {
  payload: CfPayload;
  historical: boolean;
  /** Not the first attempt: an earlier one may have landed without its answer reaching us. */
  retried: boolean;
}

/** What a write ended as when it did not throw: done, or refused for a reason the record carries. */
export type WriteOutcome = { ok: true; remoteId?: string } | { ok: false; reason: string };

const idOf = (body: unknown): string | undefined =>
  body && typeof body === 'object' && typeof (body as { id?: unknown }).id === 'string'
    ? (body as { id: string }).id
    : undefined;

export async function write(c: CfClient, job: WriteJob): Promise<WriteOutcome> {
  const p = job.payload;
  switch (p.type) {
    case 'contact':
      return upsertContact(c, p);
    case 'product':
      return upsertProduct(c, p);
    case 'purchase':
      return registerPurchase(c, p, job);
    case 'purchase-removal':
      return removePurchase(c, p);
    case 'cart':
      return sendCart(c, p);
  }
}

/** The most recent explicit action wins: a subscribe older than the person's unsubscribe in Connectif is left out. */
async function upsertContact(c: CfClient, p: ContactPayload): Promise<WriteOutcome> {
  let patch = p.patch;
  if (p.subscribedAt !== undefined && patch['_newsletterSubscriptionStatus'] === 'subscribed') {
    const now = await c.call('GET', `/contacts/${enc(p.email)}`, undefined, true);
    const b = (now.status === 200 ? now.body : {}) as Record<string, unknown>;
    const unsubAt = ms(
      typeof b['_emailLastUnsubscribedDate'] === 'string' ? b['_emailLastUnsubscribedDate'] : null,
    );
    if (unsubAt !== undefined && unsubAt > p.subscribedAt) {
      const { _newsletterSubscriptionStatus: _dropped, ...rest } = patch;
      patch = rest;
    }
  }
  const res = await c.call('PATCH', `/contacts/${enc(p.email)}`, patch);
  return { ok: true, remoteId: idOf(res.body) };
}

async function upsertProduct(c: CfClient, p: ProductPayload): Promise<WriteOutcome> {
  const path = `/products/product-id/${enc(p.productId)}`;
  if (p.onlyIfExists) {
    const found = await c.call('GET', path, undefined, true);
    if (found.status === 404) return { ok: true };
  }
  const res = await c.call('PATCH', path, p.body);
  return { ok: true, remoteId: idOf(res.body) };
}

async function findPurchase(c: CfClient, purchaseId: string): Promise<string | undefined | null> {
  const res = await c.call('GET', `/purchases/purchase-id/${enc(purchaseId)}`, undefined, true);
  return res.status === 404 ? null : (idOf(res.body) ?? '');
}

async function registerPurchase(c: CfClient, p: PurchasePayload, job: WriteJob): Promise<WriteOutcome> {
  if (p.problem) return { ok: false, reason: `${p.label} ${p.problem}` };
  const purchaseId = String(p.body['purchaseId']);
  // Connectif stores a repeated purchaseId twice: an attempt whose answer was lost is looked up first.
  if (job.retried) {
    const found = await findPurchase(c, purchaseId);
    if (found !== null) return { ok: true, remoteId: found || undefined };
  }
  const path = `/purchases/?triggerPurchaseEvent=${job.historical ? 'false' : 'true'}`;
  for (let round = 0; ; round++) {
    try {
      const res = await c.call('POST', path, p.body);
      return { ok: true, remoteId: idOf(res.body) };
    } catch (err) {
      if (!(err instanceof CfCallError) || err.kind !== 'client' || round >= 2) throw err;
      const code = err.body?.code;
      if (code === 'E0101') {
        await c.call('PATCH', `/contacts/${enc(String(p.body['contactEmail']))}`, p.contact);
      } else if (code === 'E0102') {
        const missing = Array.isArray(err.body?.['productIds']) ? (err.body['productIds'] as unknown[]) : [];
        if (missing.length === 0) throw err;
        for (const id of missing.map(String)) {
          const body = p.products[id];
          if (!body) throw err;
          await c.call('PATCH', `/products/product-id/${enc(id)}`, body);
        }
      } else throw err;
    }
  }
}

/** One purchase per call; a purchaseId stored twice (an earlier double send) is removed until none is left. */
async function removePurchase(c: CfClient, p: PurchaseRemovalPayload): Promise<WriteOutcome> {
  for (let i = 0; i < 5; i++) {
    const res = await c.call('DELETE', `/purchases/purchase-id/${enc(p.purchaseId)}`, undefined, true);
    if (res.status === 404) return { ok: true };
  }
  return { ok: true };
}

async function sendCart(c: CfClient, p: CartPayload): Promise<WriteOutcome> {
  const res = await c.call('POST', `/custom-events/alias/${enc(p.alias)}?createContact=true`, p.body);
  return { ok: true, remoteId: idOf(res.body) };
}

// Runs in: main (Electron-free). Owns: one deliver() batch: contacts first, then events, carts and products,
// each through its own SALESmanago call, with exactly one result per job.
import type { ConnectorContext, DeliveryJob, JobResult } from '../../engine/connector.js';
import { sendCarts } from './carts.js';
import type { SalesmanagoClient } from './client.js';
import { sendContacts } from './contacts.js';
import { sendEvents } from './events.js';
import { BatchRun } from './outcome.js';
import type {
  CartPayload,
  ContactPayload,
  EventPayload,
  Payload,
  ProductGonePayload,
  ProductPayload,
} from './payloads.js';
import { sendProducts } from './products.js';
import type { SalesmanagoCredentials, SalesmanagoSettings } from './schemas.js';

type Ctx = ConnectorContext<SalesmanagoCredentials, SalesmanagoSettings>;
type With<P> = DeliveryJob & { payload: P };

function byOp<O extends Payload['op']>(jobs: DeliveryJob[], op: O): Array<With<Extract<Payload, { op: O }>>> {
  return jobs.filter((j) => (j.payload as Payload | undefined)?.op === op) as Array<
    With<Extract<Payload, { op: O }>>
  >;
}

export async function deliverBatch(
  jobs: DeliveryJob[],
  ctx: Ctx,
  client: SalesmanagoClient,
): Promise<JobResult[]> {
  const run = new BatchRun();
  for (const j of byOp(jobs, 'invalid')) run.fail(j, { kind: 'permanent', reason: j.payload.reason });
  const known = new Set(['contact', 'event', 'cart', 'product', 'product-gone', 'invalid']);
  for (const j of jobs.filter((x) => !known.has((x.payload as Payload | undefined)?.op ?? '')))
    run.fail(j, {
      kind: 'permanent',
      reason: `${j.entityType} ${j.entityId}: a job this connector did not plan`,
    });

  const contacts: Array<With<ContactPayload>> = byOp(jobs, 'contact');
  if (contacts.length) await sendContacts(client, run, contacts);
  const events: Array<With<EventPayload>> = byOp(jobs, 'event');
  if (events.length) await sendEvents(client, run, events);
  const carts: Array<With<CartPayload>> = byOp(jobs, 'cart');
  if (carts.length) await sendCarts(client, run, carts, ctx.settings, () => ctx.clock.now());
  const products: Array<With<ProductPayload>> = byOp(jobs, 'product');
  if (products.length) await sendProducts(client, run, { path: '/v3/product/upsert', jobs: products });
  const gone: Array<With<ProductGonePayload>> = byOp(jobs, 'product-gone');
  if (gone.length) await sendProducts(client, run, { path: '/v3/product/updateQuantity', jobs: gone });
  return run.results;
}

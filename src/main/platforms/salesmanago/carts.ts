// Runs in: main (Electron-free). Owns: CART events. Like the vendor's plugins (which keep the open event's id
// in the smevent cookie), a cart change updates the contact's open CART event until the configured window
// ends; the open event is remembered on the contact itself, in a property, so it survives restarts.
import type { DeliveryJob } from '../../engine/connector.js';
import type { SalesmanagoClient } from './client.js';
import { upsertChunk } from './contacts.js';
import { withSource } from './events.js';
import { BatchRun, isObject, platformMessage } from './outcome.js';
import { CART_PROPERTY, type CartPayload, type UpsertDetail } from './payloads.js';
import { cartEventWindows, type SalesmanagoSettings } from './schemas.js';

type CartJob = DeliveryJob & { payload: CartPayload };
interface OpenCart {
  cartId: string;
  eventId: string;
  createdMs: number;
}

export function parseOpenCart(v: string | undefined): OpenCart | undefined {
  const [cartId, eventId, created] = (v ?? '').split('|');
  const createdMs = Number(created);
  return cartId && eventId && Number.isFinite(createdMs) ? { cartId, eventId, createdMs } : undefined;
}

/** The open CART event of each e-mail, read from contact/list in one call. */
async function openCarts(client: SalesmanagoClient, run: BatchRun, jobs: CartJob[]) {
  const emails = [...new Set(jobs.map((j) => j.payload.email.toLowerCase()))];
  const a = await run.send(jobs, () => client.v2('contact/list', { email: emails }));
  if (!a) return undefined;
  const out = new Map<string, OpenCart>();
  const contacts = isObject(a.body) && Array.isArray(a.body['contacts']) ? a.body['contacts'] : [];
  for (const c of contacts) {
    if (!isObject(c) || !Array.isArray(c['properties'])) continue;
    const prop = (c['properties'] as unknown[]).find((p) => isObject(p) && p['name'] === CART_PROPERTY);
    const open = parseOpenCart(isObject(prop) ? String(prop['value']) : undefined);
    if (open) out.set(String(c['email']).toLowerCase(), open);
  }
  return out;
}

export async function sendCarts(
  client: SalesmanagoClient,
  run: BatchRun,
  jobs: CartJob[],
  settings: SalesmanagoSettings,
  now: () => number,
): Promise<void> {
  const windowMs = cartEventWindows[settings.cartEventsNewAfter];
  const open = windowMs > 0 ? await openCarts(client, run, jobs) : new Map<string, OpenCart>();
  if (!open) return;
  const remember: Array<{ job: CartJob; detail: UpsertDetail }> = [];
  for (const job of jobs) {
    const p = job.payload;
    const event = withSource(p.event, job.historical);
    const prev = open.get(p.email.toLowerCase());
    if (prev && prev.cartId === p.cartId && now() - prev.createdMs < windowMs) {
      const a = await run.send([job], () =>
        client.v2('contact/updateContactExtEvent', {
          email: p.email,
          contactEvent: { ...event, eventId: prev.eventId },
        }),
      );
      if (!a) continue;
      if (isObject(a.body) && a.body['success'] !== false) {
        run.ok(job, prev.eventId);
        continue;
      }
      // The event was removed in SALESmanago: start a new one below.
      if (!/event not found/i.test(platformMessage(a))) {
        run.fail(job, { kind: 'permanent', reason: `${p.label}: ${platformMessage(a)}` });
        continue;
      }
    }
    const a = await run.send([job], () =>
      client.v2('contact/addContactExtEvent', { email: p.email, contactEvent: event }),
    );
    if (!a) continue;
    const body = isObject(a.body) ? a.body : {};
    const eventId = typeof body['eventId'] === 'string' ? body['eventId'] : undefined;
    if (body['success'] === false || !eventId) {
      const reason = platformMessage(a);
      run.fail(job, {
        kind: /contact not found/i.test(reason) ? 'retryable' : 'permanent',
        reason: `${p.label}: ${reason}`,
      });
      continue;
    }
    run.ok(job, eventId);
    if (windowMs > 0) {
      const value = `${p.cartId}|${eventId}|${now()}`;
      open.set(p.email.toLowerCase(), parseOpenCart(value)!);
      remember.push({
        job,
        detail: { contact: { email: p.email }, tags: [], properties: { [CART_PROPERTY]: value } },
      });
    }
  }
  if (remember.length > 0) await rememberOpen(client, remember);
}

/**
 * The events already arrived and their jobs are done: if remembering the open event fails, the next change
 * starts a new CART event instead of updating this one. Nothing is lost, so failures here are not reported.
 */
async function rememberOpen(client: SalesmanagoClient, items: Array<{ job: CartJob; detail: UpsertDetail }>) {
  const side = new BatchRun();
  try {
    await upsertChunk(
      client,
      side,
      items.map((i) => i.detail),
      items.map((i) => i.job),
    );
  } catch {
    // Unreachable now: see above.
  }
}

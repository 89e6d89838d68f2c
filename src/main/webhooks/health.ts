// Runs in: main (Electron-free). Owns: noticing that BigCommerce switched one of the console's hooks off (its
// retries ran out) or dropped it, turning it back on, and backfilling the gap: the extraction cursors of the
// hook's resource move back to when the hook last delivered, and the store is nudged to read again.
import { records, type BigCommerceClient } from '../bigcommerce/client.js';
import type { Clock } from '../core/clock.js';
import type { NewEvent } from '../events/event-log.js';
import type { ExtractResource } from '../extract/resources.js';
import { StagingRepo } from '../extract/staging-repo.js';
import type { Db } from '../storage/db.js';
import { SECRET_HEADER } from './receiver.js';
import type { WebhookRepo } from './repo.js';
import { resourceForScope } from './scopes.js';

export interface HealthDeps {
  db: Db;
  repo: WebhookRepo;
  clock: Clock;
  events: { append(...e: NewEvent[]): unknown };
  client(storeId: string): Promise<BigCommerceClient>;
  secret(storeId: string): Promise<string | undefined>;
  /** Runs an incremental extraction of these resources for the store. */
  backfill(storeId: string, resources: ExtractResource[]): void;
}

export interface HealthResult {
  storeId: string;
  checked: number;
  reenabled: number[];
  recreated: number[];
  /** Resources whose cursor moved back, with the ISO time it moved to. */
  rewound: Partial<Record<ExtractResource, string>>;
}

export async function checkHooks(d: HealthDeps, storeId: string): Promise<HealthResult> {
  const known = d.repo.hooks(storeId);
  const result: HealthResult = { storeId, checked: known.length, reenabled: [], recreated: [], rewound: {} };
  if (known.length === 0) return result;
  const client = await d.client(storeId);
  const listed = new Map<number, { is_active: boolean }>();
  for await (const h of records(client.webhookPages())) listed.set(h.id, h);
  const now = d.clock.now();
  const gaps: Array<{ scope: string; since: number }> = [];
  for (const k of known) {
    const h = listed.get(k.hookId);
    if (h?.is_active) continue;
    if (h) {
      await client.updateWebhook(k.hookId, { is_active: true });
      result.reenabled.push(k.hookId);
      d.repo.markActive(storeId, [k.hookId], now);
    } else {
      // Gone (deleted in the control panel, or the API account was replaced): create it again.
      const secret = await d.secret(storeId);
      const made = await client.createWebhook({
        scope: k.scope,
        destination: k.destination,
        is_active: true,
        headers: secret ? { [SECRET_HEADER]: secret } : null,
      });
      d.repo.removeHook(storeId, k.hookId);
      d.repo.saveHook({ ...k, hookId: made.id, lastActiveAt: now });
      result.recreated.push(made.id);
    }
    gaps.push({ scope: k.scope, since: k.lastActiveAt });
  }
  const backfill = new Set<ExtractResource>();
  for (const g of gaps) {
    const resource = resourceForScope(g.scope);
    const iso = new Date(g.since).toISOString();
    if (resource && rewindCursor(d.db, storeId, resource, g.since, now)) result.rewound[resource] = iso;
    if (resource) backfill.add(resource);
    d.events.append({
      level: 'warn',
      type: 'webhook.reenabled',
      storeId,
      message:
        `BigCommerce had switched off the ${g.scope} webhook (its deliveries kept failing); Storebridge turned ` +
        `it back on. ` +
        (resource
          ? `Changes since ${iso} are read again by polling.`
          : `Carts changed since ${iso} cannot be read back: BigCommerce has no cart listing.`),
      payload: { scope: g.scope, lastActiveAt: iso },
    });
  }
  if (backfill.size > 0) d.backfill(storeId, [...backfill]);
  return result;
}

/**
 * Moves the resource's incremental cursor back to `at` (never forward). An offset pass in progress is
 * dropped: the next read starts again from the earlier cursor. No cursor means the next read is full anyway.
 */
export function rewindCursor(
  db: Db,
  storeId: string,
  resource: ExtractResource,
  at: number,
  now: number,
): boolean {
  const repo = new StagingRepo(db);
  const value = repo.getCursor(storeId, resource);
  if (!value) return false;
  const cur = JSON.parse(value) as { modifiedSince?: string };
  if (cur.modifiedSince && Date.parse(cur.modifiedSince) <= at) return false;
  repo.setCursor(
    storeId,
    resource,
    JSON.stringify({ modifiedSince: new Date(at).toISOString() }),
    new Date(now).toISOString(),
  );
  return true;
}

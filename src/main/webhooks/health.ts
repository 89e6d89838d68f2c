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
import { deleteQuietly } from './registrar.js';
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
  /** Hooks found on the store under another id than the row said (the row was stale), now recorded. */
  adopted: number[];
  /** Hooks that carried another secret than this workspace's (so every callback was refused), re-keyed. */
  rekeyed: number[];
  /** Hooks of ours at a destination the store's endpoint no longer has (an import replaced it), deleted. */
  removed: number[];
  /** Resources whose cursor moved back, with the ISO time it moved to. */
  rewound: Partial<Record<ExtractResource, string>>;
}

type Listed = Awaited<ReturnType<BigCommerceClient['getWebhook']>>;

export async function checkHooks(d: HealthDeps, storeId: string): Promise<HealthResult> {
  let known = d.repo.hooks(storeId);
  const result: HealthResult = {
    storeId,
    checked: known.length,
    reenabled: [],
    recreated: [],
    adopted: [],
    rekeyed: [],
    removed: [],
    rewound: {},
  };
  if (known.length === 0) return result;
  const client = await d.client(storeId);
  // An import with replace brings the other workspace's endpoint and hooks: the ones at the endpoint this store
  // had here reach a path nobody serves any more, and would be re-enabled forever after failing. The registrar
  // drops hooks at an old destination the same way.
  const endpoint = d.repo.endpoint(storeId);
  for (const k of known.filter((x) => endpoint && x.destination !== endpoint.destination)) {
    if (await deleteQuietly(client, k.hookId)) result.removed.push(k.hookId);
    d.repo.removeHook(storeId, k.hookId);
  }
  known = d.repo.hooks(storeId);
  const listed = new Map<number, Listed>();
  for await (const h of records(client.webhookPages())) listed.set(h.id, h);
  const secret = await d.secret(storeId);
  const headers = secret ? { [SECRET_HEADER]: secret } : null;
  // Without a secret here there is nothing to compare with (registering again makes one).
  const keyed = (h: Listed) => !secret || h.headers?.[SECRET_HEADER] === secret;
  const recorded = new Set(known.map((k) => k.hookId));
  const now = d.clock.now();
  const gaps: Array<{ scope: string; since: number; rekeyed: boolean }> = [];
  for (const row of known) {
    let k = row;
    let h = listed.get(k.hookId);
    if (!h) {
      // The row may be stale: it came with a workspace import, or the workspace it was copied from re-created the
      // hook since. BigCommerce keeps one hook per scope and destination, so the one listed there is ours;
      // creating another would be refused (or, elsewhere, deliver every event twice).
      h = [...listed.values()].find(
        (x) => x.scope === k.scope && x.destination === k.destination && !recorded.has(x.id),
      );
      if (h) {
        d.repo.removeHook(storeId, k.hookId);
        k = { ...k, hookId: h.id };
        d.repo.saveHook(k);
        recorded.add(h.id);
        result.adopted.push(h.id);
      }
    }
    if (h?.is_active && keyed(h)) continue;
    if (h) {
      await client.updateWebhook(k.hookId, { is_active: true, ...(keyed(h) ? {} : { headers }) });
      (h.is_active ? result.rekeyed : result.reenabled).push(k.hookId);
      d.repo.markActive(storeId, [k.hookId], now);
      gaps.push({ scope: k.scope, since: k.lastActiveAt, rekeyed: h.is_active });
      continue;
    }
    // Gone (deleted in the control panel, or the API account was replaced): create it again.
    const made = await client.createWebhook({
      scope: k.scope,
      destination: k.destination,
      is_active: true,
      headers,
    });
    d.repo.removeHook(storeId, k.hookId);
    d.repo.saveHook({ ...k, hookId: made.id, lastActiveAt: now });
    result.recreated.push(made.id);
    gaps.push({ scope: k.scope, since: k.lastActiveAt, rekeyed: false });
  }
  const backfill = new Set<ExtractResource>();
  for (const g of gaps) {
    const resource = resourceForScope(g.scope);
    const iso = new Date(g.since).toISOString();
    if (resource && rewindCursor(d.db, storeId, resource, g.since, now)) result.rewound[resource] = iso;
    if (resource) backfill.add(resource);
    d.events.append({
      level: 'warn',
      type: g.rekeyed ? 'webhook.rekeyed' : 'webhook.reenabled',
      storeId,
      message:
        (g.rekeyed
          ? `The ${g.scope} webhook carried a secret this workspace does not have (it was changed from another ` +
            `copy of the workspace), so its callbacks were refused; Storebridge gave it this workspace's secret. `
          : `BigCommerce had switched off the ${g.scope} webhook (its deliveries kept failing); Storebridge ` +
            `turned it back on. `) +
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

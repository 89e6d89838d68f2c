// Runs in: main (Electron-free). Owns: a store's mismatch report (where a system's last known state differs
// from the ledger's verdict), the preview of what reconciling would change, and applying it.
import { parseRecord } from '../bigcommerce/schemas/common.js';
import { subscriber as subscriberSchema } from '../bigcommerce/schemas/customers.js';
import type { Clock } from '../core/clock.js';
import type { ConsentLedger } from './ledger.js';
import { agrees, grants, type ConsentState } from './rule.js';
import { setNewsletterConsent, subscriberByEmail } from './bc-consent.js';
import type { ConnectedSystem, Systems } from './systems.js';

export interface Mismatch {
  email: string;
  effective: ConsentState | 'none';
  /** Why: the fact that decided the verdict. */
  decidedBy: { source: string; mechanism: string; at: number } | null;
  /** Systems that disagree: 'bigcommerce' or a connection id, with their last known state. */
  systems: Array<{ system: string; platform: string; state: ConsentState | 'unknown' }>;
}

export interface ReconcileAction {
  email: string;
  system: string;
  platform: string;
  to: 'subscribed' | 'unsubscribed';
  /** How it would be done: a BigCommerce write, or jobs queued for the connection through the normal sync. */
  how: 'bigcommerce_write' | 'enqueue_sync' | 'no_write_path';
  detail: string;
}

export function mismatchReport(ledger: ConsentLedger, systems: Systems, storeId: string): Mismatch[] {
  const conns = systems.connections(storeId);
  const out: Mismatch[] = [];
  for (const email of ledger.people(storeId)) {
    const p = ledger.person(storeId, email);
    if (p.effective.state === 'none') continue;
    const wrong: Mismatch['systems'] = [];
    const targets = [{ key: 'bigcommerce', platform: 'bigcommerce' }].concat(
      conns.map((c) => ({ key: c.connectionId, platform: c.platform })),
    );
    for (const t of targets) {
      const state = p.bySource[t.key]?.state ?? 'unknown';
      // A system we never heard from only matters when the person must not be mailed.
      if (state === 'unknown' && grants(p.effective.state)) continue;
      if (!agrees(state, p.effective.state)) wrong.push({ system: t.key, platform: t.platform, state });
    }
    if (wrong.length === 0) continue;
    const d = p.effective.decidedBy;
    out.push({
      email,
      effective: p.effective.state,
      decidedBy: d ? { source: d.source, mechanism: d.mechanism, at: d.at } : null,
      systems: wrong,
    });
  }
  return out;
}

export function reconcilePreview(
  ledger: ConsentLedger,
  systems: Systems,
  storeId: string,
): ReconcileAction[] {
  const byId = new Map(systems.connections(storeId).map((c) => [c.connectionId, c]));
  return mismatchReport(ledger, systems, storeId).flatMap((m) =>
    m.systems.map((s): ReconcileAction => {
      const to = grants(m.effective) ? 'subscribed' : 'unsubscribed';
      if (s.system === 'bigcommerce')
        return {
          email: m.email,
          system: s.system,
          platform: 'bigcommerce',
          to,
          how: 'bigcommerce_write',
          detail: `set the BigCommerce subscriber's newsletter consent to ${to}`,
        };
      const c = byId.get(s.system);
      const can = !!c && !!systems.enqueue && c.connector.capabilities.includes('subscribers');
      return {
        email: m.email,
        system: s.system,
        platform: s.platform,
        to,
        how: can ? 'enqueue_sync' : 'no_write_path',
        detail: can
          ? `queue the subscriber record (${to}) for ${c.label} through the normal sync`
          : `${c?.label ?? s.platform} has no subscriber write path here: change it on the platform by hand`,
      };
    }),
  );
}

export interface ApplyResult {
  done: Array<ReconcileAction & { outcome: 'applied' | 'unchanged' | 'reported' | 'failed'; error?: string }>;
}

/**
 * Applies the preview: BigCommerce first, then the platforms get the store's new subscriber record.
 * `onlyOptOuts` (the background pull) carries opt-outs only: raising consent stays the user's decision.
 */
export async function reconcileApply(
  ledger: ConsentLedger,
  systems: Systems,
  clock: Clock,
  storeId: string,
  o: { onlyOptOuts?: boolean } = {},
): Promise<ApplyResult> {
  const actions = reconcilePreview(ledger, systems, storeId).filter(
    (a) => !o.onlyOptOuts || a.to === 'unsubscribed',
  );
  const conns = new Map(systems.connections(storeId).map((c) => [c.connectionId, c]));
  const done: ApplyResult['done'] = [];
  const records = new Map<string, unknown>();
  for (const a of actions.filter((x) => x.how === 'bigcommerce_write')) {
    try {
      const t = await systems.bigcommerce(storeId);
      const r = await setNewsletterConsent(t, a.email, a.to === 'subscribed');
      if (r.subscriber) records.set(a.email, r.subscriber);
      ledger.record({
        storeId,
        email: a.email,
        channel: 'email',
        source: 'bigcommerce',
        state: a.to,
        mechanism: 'reconciled by Storebridge from the consent ledger',
        actor: 'system',
        explicit: false,
        at: clock.now(),
      });
      done.push({ ...a, outcome: r.changed ? 'applied' : 'unchanged' });
    } catch (err) {
      done.push({ ...a, outcome: 'failed', error: err instanceof Error ? err.message : String(err) });
    }
  }
  for (const a of actions.filter((x) => x.how !== 'bigcommerce_write')) {
    const c = conns.get(a.system);
    if (a.how === 'no_write_path' || !c || !systems.enqueue) {
      done.push({ ...a, outcome: 'reported' });
      continue;
    }
    try {
      const sub = records.get(a.email) ?? (await currentSubscriber(systems, storeId, a.email));
      if (!sub) {
        done.push({
          ...a,
          outcome: 'reported',
          detail: `${a.detail}; BigCommerce has no subscriber row to send`,
        });
        continue;
      }
      const jobs = enqueueSubscriber(systems, c, storeId, sub);
      recordSent(ledger, clock, c, storeId, a);
      done.push({ ...a, outcome: jobs > 0 ? 'applied' : 'unchanged' });
    } catch (err) {
      done.push({ ...a, outcome: 'failed', error: err instanceof Error ? err.message : String(err) });
    }
  }
  return { done };
}

async function currentSubscriber(systems: Systems, storeId: string, email: string): Promise<unknown> {
  return subscriberByEmail(await systems.bigcommerce(storeId), email);
}

function enqueueSubscriber(systems: Systems, c: ConnectedSystem, storeId: string, raw: unknown): number {
  const s = parseRecord(subscriberSchema, 'subscriber', raw);
  return systems.enqueue!(c, {
    storeId,
    resource: 'subscribers',
    id: String(s.id),
    dateModified: String(s.date_modified),
    data: s,
    deleted: false,
    historical: false,
  });
}

function recordSent(
  ledger: ConsentLedger,
  clock: Clock,
  c: ConnectedSystem,
  storeId: string,
  a: ReconcileAction,
) {
  ledger.record({
    storeId,
    email: a.email,
    channel: 'email',
    source: c.platform,
    connectionId: c.connectionId,
    state: a.to,
    mechanism: 'reconciled by Storebridge (queued through the sync)',
    actor: 'system',
    explicit: false,
    at: clock.now(),
  });
}

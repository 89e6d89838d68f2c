// Runs in: main (Electron-free). Owns: turning the workspace's stores, connections and their statuses into
// what the desktop shows (one tray line per store) and the conditions that need a person (attention events).
import type { AttentionEvent } from './attention.js';
import type { StoreState, TrayStore } from './tray-menu.js';

export interface HealthStore {
  id: string;
  name: string;
}

export interface HealthConnection {
  id: string;
  storeId: string;
  name: string;
  platform: string;
  paused: boolean;
  status?: {
    running: boolean;
    destination: 'online' | 'offline' | 'probing';
    queue: { queued: number; dead: number };
    lastOk: number | null;
    lastRunFinished: number | null;
    lastError: string | null;
  };
}

// What the connectors and the BigCommerce client say when credentials were refused: signing in again is
// the only fix, so retrying harder or waiting does not help and a person must be told.
const AUTH_REFUSED =
  /\b(401|403)\b|unauthori[sz]ed|forbidden|(refused|rejected) the (access )?(credentials|token|api key)|not authori[sz]ed|invalid (api )?(key|token)|sign in again|re-?authenticat/i;

/** The last run failed and nothing succeeded since. */
function failing(c: HealthConnection): boolean {
  const s = c.status;
  if (!s?.lastError) return false;
  return s.lastOk === null || (s.lastRunFinished ?? 0) > s.lastOk;
}

export function needsReauth(c: HealthConnection): boolean {
  return failing(c) && AUTH_REFUSED.test(c.status?.lastError ?? '');
}

function connectionState(c: HealthConnection): { state: StoreState; detail?: string } {
  if (c.paused) return { state: 'paused' };
  const s = c.status;
  if (needsReauth(c)) return { state: 'attention', detail: `${c.name}: sign in again` };
  if (s && s.queue.dead > 0) return { state: 'attention', detail: `${s.queue.dead} dead letters` };
  if (failing(c)) return { state: 'attention', detail: `${c.name}: failing` };
  if (s?.destination === 'offline') return { state: 'offline', detail: `offline, ${s.queue.queued} queued` };
  if (s?.running) return { state: 'syncing' };
  return { state: 'ok' };
}

const RANK: StoreState[] = ['attention', 'offline', 'syncing', 'ok', 'paused'];

/** A store shows its worst connection; a store whose connections are all paused is paused. */
export function trayStores(stores: HealthStore[], connections: HealthConnection[]): TrayStore[] {
  return stores.map((store) => {
    const states = connections.filter((c) => c.storeId === store.id).map(connectionState);
    if (states.length === 0) return { id: store.id, name: store.name, state: 'ok', detail: 'no connections' };
    const worst = states.reduce((a, b) => (RANK.indexOf(b.state) < RANK.indexOf(a.state) ? b : a));
    return {
      id: store.id,
      name: store.name,
      state: worst.state,
      ...(worst.detail ? { detail: worst.detail } : {}),
    };
  });
}

/**
 * The conditions present now. `offlineSince` remembers when each connection was first seen offline (the
 * policy notifies only after N minutes); it is updated in place.
 */
export function attentionNow(
  connections: HealthConnection[],
  now: number,
  offlineSince: Map<string, number>,
): AttentionEvent[] {
  const out: AttentionEvent[] = [];
  for (const c of connections) {
    const s = c.status;
    if (!s || c.paused) {
      offlineSince.delete(c.id);
      continue;
    }
    if (needsReauth(c))
      out.push({ kind: 'reauth', storeId: c.storeId, connectionId: c.id, platform: c.platform });
    if (s.queue.dead > 0)
      out.push({ kind: 'dead-letters', storeId: c.storeId, connectionId: c.id, count: s.queue.dead });
    if (s.destination === 'offline') {
      if (!offlineSince.has(c.id)) offlineSince.set(c.id, now);
      out.push({
        kind: 'destination-offline',
        storeId: c.storeId,
        connectionId: c.id,
        since: offlineSince.get(c.id)!,
      });
    } else offlineSince.delete(c.id);
  }
  return out;
}

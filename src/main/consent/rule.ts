// Runs in: main (Electron-free). Owns: the consent rule, pure: the most recent explicit action wins; syncs,
// imports and backfills (not explicit) may only lower consent, never raise it; double opt-in expiry.
export type ConsentState = 'subscribed' | 'unsubscribed' | 'pending' | 'confirmed' | 'expired';
export type Channel = 'email' | 'sms';
export type Actor = 'person' | 'merchant' | 'system';

export interface ConsentFactRow {
  id?: number;
  storeId: string;
  email: string;
  channel: Channel;
  source: string;
  connectionId?: string | null;
  state: ConsentState;
  mechanism: string;
  actor: Actor;
  explicit: boolean;
  at: number;
}

/** The state that allows sending marketing. */
export const grants = (s: ConsentState | 'none'): boolean => s === 'subscribed' || s === 'confirmed';

export interface Effective {
  state: ConsentState | 'none';
  /** The fact that decided it, if any. */
  decidedBy?: ConsentFactRow;
}

/**
 * Folds facts in time order. A pending double opt-in older than `pendingTtlMs` at `now` is expired: the
 * person never confirmed.
 */
export function effectiveState(
  facts: readonly ConsentFactRow[],
  now: number,
  pendingTtlMs: number,
): Effective {
  const sorted = [...facts].sort((a, b) => a.at - b.at || (a.id ?? 0) - (b.id ?? 0));
  let cur: Effective = { state: 'none' };
  for (const f of sorted) {
    if (f.explicit) cur = { state: f.state, decidedBy: f };
    else if (!grants(f.state) && f.state !== 'pending' && grants(cur.state))
      cur = { state: f.state, decidedBy: f };
    // A non-explicit "subscribed" or "pending" never raises consent, whatever came before.
  }
  if (cur.state === 'pending' && cur.decidedBy && now - cur.decidedBy.at > pendingTtlMs)
    return { state: 'expired', decidedBy: cur.decidedBy };
  return cur;
}

/** Whether a source's last known state agrees with the effective one on what matters: may we send. */
export function agrees(source: ConsentState | 'none' | 'unknown', effective: ConsentState | 'none'): boolean {
  if (source === 'unknown') return effective === 'none';
  return grants(source) === grants(effective);
}

// Runs in: Node (simulators). Owns: consent state as Bloomreach derives it from `consent` events: the last
// event per category decides; an invalid consent event revokes; an expired `valid_until` revokes.
import type { StoredEvent } from './store.js';

export interface ConsentState {
  category: string;
  valid: boolean;
  action: string | null;
  message: string | null;
  source: string | null;
  /** valid-from, unix seconds */
  timestamp: number | null;
  until: number | 'unlimited' | null;
}

/** Why a consent event counts as a revocation even though it was stored (undefined = well-formed). */
export function consentProblem(props: Record<string, unknown>): string | undefined {
  if (props['action'] !== 'accept' && props['action'] !== 'reject')
    return "action must be 'accept' or 'reject'";
  if (typeof props['category'] !== 'string' || props['category'] === '') return 'category is required';
  if (props['action'] === 'accept') {
    const until = props['valid_until'];
    if (until !== 'unlimited' && !(typeof until === 'number' && Number.isFinite(until))) {
      return "valid_until must be 'unlimited' or a unix timestamp";
    }
  }
  return undefined;
}

export function consentOf(events: StoredEvent[], category: string, nowSec: number): ConsentState {
  const last = events
    .filter((e) => e.type === 'consent' && e.properties['category'] === category)
    .sort((a, b) => a.timestamp - b.timestamp || a.seq - b.seq)
    .at(-1);
  if (!last) {
    return {
      category,
      valid: false,
      action: null,
      message: null,
      source: null,
      timestamp: null,
      until: null,
    };
  }
  const p = last.properties;
  const wellFormed = consentProblem(p) === undefined;
  const until =
    p['valid_until'] === 'unlimited'
      ? 'unlimited'
      : typeof p['valid_until'] === 'number'
        ? p['valid_until']
        : null;
  const unexpired = until === 'unlimited' || (typeof until === 'number' && until > nowSec);
  return {
    category,
    valid: wellFormed && p['action'] === 'accept' && unexpired,
    action: typeof p['action'] === 'string' ? p['action'] : null,
    message: typeof p['message'] === 'string' ? p['message'] : null,
    source: typeof p['source'] === 'string' ? p['source'] : null,
    timestamp: last.timestamp,
    until,
  };
}

/** The value the Customer attributes API returns for a consent attribute in the given mode. */
export function consentAttribute(state: ConsentState, mode: unknown): unknown {
  switch (mode ?? 'valid') {
    case 'valid':
      return state.valid;
    case 'message':
      return state.message;
    case 'source':
      return state.source;
    case 'timestamp':
      return state.timestamp;
    case 'until':
      return state.until;
    default:
      return undefined;
  }
}

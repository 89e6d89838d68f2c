// Runs in: main (Electron-free). Owns: the events that need a person, and the words a notification uses for
// them. The policy that decides which of them reach the desktop is notification-policy.ts.
import { deepLinkFor } from './deep-link.js';

export type AttentionEvent =
  /** A platform account (or the store's own token) was refused: someone must sign in again. */
  | { kind: 'reauth'; storeId: string; connectionId?: string; platform?: string }
  | { kind: 'dead-letters'; storeId: string; connectionId: string; count: number }
  | { kind: 'destination-offline'; storeId: string; connectionId: string; since: number }
  /** BigCommerce deactivates a hook after repeated delivery failures; live sync falls back to polling. */
  | { kind: 'webhook-disabled'; storeId: string; scope: string };

export type AttentionKind = AttentionEvent['kind'];

/** What one condition is about: the same subject reported again is the same condition, not a new one. */
export function subjectOf(e: AttentionEvent): string {
  switch (e.kind) {
    case 'webhook-disabled':
      return `hook:${e.scope}`;
    case 'reauth':
      return e.connectionId ?? 'store';
    default:
      return e.connectionId;
  }
}

export interface NotificationText {
  title: string;
  body: string;
  link: string;
}

/** `subjects` are the conditions grouped into one notification (same kind, same store). */
export function describeGroup(
  kind: AttentionKind,
  storeId: string,
  storeName: string,
  subjects: string[],
): NotificationText {
  const n = subjects.length;
  const only = n === 1 ? subjects[0] : undefined;
  const connection = only && !only.includes(':') && only !== 'store' ? only : undefined;
  const link = connection
    ? deepLinkFor({ screen: 'connection', connectionId: connection })
    : deepLinkFor({ screen: 'store', storeId });
  switch (kind) {
    case 'reauth':
      return {
        title: `${storeName}: sign in again`,
        body:
          only === 'store'
            ? 'BigCommerce refused the store’s API token. Sync is paused until it is replaced.'
            : `${plural(n, 'connection')} cannot reach ${n === 1 ? 'its' : 'their'} platform account until someone signs in again.`,
        link,
      };
    case 'dead-letters':
      return {
        title: `${storeName}: records could not be delivered`,
        body: `Dead letters passed the threshold on ${plural(n, 'connection')}. Review and replay them.`,
        link,
      };
    case 'destination-offline':
      return {
        title: `${storeName}: destination offline`,
        body: `${plural(n, 'connection')} could not reach ${n === 1 ? 'its' : 'their'} platform for a while. Records wait in the queue.`,
        link,
      };
    case 'webhook-disabled':
      return {
        title: `${storeName}: BigCommerce switched off a webhook`,
        body: `${plural(n, 'webhook')} deactivated by BigCommerce; changes are picked up by polling until ${n === 1 ? 'it is' : 'they are'} re-enabled.`,
        link,
      };
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

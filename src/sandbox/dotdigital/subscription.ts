// Runs in: Node (simulators). Owns: contact subscription state changes shared by v2, v3, imports and
// the /__sim/ "platform user" actions: joining books, double opt-in, unsubscribe, resubscribe.
import type { AccountStore, Contact } from './store.js';
import { v2Date } from './views.js';

export const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const isSuppressed = (c: Contact): boolean => c.status !== 'Subscribed' && c.status !== 'PendingOptIn';

/**
 * Puts the contact into books. Double opt-in (asked for with VerifiedDouble, or forced by the account
 * setting) keeps a not-yet-confirmed contact pending: out of the books until confirmOptIn().
 */
export function joinBooks(
  store: AccountStore,
  c: Contact,
  bookIds: number[],
  opts: { isNew: boolean; wasConfirmed: boolean; askedVerifiedDouble: boolean },
  now: number,
): void {
  const needsDoi =
    (opts.askedVerifiedDouble || store.account.enforceDoubleOptIn === true) && !opts.wasConfirmed;
  if (needsDoi && (opts.isNew || c.status === 'PendingOptIn')) c.status = 'PendingOptIn';
  if (opts.isNew && !needsDoi) markSubscribed(c, now);
  for (const id of bookIds) {
    if (c.lists.get(id) === 'subscribed') continue;
    c.lists.set(id, needsDoi ? 'pending' : 'subscribed');
  }
  c.updated = now;
}

/** Already went through double opt-in: read before the caller changes optInType. */
export function isConfirmed(c: Contact, isNew: boolean): boolean {
  return !isNew && c.optInType === 'VerifiedDouble' && c.status === 'Subscribed';
}

export function markSubscribed(c: Contact, now: number): void {
  c.status = 'Subscribed';
  c.suppressedAt = undefined;
  c.suppressionReason = undefined;
  c.dataFields.LASTSUBSCRIBED = v2Date(now);
}

/** What the contact does when they click the confirmation link. */
export function confirmOptIn(c: Contact, now: number): void {
  c.optInType = 'VerifiedDouble';
  markSubscribed(c, now);
  for (const [id, m] of c.lists) if (m === 'pending') c.lists.set(id, 'subscribed');
  c.updated = now;
}

/** Global unsubscribe: the contact is suppressed and leaves every book. */
export function unsubscribe(
  c: Contact,
  reason: 'Unsubscribed' | 'HardBounced' | 'IspComplained',
  now: number,
): void {
  c.status = reason;
  c.suppressedAt = now;
  c.suppressionReason = reason;
  c.wasInBooks = [...c.lists.keys()];
  c.lists.clear();
  c.updated = now;
}

/** Unsubscribe from one book only; the contact stays subscribed elsewhere. */
export function unsubscribeFromBook(c: Contact, bookId: number, now: number): void {
  c.lists.delete(bookId);
  c.listUnsubscribes.push({ bookId, at: now });
  c.updated = now;
}

export function suppressedView(c: Contact): { dateRemoved: string; reason: string } {
  return {
    dateRemoved: new Date(c.suppressedAt ?? c.updated).toISOString(),
    reason: c.suppressionReason ?? c.status,
  };
}

// Runs in: Node (simulators). Owns: account-level unsubscribe, resubscribe (with and without the
// confirmation challenge) and the suppressed-since / unsubscribed-since lists used for opt-out pulls.
import { msg, v2Error } from '../errors.js';
import type { SimContext } from '../gate.js';
import { emailPattern, isSuppressed, markSubscribed, suppressedView, unsubscribe } from '../subscription.js';
import { v2Contact } from '../views.js';
import { type Add, isObj, obj, ok, page, parseSince } from './shared.js';

export function v2SuppressionRoutes(add: Add, ctx: SimContext): void {
  add('POST', '/v2/contacts/unsubscribe', 'medium', (req, acct) => {
    const email = obj(req.body).email;
    if (typeof email !== 'string' || !emailPattern.test(email)) return v2Error(400, msg.invalidEmail);
    const c = acct.store.byEmail(email) ?? acct.store.newContact(email.trim(), ctx.now());
    if (!isSuppressed(c)) unsubscribe(c, 'Unsubscribed', ctx.now());
    return ok({ suppressedContact: v2Contact(c), ...suppressedView(c) });
  });

  for (const kind of ['suppressed', 'unsubscribed'] as const) {
    add('GET', `/v2/contacts/${kind}-since/:date`, 'low', (req, acct) => {
      const since = parseSince(req.params.date);
      if (since === undefined) return v2Error(400, msg.invalid('The date is not a valid ISO 8601 date.'));
      const rows = [...acct.store.contacts.values()]
        .filter((c) => c.suppressedAt !== undefined && c.suppressedAt >= since)
        // unsubscribed-since lists only contacts who unsubscribed; suppressed-since lists every reason.
        .filter((c) => kind === 'suppressed' || c.status === 'Unsubscribed')
        .sort((a, b) => (a.suppressedAt ?? 0) - (b.suppressedAt ?? 0) || a.id - b.id)
        .map((c) => ({ suppressedContact: v2Contact(c), ...suppressedView(c) }));
      const p = page(req, rows);
      return 'error' in p ? p.error : ok(p.items);
    });
  }

  for (const challenge of [true, false]) {
    add(
      'POST',
      challenge ? '/v2/contacts/resubscribe' : '/v2/contacts/resubscribe-with-no-challenge',
      'medium',
      (req, acct) => {
        const body = obj(req.body);
        const u = body.unsubscribedContact;
        if (!isObj(u) || typeof u.email !== 'string' || !emailPattern.test(u.email))
          return v2Error(400, msg.invalidEmail);
        const c = acct.store.byEmail(u.email);
        if (!c) return v2Error(404, msg.contactNotFound);
        if (!isSuppressed(c)) return ok({ contact: v2Contact(c), status: 'ContactAdded' });
        // Only an unsubscribe can be undone; bounces and complaints stay suppressed.
        if (c.status !== 'Unsubscribed')
          return ok({ contact: v2Contact(c), status: 'ContactCannotBeUnsuppressed' });
        if (challenge) {
          c.status = 'PendingOptIn';
          c.optInType = 'VerifiedDouble';
          c.updated = ctx.now();
          return ok({ contact: v2Contact(c), status: 'ContactChallenged' });
        }
        markSubscribed(c, ctx.now());
        c.updated = ctx.now();
        return ok({ contact: v2Contact(c), status: 'ContactAdded' });
      },
    );
  }
}

// Runs in: Node (simulators). Owns: this simulator's own /__sim/ routes: inspect an account's state,
// and act as the platform's users would (unsubscribe, confirm double opt-in, consent, finish jobs).
import type { Router, SimRequest, SimResponse } from '../../kit/index.js';
import type { Account } from '../account.js';
import type { SimContext } from '../gate.js';
import type { Tier } from '../options.js';
import type { Contact } from '../store.js';
import { confirmOptIn, markSubscribed, unsubscribe, unsubscribeFromBook } from '../subscription.js';
import { v3Contact } from '../views.js';
import { obj } from './shared.js';

type SimHandler = (req: SimRequest, acct: Account) => SimResponse;

export function simRoutes(router: Router, ctx: SimContext): void {
  const pick = (req: SimRequest) => {
    const name = req.query.get('account');
    return name ? ctx.accounts.find((a) => a.username.toLowerCase() === name.toLowerCase()) : ctx.accounts[0];
  };
  const route = (method: string, pattern: string, h: SimHandler) =>
    router.add(method, pattern, (req) => {
      const acct = pick(req);
      if (!acct) return { status: 404, body: { error: 'no such account' } };
      ctx.jobs.tick(acct);
      return h(req, acct);
    });
  const withContact =
    (h: (c: Contact, body: Record<string, unknown>, acct: Account) => void): SimHandler =>
    (req, acct) => {
      const c = acct.store.byIdOrEmail(req.params.email!);
      if (!c) return { status: 404, body: { error: `no contact ${req.params.email}` } };
      h(c, obj(req.body), acct);
      return { status: 200, body: v3Contact(acct.store, c) };
    };

  route('GET', '/__sim/contacts', (_req, acct) => ({
    status: 200,
    body: [...acct.store.contacts.values()].map((c) => v3Contact(acct.store, c)),
  }));
  route(
    'GET',
    '/__sim/contacts/:email',
    withContact(() => undefined),
  );
  route('GET', '/__sim/address-books', (_req, acct) => ({
    status: 200,
    body: [...acct.store.books.values()].map((b) => ({
      ...b,
      members: acct.store.bookMembers(b.id).map((c) => c.email),
    })),
  }));
  route('GET', '/__sim/data-fields', (_req, acct) => ({
    status: 200,
    body: [...acct.store.fields.values()],
  }));
  route('GET', '/__sim/insight', (_req, acct) => ({
    status: 200,
    body: [...acct.store.collections.values()].map((c) => ({
      name: c.name,
      scope: c.scope,
      type: c.type,
      records: [...c.records.values()],
    })),
  }));
  route('GET', '/__sim/enrolments', (_req, acct) => ({
    status: 200,
    body: [...acct.store.enrolments.values()],
  }));
  route('GET', '/__sim/jobs', (_req, acct) => ({
    status: 200,
    body: [...acct.store.jobs.values()].map((j) => ({
      id: j.id,
      kind: j.kind,
      state: j.state,
      report: j.report ?? null,
    })),
  }));

  route(
    'POST',
    '/__sim/contacts/:email/unsubscribe',
    withContact((c, b) => {
      const reason = b.reason === 'HardBounced' || b.reason === 'IspComplained' ? b.reason : 'Unsubscribed';
      unsubscribe(c, reason, ctx.now());
    }),
  );
  route(
    'POST',
    '/__sim/contacts/:email/unsubscribe-from-book',
    withContact((c, b) => unsubscribeFromBook(c, Number(b.bookId), ctx.now())),
  );
  route(
    'POST',
    '/__sim/contacts/:email/confirm-opt-in',
    withContact((c) => confirmOptIn(c, ctx.now())),
  );
  route(
    'POST',
    '/__sim/contacts/:email/resubscribe',
    withContact((c) => markSubscribed(c, ctx.now())),
  );
  route(
    'POST',
    '/__sim/contacts/:email/consent',
    withContact((c, b) => {
      const at = new Date(ctx.now()).toISOString();
      c.consentRecords.push({
        text: String(b.text ?? 'I agree to receive marketing email.'),
        dateTimeConsented: String(b.dateTimeConsented ?? at),
        url: String(b.url ?? 'https://example.com/signup'),
        ipAddress: String(b.ipAddress ?? '127.0.0.1'),
        userAgent: String(b.userAgent ?? 'Mozilla/5.0'),
        dateTimeCreated: at,
      });
      c.updated = ctx.now();
    }),
  );

  for (const action of ['finish', 'fail'] as const)
    route('POST', `/__sim/jobs/:id/${action}`, (req, acct) => {
      const j = acct.store.jobs.get(req.params.id!);
      if (!j) return { status: 404, body: { error: 'no such job' } };
      if (action === 'finish') ctx.jobs.finish(j);
      else ctx.jobs.fail(j);
      return { status: 200, body: { id: j.id, state: j.state } };
    });

  route('POST', '/__sim/programs', (req, acct) => {
    const b = obj(req.body);
    const status = ['Draft', 'Active', 'Deactivated', 'ReadOnly'].includes(String(b.status))
      ? (b.status as 'Active')
      : 'Active';
    if (!Number.isInteger(b.id)) return { status: 400, body: { error: 'id (integer) is required' } };
    acct.store.programs.set(b.id as number, {
      id: b.id as number,
      name: String(b.name ?? `Program ${String(b.id)}`),
      status,
    });
    return { status: 200, body: acct.store.programs.get(b.id as number) };
  });

  // Another app using the same API user spends the shared allowance.
  route('POST', '/__sim/rate-limit/consume', (req, acct) => {
    const b = obj(req.body);
    const units = Number(b.units ?? 1);
    const tier = String(b.tier ?? 'medium') as Tier;
    if (tier === 'low' || tier === 'medium' || tier === 'high') acct.tiers[tier].consume(units);
    else for (let i = 0; i < units; i++) acct.flat.take();
    return { status: 204 };
  });
}

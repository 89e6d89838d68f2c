// Runs in: Node (simulators). Owns: the simulator's own /__sim/ routes: inspecting an account's data, and
// acting as the platform's users do (opt a contact out, change consent, confirm a double opt-in, remove a
// contact, run the overnight purge, finish or fail an async job, deactivate the account, revoke a v3 key).
import type { Router, SimRequest, SimResponse } from '../kit/index.js';
import type { JobRunner } from './jobs.js';
import type { ResolvedOptions } from './options.js';
import type { AccountStore, Contact } from './store.js';

export interface SimRouteDeps {
  stores: Map<string, AccountStore>;
  jobs: JobRunner;
  opts: ResolvedOptions;
}

type Body = Record<string, unknown>;

const bad = (status: number, error: string): SimResponse => ({ status, body: { error } });
const json = (body: unknown): SimResponse => ({ status: 200, body });

function bodyOf(req: SimRequest): Body {
  return typeof req.body === 'object' && req.body !== null ? (req.body as Body) : {};
}

/** `clientId` from the body or query picks the account; the first account otherwise. */
function storeOf(req: SimRequest, deps: SimRouteDeps): AccountStore | undefined {
  const id = bodyOf(req)['clientId'] ?? req.query.get('clientId');
  return typeof id === 'string' ? deps.stores.get(id) : deps.stores.values().next().value;
}

/** Runs `act` on the live contact named by `email` in the body, then marks it modified. */
function onContact(deps: SimRouteDeps, act: (c: Contact, body: Body) => string | undefined) {
  return (req: SimRequest): SimResponse => {
    const store = storeOf(req, deps);
    if (!store) return bad(404, 'no such account');
    const body = bodyOf(req);
    const email = body['email'];
    if (typeof email !== 'string') return bad(400, 'give the contact as {"email": "..."}');
    const c = store.findLive({ email });
    if (!c) return bad(404, `no live contact ${email}`);
    const problem = act(c, body);
    if (problem) return bad(400, problem);
    c.modifiedOn = deps.opts.now();
    return json(c);
  };
}

export function addSimRoutes(router: Router, deps: SimRouteDeps): void {
  const list = (pick: (s: AccountStore, q: URLSearchParams) => unknown[]) => (req: SimRequest) => {
    const store = storeOf(req, deps);
    return store ? json(pick(store, req.query)) : bad(404, 'no such account');
  };
  router.get(
    '/__sim/contacts',
    list((s, q) => filterBy([...s.contacts.values()], q, 'email')),
  );
  router.get(
    '/__sim/events',
    list((s, q) => filterBy(filterBy([...s.events.values()], q, 'email'), q, 'contactExtEventType')),
  );
  router.get(
    '/__sim/catalogs',
    list((s) => [...s.catalogs.values()]),
  );
  router.get(
    '/__sim/products',
    list((s, q) => filterBy([...s.products.values()], q, 'catalogId')),
  );
  router.get(
    '/__sim/jobs',
    list((s) => [...s.jobs.values()]),
  );

  const channel = (b: Body) => (b['channel'] === 'phone' ? 'optedOutPhone' : 'optedOut');
  router.post(
    '/__sim/contacts/opt-out',
    onContact(deps, (c, b) => void (c[channel(b)] = true)),
  );
  router.post(
    '/__sim/contacts/opt-in',
    onContact(deps, (c, b) => void (c[channel(b)] = false)),
  );
  router.post(
    '/__sim/contacts/confirm-doi',
    onContact(deps, (c) => {
      if (c.doubleOptIn?.status !== 'pending') return 'no double opt-in is pending for this contact';
      c.doubleOptIn.status = 'confirmed';
      c.doubleOptIn.confirmedAt = deps.opts.now();
      c.optedOut = false;
      return undefined;
    }),
  );
  router.post(
    '/__sim/contacts/consent',
    onContact(deps, (c, b) => {
      const name = b['consentName'];
      if (typeof name !== 'string' || typeof b['accept'] !== 'boolean')
        return 'give consentName and accept (boolean)';
      c.consents[name] = {
        ...c.consents[name],
        accept: b['accept'],
        optOut: !b['accept'],
        agreementDate: deps.opts.now(),
      };
      return undefined;
    }),
  );
  router.post(
    '/__sim/contacts/delete',
    onContact(deps, (c) => {
      c.deleted = true;
      c.deletedAt = deps.opts.now();
      return undefined;
    }),
  );
  router.post('/__sim/purge', (req) => {
    const store = storeOf(req, deps);
    return store ? json({ purged: store.purge() }) : bad(404, 'no such account');
  });

  const jobAction = (finish: boolean) => (req: SimRequest) => {
    const store = storeOf(req, deps);
    const id = req.params['id'] ?? '';
    if (!store?.jobs.has(id)) return bad(404, `no job ${id}`);
    const msg = bodyOf(req)['message'];
    const job = finish
      ? deps.jobs.finish(store, id)
      : deps.jobs.fail(store, id, typeof msg === 'string' ? msg : 'failed');
    return json(job);
  };
  router.post('/__sim/jobs/:id/finish', jobAction(true));
  router.post('/__sim/jobs/:id/fail', jobAction(false));

  router.post('/__sim/account', (req) => {
    const store = storeOf(req, deps);
    if (!store) return bad(404, 'no such account');
    const active = bodyOf(req)['active'];
    if (typeof active !== 'boolean') return bad(400, 'give {"active": true|false}');
    store.active = active;
    return json({ clientId: store.account.clientId, active });
  });
  router.post('/__sim/v3-keys/revoke', (req) => {
    const store = storeOf(req, deps);
    const key = bodyOf(req)['key'];
    if (!store || typeof key !== 'string' || !store.v3Keys.delete(key)) return bad(404, 'no such key');
    return json({ revoked: key });
  });
}

function filterBy<T>(items: T[], q: URLSearchParams, field: keyof T & string): T[] {
  const want = q.get(field);
  if (want === null) return items;
  return items.filter((x) => String(x[field]).toLowerCase() === want.toLowerCase());
}

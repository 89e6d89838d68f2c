// Runs in: Node (simulators). Owns: the ActiveCampaign-specific /__sim/ routes (inspect state, act as the platform's people).
import type { Router, SimRequest, SimResponse } from '../kit/index.js';
import type { Accounts } from './accounts.js';
import { SimActionError, type SimActions } from './sim-actions.js';
import { snapshot } from './snapshot.js';

type Body = Record<string, unknown>;

function guard(fn: (body: Body, req: SimRequest) => unknown): (req: SimRequest) => SimResponse {
  return (req) => {
    try {
      const out = fn((req.body ?? {}) as Body, req);
      return { status: 200, body: out ?? { ok: true } };
    } catch (err) {
      if (err instanceof SimActionError) return { status: err.status, body: { error: err.message } };
      throw err;
    }
  };
}

const account = (req: SimRequest, body: Body): string | undefined =>
  (typeof body['account'] === 'string' ? body['account'] : undefined) ??
  req.query.get('account') ??
  undefined;

function need<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new SimActionError(400, `give ${what}`);
  return v;
}

const num = (v: unknown): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : undefined;
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function simRoutes(router: Router, accounts: Accounts, actions: SimActions): void {
  const view = (key: keyof ReturnType<typeof snapshot>) =>
    guard((body, req) => {
      const a = accounts.get(account(req, body));
      if (!a) throw new SimActionError(404, 'no such account');
      return snapshot(accounts.ctx(a))[key];
    });
  router.get('/__sim/accounts', () => ({
    status: 200,
    body: accounts.all().map((a) => ({
      name: a.config.name,
      apiKeys: a.config.apiKeys,
      apiUrl: accounts.apiUrl(a.config.name),
    })),
  }));
  for (const key of [
    'contacts',
    'lists',
    'tags',
    'fields',
    'connections',
    'customers',
    'orders',
    'events',
    'consent',
    'jobs',
  ] as const)
    router.get(`/__sim/${key}`, view(key));

  router.post(
    '/__sim/unsubscribe',
    guard((b, req) =>
      actions.unsubscribe(
        need(text(b['email']), 'email'),
        num(b['list']),
        text(b['reason']),
        account(req, b),
      ),
    ),
  );
  router.post(
    '/__sim/consent',
    guard((b, req) => {
      const status = num(b['status']);
      if (status !== 1 && status !== 2)
        throw new SimActionError(400, 'status must be 1 (subscribed) or 2 (unsubscribed)');
      return actions.setConsent(
        need(text(b['email']), 'email'),
        need(num(b['list']), 'list'),
        status,
        account(req, b),
      );
    }),
  );
  router.post(
    '/__sim/signup',
    guard((b, req) =>
      actions.signup(need(text(b['email']), 'email'), need(num(b['list']), 'list'), account(req, b)),
    ),
  );
  router.post(
    '/__sim/confirm',
    guard((b, req) =>
      actions.confirm(need(text(b['email']), 'email'), need(num(b['list']), 'list'), account(req, b)),
    ),
  );
  router.post(
    '/__sim/jobs/:batchId/finish',
    guard((_b, req) => actions.finishJob(req.params['batchId'] ?? '')),
  );
  router.post(
    '/__sim/jobs/:batchId/fail',
    guard((b, req) =>
      actions.failJob(req.params['batchId'] ?? '', b['status'] === 'interrupted' ? 'interrupted' : 'failed'),
    ),
  );
  router.post(
    '/__sim/ratelimit/consume',
    guard((b, req) => actions.consume(num(b['n']) ?? 1, account(req, b))),
  );
}

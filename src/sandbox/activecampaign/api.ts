// Runs in: Node (simulators). Owns: the /api/3 gate: account, Api-Token auth (403), the shared 5/s limit (429), dispatch.
import { Router, type SimRequest, type SimResponse, type SlidingWindowLimiter } from '../kit/index.js';
import type { AccountState, Accounts } from './accounts.js';
import type { AcHandler, AcRequest, AcRouter, Ctx } from './http.js';
import type { ResolvedOptions } from './options.js';
import { bulkImportRoutes } from './routes/bulk-import.js';
import { connectionRoutes } from './routes/connections.js';
import { contactRoutes } from './routes/contacts.js';
import { ecomCustomerRoutes } from './routes/ecom-customers.js';
import { ecomOrderRoutes } from './routes/ecom-orders.js';
import { fieldValueRoutes } from './routes/field-values.js';
import { fieldRoutes } from './routes/fields.js';
import { listRoutes } from './routes/lists.js';
import { tagRoutes } from './routes/tags.js';

export const FORBIDDEN: SimResponse = { status: 403, body: { message: 'Forbidden' } };

function tooMany(limiter: SlidingWindowLimiter, waitMs: number): SimResponse {
  return {
    status: 429,
    headers: {
      'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))),
      'ratelimit-limit': String(limiter.limit),
      'ratelimit-remaining': '0',
    },
    body: { message: 'Too Many Requests' },
  };
}

export interface Api {
  handle: (req: SimRequest, account?: string) => SimResponse;
  /** Every route implemented, as `METHOD /pattern` (the spec test checks each one is exercised). */
  routes: string[];
}

export function buildApi(opts: ResolvedOptions, accounts: Accounts): Api {
  const inner = new Router();
  const routes: string[] = [];
  const table: AcRouter = {
    add(method: string, pattern: string, handler: AcHandler) {
      inner.add(method, pattern, (req) => handler(req as AcRequest));
      routes.push(`${method} ${pattern}`);
    },
  };
  contactRoutes(table);
  listRoutes(table);
  tagRoutes(table);
  fieldRoutes(table);
  fieldValueRoutes(table);
  connectionRoutes(table);
  ecomCustomerRoutes(table);
  ecomOrderRoutes(table);
  bulkImportRoutes(table, {
    limit: (ctx: Ctx, n: number) => {
      const a = accounts.all().find((x) => x.store === ctx.store)!;
      const limiter = n === 1 ? a.bulkSingle : a.bulkMulti;
      const wait = limiter.take();
      return wait > 0 ? tooMany(limiter, wait) : undefined;
    },
  });

  const handle = (req: SimRequest, accountName?: string): SimResponse => {
    const account: AccountState | undefined = accounts.get(accountName);
    if (!account) return FORBIDDEN;
    const token = req.headers['api-token'];
    if (typeof token !== 'string' || !account.config.apiKeys.includes(token)) return FORBIDDEN;
    const wait = account.limiter.take();
    if (wait > 0) return tooMany(account.limiter, wait);
    const headers = {
      'ratelimit-limit': String(opts.rateLimit),
      'ratelimit-remaining': String(account.limiter.remaining()),
    };
    const prefix = accountName === undefined ? '/api/3' : `/${accountName}/api/3`;
    const path = req.path.slice(prefix.length) || '/';
    const match = inner.match(req.method, path);
    let answer: SimResponse;
    if (match === undefined || match === 'method') {
      answer = { status: 404, body: { message: `No route found for ${req.method} ${path}` } };
    } else {
      const base = accounts.apiUrl(account.config.name);
      const acReq: AcRequest = { ...req, params: match.params, ctx: accounts.ctx(account, base) };
      answer = match.handler(acReq) as SimResponse;
    }
    return { ...answer, headers: { ...headers, ...answer.headers } };
  };
  return { handle, routes };
}

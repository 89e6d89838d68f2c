// Runs in: Node (simulators). Owns: the gate every store API request passes: store lookup, X-Auth-Token,
// the store's shared rate-limit window (headers on every answer, 429 when spent), and OAuth scope checks.
import type { Router, SimRequest, SimResponse } from '../kit/index.js';
import { MISSING_SCOPE, v2Error, v3Error } from './errors.js';
import { parseRawQuery, QueryError, rejectEncodedColons } from './query.js';
import type { StoreState, TokenSpec } from './store.js';

export interface ApiContext {
  req: SimRequest;
  store: StoreState;
  token: TokenSpec & { clientId: string };
  q: Map<string, string>;
  /** The request's JSON body (undefined when none). */
  body: unknown;
}

export type ApiHandler = (ctx: ApiContext) => SimResponse | Promise<SimResponse>;

/** All scopes the simulator checks; a token without `scopes` gets all of them. */
export const ALL_SCOPES = [
  'store_v2_customers',
  'store_v2_orders',
  'store_v2_products',
  'store_v2_information',
  'store_v2_content',
  'store_channel_settings',
  'store_cart',
];

export function clientIdOf(t: TokenSpec): string {
  return t.clientId ?? `client-${t.token.slice(0, 12)}`;
}

export class Api {
  constructor(
    private readonly router: Router,
    private readonly stores: Map<string, StoreState>,
  ) {}

  /**
   * Registers `method /stores/:hash{path}`. `scope` is the modify scope; GETs also accept its `_read_only`
   * twin. `null` means the default scope every account has (webhooks).
   */
  route(method: string, path: string, scope: string | null, handler: ApiHandler): this {
    const v2 = path.startsWith('/v2/');
    this.router.add(method, `/stores/:hash${path}`, async (req) => {
      const store = this.stores.get(req.params['hash'] ?? '');
      if (!store) return err(v2, 404, `Store not found: ${req.params['hash'] ?? ''}`);
      const headerToken = req.headers['x-auth-token'];
      const tokenValue = Array.isArray(headerToken) ? headerToken[0] : headerToken;
      const token = store.tokens.find((t) => t.token === tokenValue);
      const limiter = store.limiter;
      if (!token)
        return withRate(
          err(v2, 401, 'You are not authorized to access this resource. Check X-Auth-Token.'),
          limiter.state(),
        );
      const taken = limiter.take();
      if (!taken.allowed) {
        const res = v2
          ? v2Error(429, 'Too many requests')
          : {
              status: 429,
              body: {
                status: 429,
                title: 'Too many requests',
                type: '/api-docs/getting-started/api-status-codes',
              },
            };
        return withRate(res, taken, {
          'X-Retry-After': String(Math.max(1, Math.ceil(taken.resetMs / 1000))),
        });
      }
      if (scope && !hasScope(token, scope, method)) return withRate(err(v2, 403, MISSING_SCOPE), taken);
      let res: SimResponse;
      try {
        if (!v2 && method === 'GET') rejectEncodedColons(req.rawQuery);
        res = await handler({
          req,
          store,
          token: { ...token, clientId: clientIdOf(token) },
          q: parseRawQuery(req.rawQuery),
          body: req.body,
        });
      } catch (e) {
        if (!(e instanceof QueryError)) throw e;
        res = v2 ? v2Error(e.status, e.message) : v3Error(e.status, e.message, e.errors);
      }
      return withRate(res, limiter.state());
    });
    return this;
  }
}

function hasScope(t: TokenSpec, scope: string, method: string): boolean {
  const scopes = t.scopes ?? ALL_SCOPES;
  return scopes.includes(scope) || (method === 'GET' && scopes.includes(`${scope}_read_only`));
}

function err(v2: boolean, status: number, message: string): SimResponse {
  return v2 ? v2Error(status, message) : v3Error(status, message);
}

function withRate(
  res: SimResponse,
  s: { limit: number; remaining: number; windowMs: number; resetMs: number },
  extra: Record<string, string> = {},
): SimResponse {
  return {
    ...res,
    headers: {
      ...res.headers,
      'X-Rate-Limit-Time-Window-Ms': String(s.windowMs),
      'X-Rate-Limit-Time-Reset-Ms': String(s.resetMs),
      'X-Rate-Limit-Requests-Quota': String(s.limit),
      'X-Rate-Limit-Requests-Left': String(s.remaining),
      ...extra,
    },
  };
}

// Runs in: Node (simulators). Owns: what every API route passes before its handler: `Authorization: apiKey
// id:secret`, the account block, the per-key rate limit with its X-RateLimit-* headers, and the key's scopes.
import { FixedWindowLimiter, type Handler, type SimRequest, type SimResponse } from '../kit/index.js';
import { httpError, permissionDenied } from './errors.js';
import type { Scope } from './options.js';
import type { KeyRecord, StoreState } from './state.js';

export interface Ctx {
  store: StoreState;
  key: KeyRecord;
}
export type ApiHandler = (req: SimRequest, ctx: Ctx) => SimResponse | Promise<SimResponse>;

export interface RateLimitSettings {
  limit: number;
  windowMs: number;
  headers: boolean;
}

export class Gate {
  private readonly limiters = new Map<string, FixedWindowLimiter>();

  constructor(
    private readonly stores: StoreState[],
    readonly rateLimit: RateLimitSettings,
    private readonly now: () => number,
  ) {}

  limiter(keyId: string): FixedWindowLimiter {
    let l = this.limiters.get(keyId);
    if (!l) {
      l = new FixedWindowLimiter(this.rateLimit.limit, this.rateLimit.windowMs, this.now);
      this.limiters.set(keyId, l);
    }
    return l;
  }

  resetLimits(): void {
    this.limiters.clear();
  }

  wrap(scope: Scope, handler: ApiHandler): Handler {
    return async (req) => {
      const who = this.authenticate(req);
      if ('status' in who) return who;
      const taken = this.limiter(who.key.id).take();
      const headers = this.rateLimit.headers
        ? {
            'x-ratelimit-limit': String(taken.limit),
            'x-ratelimit-remaining': String(taken.remaining),
            'x-ratelimit-reset': String(Math.ceil((this.now() + taken.resetMs) / 1000)),
          }
        : undefined;
      let answer: SimResponse;
      if (!taken.allowed) answer = httpError(429, 'Requests rate limit reached');
      else if (who.store.blocked || !who.key.scopes.has(scope)) answer = permissionDenied();
      else answer = await handler(req, who);
      return headers ? { ...answer, headers: { ...headers, ...answer.headers } } : answer;
    };
  }

  private authenticate(req: SimRequest): Ctx | SimResponse {
    const header = req.headers['authorization'];
    if (header === undefined || header === '') return httpError(401, 'Authorization header is missing');
    const m = /^apiKey\s+([^:\s]+):(\S+)$/i.exec(header.trim());
    if (!m) return httpError(401, "Authorization header must be 'apiKey <KeyId>:<KeySecret>'");
    for (const store of this.stores) {
      const key = store.keys.get(m[1]!);
      if (key && key.secret === m[2]) return { store, key };
    }
    return httpError(401, 'Invalid API key');
  }
}

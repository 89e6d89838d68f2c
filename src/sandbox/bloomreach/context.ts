// Runs in: Node (simulators). Owns: what every Bloomreach route shares (stores, auth, the per-IP rate
// limit, the write queue) and the wrapper that applies the platform's checks in order before a handler.
import { FixedWindowLimiter, type Handler, type SimRequest, type SimResponse } from '../kit/index.js';
import { type Auth, isPrincipal, type Principal } from './auth.js';
import { withRequestId } from './errors.js';
import type { CatalogStore } from './catalog-store.js';
import type { ResolvedOptions } from './options.js';
import type { Jobs, WriteQueue } from './queue.js';
import type { CustomerStore } from './store.js';

export interface Ctx {
  opts: ResolvedOptions;
  auth: Auth;
  store: CustomerStore;
  catalogs: CatalogStore;
  queue: WriteQueue;
  jobs: Jobs;
  limiters: Map<string, FixedWindowLimiter>;
  /** Deterministic switch for tests: every API request is over the limit while set. */
  forceRateLimited: boolean;
  /** Requests answered 429 (their data discarded). */
  rejectedByRateLimit: number;
}

export type ApiHandler = (req: SimRequest, principal: Principal) => SimResponse | Promise<SimResponse>;

/** The limit is per client IP; on loopback every caller is one IP unless a proxy header says otherwise. */
export function clientIp(req: SimRequest): string {
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')[0]
    ?.trim();
  return forwarded || '127.0.0.1';
}

function rateLimited(ctx: Ctx, req: SimRequest): SimResponse | undefined {
  const ip = clientIp(req);
  let limiter = ctx.limiters.get(ip);
  if (!limiter) {
    limiter = new FixedWindowLimiter(ctx.opts.rateLimit.limit, ctx.opts.rateLimit.windowMs, ctx.opts.now);
    ctx.limiters.set(ip, limiter);
  }
  const taken = ctx.forceRateLimited ? { ...limiter.state(), allowed: false } : limiter.take();
  if (taken.allowed) return undefined;
  ctx.rejectedByRateLimit++;
  return {
    status: 429,
    headers: { 'retry-after': String(Math.max(1, Math.ceil(taken.resetMs / 1000))) },
    body: { success: false, error: 'Rate limit exceeded. The request was not processed.' },
  };
}

/** Rate limit (counted before auth, as an edge limit is), then project token and credentials, then the handler. */
export function api(ctx: Ctx, access: 'public' | 'private', handler: ApiHandler): Handler {
  return async (req) => {
    ctx.queue.drain();
    ctx.jobs.tick();
    const limited = rateLimited(ctx, req);
    if (limited) return withRequestId(limited);
    const principal = ctx.auth.check(req, access);
    if (!isPrincipal(principal)) return withRequestId(principal);
    return withRequestId(await handler(req, principal));
  };
}

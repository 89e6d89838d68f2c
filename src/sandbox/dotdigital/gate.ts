// Runs in: Node (simulators). Owns: what every API call passes before its handler: Basic auth, the
// account's region (403 on another region's host), and the API user's rate-limit scheme.
import type { Handler, SimRequest, SimResponse } from '../kit/index.js';
import type { Account } from './account.js';
import { errorFor, msg, v2Error } from './errors.js';
import type { JobRunner } from './jobs.js';
import type { Region, Tier } from './options.js';

export interface SimContext {
  accounts: Account[];
  now: () => number;
  jobs: JobRunner;
  maxActiveContactImports: number;
  maxActiveInsightImports: number;
}

export type ApiHandler = (req: SimRequest, acct: Account) => SimResponse | Promise<SimResponse>;

export function authenticate(ctx: SimContext, req: SimRequest): Account | undefined {
  const header = req.headers.authorization ?? '';
  const m = /^Basic\s+(\S+)$/i.exec(header);
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const sep = decoded.indexOf(':');
  if (sep < 0) return undefined;
  const user = decoded.slice(0, sep);
  const pass = decoded.slice(sep + 1);
  return ctx.accounts.find(
    (a) => a.username.toLowerCase() === user.toLowerCase() && a.option.password === pass,
  );
}

/** Wraps a handler with auth, region and rate limits. `anyRegion`: account-info answers on every host. */
export function gate(
  ctx: SimContext,
  region: Region,
  tier: Tier,
  handler: ApiHandler,
  anyRegion = false,
): Handler {
  return async (req) => {
    const acct = authenticate(ctx, req);
    if (!acct)
      return errorFor(
        req.path,
        401,
        msg.authDenied,
        'unauthorized',
        'Authorization has been denied for this request.',
      );
    if (!anyRegion && acct.option.region !== region)
      return errorFor(req.path, 403, msg.accessDenied, 'forbidden', 'Access is denied.');
    const limited = checkRate(acct, tier, req.path);
    if (limited && 'answer' in limited) return limited.answer;
    ctx.jobs.tick(acct);
    const answer = await handler(req, acct);
    if (limited && 'headers' in limited) answer.headers = { ...limited.headers, ...answer.headers };
    return answer;
  };
}

function checkRate(
  acct: Account,
  tier: Tier,
  path: string,
): { answer: SimResponse } | { headers: Record<string, string> } | undefined {
  if (acct.option.rateScheme === 'flat') {
    const waitMs = acct.flat.take();
    return waitMs > 0 ? { answer: v2Error(400, msg.apiUsageExceeded) } : undefined;
  }
  if (tier === 'unlimited') return undefined;
  const w = acct.tiers[tier].take();
  const headers = {
    'x-ratelimit-limit': String(w.limit),
    'x-ratelimit-remaining': String(w.remaining),
    // Seconds until the window resets, as the PHP SDK reads it.
    'x-ratelimit-reset': String(Math.max(1, Math.ceil(w.resetMs / 1000))),
    'x-ratelimit-scope': tier,
  };
  if (w.allowed) return { headers };
  const text = `Too many requests in the ${tier} tier; try again in ${headers['x-ratelimit-reset']} seconds.`;
  const answer = errorFor(path, 429, text, 'tooManyRequests', text);
  answer.headers = headers;
  return { answer };
}

// Runs in: Node (simulators). Owns: v2 authentication: the body fields clientId, apiKey, requestTime,
// sha = sha1(apiKey + clientId + apiSecret) and owner, checked against the account bound to a server.
import { createHash } from 'node:crypto';
import type { SimResponse } from '../../kit/index.js';
import type { ResolvedOptions } from '../options.js';
import type { AccountStore } from '../store.js';
import { fail, isObject, str, type Body } from './reply.js';

export const NOT_AUTHENTICATED = 'Not authenticated';
export const USER_NOT_AUTHENTICATED = 'User not authenticated';

export interface V2Context {
  store: AccountStore;
  body: Body;
  /** The account user named in `owner`, spelled as the account has it. */
  owner: string;
}

export function sha1Hex(s: string): string {
  return createHash('sha1').update(s, 'utf8').digest('hex');
}

/** The signature a correct client sends. */
export function signature(apiKey: string, clientId: string, apiSecret: string): string {
  return sha1Hex(apiKey + clientId + apiSecret);
}

/**
 * `server` is the server named in the URL (`/app2/api/...`), or undefined for the plain `/api/...` base,
 * which stands for the account's own server.
 */
export function authenticateV2(
  raw: unknown,
  server: string | undefined,
  stores: Map<string, AccountStore>,
  opts: ResolvedOptions,
  needsOwner: boolean,
): { ok: true; ctx: V2Context } | { ok: false; res: SimResponse } {
  const denied = { ok: false as const, res: fail(NOT_AUTHENTICATED) };
  if (!isObject(raw)) return denied;
  const clientId = str(raw['clientId']);
  const apiKey = str(raw['apiKey']);
  const sha = str(raw['sha']);
  const requestTime = raw['requestTime'];
  if (!clientId || !apiKey || !sha || requestTime === undefined || requestTime === null) return denied;
  const store = stores.get(clientId);
  if (!store) return denied;
  if (server !== undefined && server !== store.account.server) return denied;
  if (sha.toLowerCase() !== signature(apiKey, clientId, store.account.apiSecret)) return denied;
  if (!store.active) return denied;
  if (opts.maxRequestAgeMs !== undefined && isStale(requestTime, opts.now(), opts.maxRequestAgeMs))
    return denied;

  const ownerRaw = str(raw['owner']);
  const owner = ownerRaw && store.account.owners.find((o) => o.toLowerCase() === ownerRaw.toLowerCase());
  if (needsOwner && !owner) return { ok: false, res: fail(USER_NOT_AUTHENTICATED) };
  return { ok: true, ctx: { store, body: raw, owner: owner ?? store.account.owners[0]! } };
}

/** The docs say milliseconds while real clients send seconds, so small values are read as seconds. */
function isStale(requestTime: unknown, now: number, maxAgeMs: number): boolean {
  const n = typeof requestTime === 'number' ? requestTime : Number(requestTime);
  if (!Number.isFinite(n)) return true;
  const ms = n < 1e12 ? n * 1000 : n;
  return Math.abs(now - ms) > maxAgeMs;
}

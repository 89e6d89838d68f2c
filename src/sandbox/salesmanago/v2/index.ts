// Runs in: Node (simulators). Owns: dispatching POST /api/<method> (and /<server>/api/<method>) to the v2
// methods: authentication first, then the account's request limit, then the method.
import type { SimRequest, SimResponse } from '../../kit/index.js';
import type { RateGate } from '../gate.js';
import type { AccountStore } from '../store.js';
import { authenticateV2 } from './auth.js';
import { contactMethods } from './contacts.js';
import { eventMethods } from './events.js';
import { integrationMethods } from './integration.js';
import type { V2Env, V2Method } from './method.js';
import { fail } from './reply.js';

const methods: Record<string, V2Method> = { ...contactMethods, ...eventMethods, ...integrationMethods };

export const v2MethodNames = Object.keys(methods);

export interface V2Deps extends V2Env {
  stores: Map<string, AccountStore>;
  gate: RateGate;
  /** Server names that exist (the documented ones plus each account's own). */
  servers: Set<string>;
}

export function handleV2(req: SimRequest, deps: V2Deps): SimResponse {
  const server = req.params['server'];
  if (server !== undefined && !deps.servers.has(server)) return notFound(req.path);
  const method = methods[req.params['*'] ?? ''];
  if (!method) return notFound(req.path);
  const auth = authenticateV2(req.body, server, deps.stores, deps.opts, method.needsOwner);
  if (!auth.ok) return auth.res;
  const limited = deps.gate.take(auth.ctx.store.account.clientId, 'v2');
  if (limited) return limited;
  return method.handle(auth.ctx, deps);
}

export function notFound(path: string): SimResponse {
  return { ...fail(`No such API method: ${path}`), status: 404 };
}

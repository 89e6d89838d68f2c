// Runs in: Node (simulators). Owns: v3 authentication (the API-KEY header) and its error shapes:
// `{messages, reasonCode}` for the request, `problems[]` per item, with the documented reason codes.
import type { SimRequest, SimResponse } from '../../kit/index.js';
import type { RateGate } from '../gate.js';
import type { AccountStore } from '../store.js';

/** Documented codes: 10 auth, 11 over limit, 12 trimmed (a warning), 13 missing, 14 wrong type, 15 not unique. */
export const Reason = { auth: 10, limit: 11, trimmed: 12, missing: 13, type: 14, unique: 15 } as const;

export interface Problem {
  reasonCode?: number;
  message: string;
}

export function v3Error(status: number, message: string, reasonCode?: number): SimResponse {
  return {
    status,
    body: reasonCode === undefined ? { messages: [message] } : { messages: [message], reasonCode },
  };
}

export interface V3Deps {
  stores: Map<string, AccountStore>;
  gate: RateGate;
}

/** Finds the account owning the key, or answers the documented 400 with reasonCode 10. */
export function authenticateV3(
  req: SimRequest,
  deps: V3Deps,
): { store: AccountStore } | { res: SimResponse } {
  const header = req.headers['api-key'];
  const key = Array.isArray(header) ? header[0] : header;
  const store = key ? [...deps.stores.values()].find((s) => s.v3Keys.has(key)) : undefined;
  if (!store || !store.active)
    return { res: v3Error(400, 'Authentication error: invalid or missing API-KEY', Reason.auth) };
  const limited = deps.gate.take(store.account.clientId, 'v3');
  return limited ? { res: limited } : { store };
}

/** `field|min:N|max:M|msg`, the documented form of a length problem. */
export function lengthMessage(field: string, min: number, max: number, msg: string): string {
  return `${field}|min:${min}|max:${max}|${msg}`;
}

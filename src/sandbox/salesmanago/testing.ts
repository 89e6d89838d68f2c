// Runs in: Node (vitest). Owns: small HTTP helpers the simulator's tests share: a signed v2 call, a v3 call
// and /__sim/ calls. Written from the docs, like the simulator, and used only by its tests.
import type { SalesmanagoSim } from './index.js';

export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

async function read(res: Response): Promise<Answer> {
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

export interface V2CallOptions {
  base?: string;
  apiKey?: string;
  owner?: string | null;
  /** Overrides the auth fields after they are built (e.g. a wrong sha). */
  auth?: Record<string, unknown>;
}

/** POST `${endpoint}/${method}` with the documented auth fields in the body. */
export async function v2(
  sim: SalesmanagoSim,
  method: string,
  body: object,
  o: V2CallOptions = {},
): Promise<Answer> {
  const c = sim.credentials;
  const apiKey = o.apiKey ?? 'storebridge-test-key';
  const owner = o.owner === null ? {} : { owner: o.owner ?? c.owner };
  const auth = {
    clientId: c.clientId,
    apiKey,
    requestTime: Date.now(),
    sha: sim.sha(apiKey),
    ...owner,
    ...o.auth,
  };
  const res = await fetch(`${o.base ?? c.endpoint}/${method}`, {
    method: 'POST',
    headers: {
      accept: 'application/json, application/json',
      'content-type': 'application/json;charset=UTF-8',
    },
    body: JSON.stringify({ ...auth, ...body }),
  });
  return read(res);
}

export async function v3(
  sim: SalesmanagoSim,
  method: 'GET' | 'POST',
  path: string,
  body?: object,
  key?: string,
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const k = key ?? sim.credentials.v3ApiKey;
  if (k) headers['API-KEY'] = k;
  const res = await fetch(`${sim.credentials.v3Url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return read(res);
}

export async function simCall(sim: SalesmanagoSim, method: 'GET' | 'POST', path: string, body?: object) {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : undefined,
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

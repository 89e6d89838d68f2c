// Runs in: Node (vitest). Owns: a small HTTP client the Bloomreach simulator's tests share (real HTTP on loopback).
import { startBloomreachSim, type BloomreachSim, type BloomreachSimOptions } from './index.js';

export interface Answer {
  status: number;
  // Tests read arbitrary fields of vendor bodies.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

export interface Harness {
  sim: BloomreachSim;
  basic: string;
  track: (path: string) => string;
  data: (path: string) => string;
  call: (
    method: string,
    path: string,
    body?: unknown,
    auth?: string | null,
    headers?: Record<string, string>,
  ) => Promise<Answer>;
  /** POST with the default private key. */
  post: (path: string, body?: unknown) => Promise<Answer>;
  simPost: (path: string, body?: unknown) => Promise<Answer>;
}

export function basicAuth(keyId: string, secret: string): string {
  return 'Basic ' + Buffer.from(`${keyId}:${secret}`).toString('base64');
}

export async function startHarness(options: BloomreachSimOptions = {}): Promise<Harness> {
  const sim = await startBloomreachSim(options);
  const { projectToken, privateKey } = sim.credentials;
  const basic = basicAuth(privateKey.keyId, privateKey.secret);
  const call: Harness['call'] = async (method, path, body, auth = basic, headers = {}) => {
    const res = await fetch(sim.url + path, {
      method,
      headers: {
        ...(auth ? { authorization: auth } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // non-JSON answers (csv, faults) stay text
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  return {
    sim,
    basic,
    track: (p) => `/track/v2/projects/${projectToken}${p}`,
    data: (p) => `/data/v2/projects/${projectToken}${p}`,
    call,
    post: (path, body) => call('POST', path, body),
    simPost: (path, body) => call('POST', path, body ?? {}, null),
  };
}

/** A clock tests move by hand. */
export function manualClock(start = Date.UTC(2025, 0, 15, 12, 0, 0)): {
  now: () => number;
  advance: (ms: number) => void;
} {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

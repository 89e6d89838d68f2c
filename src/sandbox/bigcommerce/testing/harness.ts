// Runs in: Node (vitest). Owns: small helpers the simulator's tests share: a started simulator and a
// fetch wrapper that sends the store's token.
import { startBigCommerceSim, type BigCommerceSimOptions, type BigCommerceSim } from '../index.js';

export interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

export async function call(
  sim: BigCommerceSim,
  path: string,
  init: { method?: string; body?: unknown; token?: string | null; hash?: string } = {},
): Promise<Answer> {
  const store = init.hash ? sim.stores.find((s) => s.hash === init.hash)! : sim.stores[0]!;
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = init.token === undefined ? store.token : init.token;
  if (token !== null) headers['X-Auth-Token'] = token;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(store.apiBaseUrl + path, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined, headers: res.headers };
}

export function startSim(opts: BigCommerceSimOptions = {}): Promise<BigCommerceSim> {
  return startBigCommerceSim({
    stores: [{ hash: 'store1', seed: { customers: 60, products: 12, seed: 'spec' } }],
    ...opts,
  });
}

/** Polls `check` until it returns a value (no fixed sleeps). */
export async function waitFor<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error('waitFor: condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

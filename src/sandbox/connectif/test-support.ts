// Runs in: Node (vitest). Owns: a tiny HTTP client and clock shared by the Connectif simulator's tests.
import type { ConnectifSim } from './index.js';

export interface Answer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary response shapes
}

export function clock(start = Date.parse('2024-05-01T12:00:00Z')): {
  now: () => number;
  advance: (ms: number) => void;
} {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

export async function call(
  sim: ConnectifSim,
  method: string,
  path: string,
  body?: unknown,
  opts: { apiKey?: string | null; headers?: Record<string, string>; raw?: BodyInit } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...opts.headers };
  const key = opts.apiKey === undefined ? sim.credentials.apiKey : opts.apiKey;
  if (key !== null) headers['authorization'] = `apiKey ${key}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(sim.url + path, {
    method,
    headers,
    body: opts.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: CSV files and plain-text answers
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

export const product = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: `Product ${id}`,
  productDetailUrl: `http://127.0.0.1/products/${id}`,
  unitPrice: 10,
  ...extra,
});

export const purchase = (
  purchaseId: string,
  email: string,
  productIds: string[],
): Record<string, unknown> => ({
  purchaseId,
  contactEmail: email,
  purchaseDate: '2024-05-01T10:00:00Z',
  totalPrice: 10 * productIds.length,
  totalQuantity: productIds.length,
  products: productIds.map((id) => ({
    productId: id,
    name: `Product ${id}`,
    productDetailUrl: `http://127.0.0.1/products/${id}`,
    unitPrice: 10,
    quantity: 1,
    price: 10,
  })),
});

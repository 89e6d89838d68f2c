// Runs in: Node (simulators). Owns: the v2 envelope: `{success, message[]}` on HTTP 200 for success and
// failure alike (clients must read `success`, not the status).
import type { SimResponse } from '../../kit/index.js';

export function ok(extra: Record<string, unknown> = {}, messages: string[] = []): SimResponse {
  return { status: 200, body: { success: true, message: messages, ...extra } };
}

export function fail(...messages: string[]): SimResponse {
  return { status: 200, body: { success: false, message: messages } };
}

export type Body = Record<string, unknown>;

export function isObject(v: unknown): v is Body {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

// Runs in: main (Electron-free). Owns: checking a callback's Standard Webhooks signature (reference §5.5):
// `webhook-id`, `webhook-timestamp` and `webhook-signature` over the raw body, keyed by the API account's client secret.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The libraries BigCommerce points to reject timestamps further off than this (replays, or a wrong clock). */
export const SIGNATURE_TOLERANCE_S = 5 * 60;

export const SIGNATURE_HEADERS = {
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
} as const;

export type SignatureCheck =
  { ok: true } | { ok: false; kind: 'missing' | 'stale' | 'mismatch'; reason: string };

type HeaderValue = string | string[] | undefined;

/**
 * BigCommerce says to verify with `base64(client_secret)` as the library's secret, which the library decodes:
 * so the HMAC key is the client secret's own bytes.
 */
export function signPayload(clientSecret: string, id: string, timestamp: string, raw: Buffer): Buffer {
  return createHmac('sha256', Buffer.from(clientSecret, 'utf8'))
    .update(`${id}.${timestamp}.`)
    .update(raw)
    .digest();
}

export function checkSignature(
  headers: Record<string, HeaderValue>,
  raw: Buffer,
  clientSecret: string,
  nowMs: number,
): SignatureCheck {
  const id = one(headers[SIGNATURE_HEADERS.id]);
  const timestamp = one(headers[SIGNATURE_HEADERS.timestamp]);
  const signature = one(headers[SIGNATURE_HEADERS.signature]);
  if (!id || !timestamp || !signature)
    return {
      ok: false,
      kind: 'missing',
      reason: 'the webhook-id, webhook-timestamp or webhook-signature header is missing',
    };
  const seconds = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : NaN;
  const offS = Math.abs(nowMs / 1000 - seconds);
  if (!Number.isFinite(offS) || offS > SIGNATURE_TOLERANCE_S)
    return {
      ok: false,
      kind: 'stale',
      reason: Number.isFinite(offS)
        ? `the webhook timestamp is ${Math.round(offS)} s off this machine's clock (over ${SIGNATURE_TOLERANCE_S} s): a replay, or a wrong clock`
        : 'the webhook timestamp is not unix seconds',
    };
  const want = signPayload(clientSecret, id, timestamp, raw);
  // Several signatures may be sent (a key being rotated): one valid v1 signature is enough.
  const valid = signature
    .split(' ')
    .filter((s) => s.startsWith('v1,'))
    .some((s) => {
      const got = Buffer.from(s.slice(3), 'base64');
      return got.length === want.length && timingSafeEqual(got, want);
    });
  return valid
    ? { ok: true }
    : {
        ok: false,
        kind: 'mismatch',
        reason: 'the webhook signature does not match (a wrong client secret, or the body was changed)',
      };
}

function one(v: HeaderValue): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

// Runs in: vitest (Node). Owns: the receiver's Standard Webhooks check over real loopback HTTP: a valid signature,
// a tampered body, a wrong key, a stale timestamp, several signatures of which one is valid, and no check at all
// for a store without a client secret. Signatures are made here from the spec, not with the receiver's code.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOOK_PATH, SECRET_HEADER, WebhookReceiver, type Refusal } from './receiver.js';

const CLIENT_SECRET = 'bc-client-secret-0123456789abcdef';
const HOOK_SECRET = 'hook-secret-header-value';
const NOW = 1_763_900_000_000; // the injected clock, far from this machine's
let url: string;
let receiver: WebhookReceiver;
const accepted: string[] = [];
const refused: Refusal[] = [];

beforeAll(async () => {
  receiver = new WebhookReceiver({
    resolve: (token) =>
      token === 'signed'
        ? { storeId: 'store-signed', secret: HOOK_SECRET, clientSecret: CLIENT_SECRET }
        : token === 'plain'
          ? { storeId: 'store-plain', secret: HOOK_SECRET }
          : undefined,
    accepted: (storeId, cb) => accepted.push(`${storeId}:${cb.scope}`),
    refused: (r) => refused.push(r),
    now: () => NOW,
  });
  ({ url } = await receiver.start());
});
afterAll(() => receiver.close());

const body = JSON.stringify({
  scope: 'store/customer/updated',
  store_id: '1001',
  data: { type: 'customer', id: 7 },
  hash: 'abc',
  created_at: NOW / 1000,
  producer: 'stores/abc',
});

/** base64 HMAC-SHA256 over "{id}.{timestamp}.{body}", keyed by the client secret's bytes (reference §5.5). */
const sign = (key: string, id: string, ts: number, raw: string) =>
  `v1,${createHmac('sha256', key).update(`${id}.${ts}.${raw}`).digest('base64')}`;

async function post(path: string, raw: string, headers: Record<string, string>): Promise<number> {
  const res = await fetch(`${url}${HOOK_PATH}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SECRET_HEADER]: HOOK_SECRET, ...headers },
    body: raw,
  });
  await res.arrayBuffer();
  return res.status;
}

const signed = (o: { key?: string; ts?: number; raw?: string; signature?: string } = {}) => {
  const ts = o.ts ?? NOW / 1000;
  return {
    'webhook-id': 'msg_2Kq',
    'webhook-timestamp': String(ts),
    'webhook-signature': o.signature ?? sign(o.key ?? CLIENT_SECRET, 'msg_2Kq', ts, o.raw ?? body),
  };
};

async function expectRefused(status: number, kind: string) {
  expect(status).toBe(401);
  const r = refused.at(-1)!;
  expect(r).toMatchObject({ status: 401, storeId: 'store-signed', kind });
  // The reason names what failed; it carries neither the payload nor a secret.
  expect(r.reason).not.toContain(CLIENT_SECRET);
  expect(r.reason).not.toContain('store/customer');
}

describe('webhook signatures (store with a client secret)', () => {
  it('accepts a valid signature', async () => {
    expect(await post('signed', body, signed())).toBe(200);
    expect(accepted.at(-1)).toBe('store-signed:store/customer/updated');
  });

  it('refuses a tampered body', async () => {
    const tampered = body.replace('"id":7', '"id":8');
    expect(await post('signed', tampered, signed({ raw: body }))).toBe(401);
    await expectRefused(401, 'signature-mismatch');
  });

  it('refuses a signature made with another key', async () => {
    await expectRefused(
      await post('signed', body, signed({ key: 'another-secret-entirely' })),
      'signature-mismatch',
    );
  });

  it('refuses a timestamp more than 5 minutes off, and accepts one just within', async () => {
    await expectRefused(await post('signed', body, signed({ ts: NOW / 1000 - 301 })), 'signature-stale');
    await expectRefused(await post('signed', body, signed({ ts: NOW / 1000 + 301 })), 'signature-stale');
    expect(await post('signed', body, signed({ ts: NOW / 1000 - 299 }))).toBe(200);
  });

  it('accepts several signatures when one of them is valid', async () => {
    const good = sign(CLIENT_SECRET, 'msg_2Kq', NOW / 1000, body);
    const bad = sign('old-rotated-secret', 'msg_2Kq', NOW / 1000, body);
    expect(await post('signed', body, signed({ signature: `${bad} v2,abc ${good}` }))).toBe(200);
    await expectRefused(
      await post('signed', body, signed({ signature: `${bad} v1,` })),
      'signature-mismatch',
    );
  });

  it('refuses a call without the signature headers', async () => {
    await expectRefused(await post('signed', body, {}), 'signature-missing');
  });

  it('still checks the secret header when the signature is valid', async () => {
    const res = await fetch(`${url}${HOOK_PATH}/signed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SECRET_HEADER]: 'wrong', ...signed() },
      body,
    });
    expect(res.status).toBe(401);
    expect(refused.at(-1)).toMatchObject({ kind: 'secret' });
  });
});

describe('a store without a client secret', () => {
  it('accepts callbacks on the secret header alone, as before', async () => {
    expect(await post('plain', body, {})).toBe(200);
    expect(await post('plain', body, signed({ key: 'whatever' }))).toBe(200);
    expect(accepted.at(-1)).toBe('store-plain:store/customer/updated');
  });
});

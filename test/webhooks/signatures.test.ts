// Runs in: vitest (Node). Owns: Standard Webhooks signatures end to end: the BigCommerce simulator's real, signed
// callbacks over loopback to the receiver; without a client secret nothing changes (and the store status says
// signatures are not checked), with the right one callbacks pass, with a wrong one (or a replay) they are refused
// with a 401 and a `webhook.refused` event that names the store and the reason, never the payload or a secret.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeClientSecretAccount } from '../../src/main/stores/store-service.js';
import { HOOK_PATH, SECRET_HEADER } from '../../src/main/webhooks/receiver.js';
import type { WebhookService } from '../../src/main/webhooks/service.js';
import { HASH, startWebhookHarness, until, type WebhookHarness } from './harness.js';

const CLIENT_SECRET = 'bc_client_secret_5f2a9c1e7b3d';
let h: WebhookHarness;
let svc: WebhookService;
let receiverUrl: string;
let hookSecret: string;
let pathToken: string;

const deliveries = async () =>
  (await (await fetch(`${h.sim.url}/__sim/stores/${HASH}/webhooks/deliveries`)).json()) as Array<{
    scope: string;
    status: number;
    attempt: number;
  }>;
/** A change on the store: the simulator calls the customer hook. Resolves with that first attempt's status. */
async function changeCustomer(id: number, firstName: string): Promise<number> {
  const before = (await deliveries()).length;
  await fetch(`${h.sim.url}/__sim/stores/${HASH}/customers/${id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ first_name: firstName }),
  });
  // Retries of an earlier refused callback may land in between: only this change's first attempt counts.
  const d = await until(
    async () => (await deliveries()).slice(before).find((x) => x.attempt === 0),
    'the callback',
  );
  return d!.status;
}
const refusals = () => h.events.query({ type: 'webhook.refused' });

beforeAll(async () => {
  h = await startWebhookHarness({ simClientSecret: CLIENT_SECRET });
  ({ svc, url: receiverUrl } = await h.service());
  ({ secret: hookSecret, pathToken } = await svc.register(h.storeId));
  await h.extractor.historical('customers');
}, 20_000);
afterAll(async () => h?.close());

describe('webhook signatures through the simulator', () => {
  it('without a client secret: callbacks pass on the secret header, and the status says signatures are not checked', async () => {
    expect(await svc.realtimeFor(h.storeId)).toMatchObject({ signatures: 'not_checked' });
    expect(await changeCustomer(3, 'Unsigned')).toBe(200);
    await until(() => h.nudges.length >= 1, 'a nudge');
  });

  it('with the right client secret: signed callbacks pass and nudge an extraction', async () => {
    await h.stores.setClientSecret(h.storeId, CLIENT_SECRET);
    expect(await svc.realtimeFor(h.storeId)).toMatchObject({ signatures: 'verified' });
    const nudged = h.nudges.length;
    expect(await changeCustomer(4, 'Signed')).toBe(200);
    await until(() => h.nudges.length > nudged, 'a nudge');
    expect(refusals()).toHaveLength(0);
  });

  it('with a wrong client secret: the callback is refused with 401 and an event naming store and reason', async () => {
    await h.stores.setClientSecret(h.storeId, 'not_the_account_secret');
    const nudged = h.nudges.length;
    expect(await changeCustomer(5, 'Zebulon')).toBe(401);
    await until(() => refusals().length > 0, 'the refusal event');
    const [event] = refusals();
    expect(event).toMatchObject({ level: 'warn', storeId: h.storeId });
    expect(event!.message).toMatch(/\(401\): the webhook signature does not match/);
    const all = JSON.stringify(refusals());
    for (const s of [CLIENT_SECRET, 'not_the_account_secret', hookSecret, 'Zebulon', 'store/customer'])
      expect(all).not.toContain(s);
    expect(h.nudges.length).toBe(nudged);
  });

  it('refuses a replayed callback signed more than 5 minutes ago, and an unsigned one', async () => {
    await h.stores.setClientSecret(h.storeId, CLIENT_SECRET);
    const body = JSON.stringify({
      scope: 'store/customer/updated',
      data: { type: 'customer', id: 6 },
      hash: 'r1',
    });
    const ts = Math.floor(Date.now() / 1000) - 6 * 60;
    const mac = createHmac('sha256', CLIENT_SECRET).update(`msg_old.${ts}.${body}`).digest('base64');
    const post = (headers: Record<string, string>) =>
      fetch(`${receiverUrl}${HOOK_PATH}/${pathToken}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SECRET_HEADER]: hookSecret, ...headers },
        body,
      }).then((r) => r.status);
    const signed = {
      'webhook-id': 'msg_old',
      'webhook-timestamp': String(ts),
      'webhook-signature': `v1,${mac}`,
    };
    expect(await post(signed)).toBe(401);
    expect(await post({})).toBe(401);
    const reasons = refusals().map((e) => e.message);
    expect(reasons.some((m) => /timestamp is \d+ s off/.test(m))).toBe(true);
    expect(reasons.some((m) => /webhook-signature header is missing/.test(m))).toBe(true);
  });

  it('keeps the client secret in the keychain only: not in SQLite, the store summary or the event log', async () => {
    expect(JSON.stringify(h.stores.get(h.storeId))).not.toContain(CLIENT_SECRET);
    expect(JSON.stringify(h.events.query({}))).not.toContain(CLIENT_SECRET);
    for (const f of ['storebridge.db', 'storebridge.db-wal']) {
      let bytes = '';
      try {
        bytes = readFileSync(join(h.dir, f)).toString('latin1');
      } catch {
        continue;
      }
      expect(bytes.includes(CLIENT_SECRET), f).toBe(false);
    }
    // Cleared: back to the secret header alone.
    await h.stores.setClientSecret(h.storeId, null);
    expect(await svc.realtimeFor(h.storeId)).toMatchObject({ signatures: 'not_checked' });
    expect(await changeCustomer(7, 'Unsigned again')).toBe(200);
  });

  it('takes the client secret when a store is added, and removes it with the store', async () => {
    const added = await h.stores.add({
      name: 'Second',
      storeHash: 'second1',
      accessToken: 'tok_second_12345678',
      apiBaseUrl: h.sim.url,
      clientSecret: 'cs_second_store_secret',
    });
    expect(JSON.stringify(added)).not.toContain('cs_second_store_secret');
    expect(await h.stores.clientSecret(added.id)).toBe('cs_second_store_secret');
    expect(await h.secrets.get(storeClientSecretAccount(added.id))).toBe('cs_second_store_secret');
    await h.stores.remove(added.id);
    expect(await h.secrets.get(storeClientSecretAccount(added.id))).toBeUndefined();
  });
});

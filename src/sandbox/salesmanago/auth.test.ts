// Runs in: Node (vitest). Owns: v2 and v3 authentication against the simulator: the documented success
// and failure answers (HTTP 200 success:false for v2, 400 reasonCode 10 for v3), server binding, owners.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSalesmanagoSim, type SalesmanagoSim } from './index.js';
import { simCall, v2, v3 } from './testing.js';

let sim: SalesmanagoSim;
let clock = 1_750_000_000_000;
beforeAll(async () => {
  sim = await startSalesmanagoSim({ maxRequestAgeMs: 10 * 60_000, now: () => clock });
});
afterAll(() => sim.close());

const upsert = { contact: { email: 'ana@example.com' } };
const notAuthenticated = { success: false, message: ['Not authenticated'] };

describe('v2 auth', () => {
  it('accepts the documented body fields with sha1(apiKey + clientId + apiSecret)', async () => {
    clock = Date.now();
    const r = await v2(sim, 'contact/upsert', upsert);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ success: true, message: [] });
    expect(typeof r.body['contactId']).toBe('string');
  });

  it('answers HTTP 200 with success:false for a wrong sha, unknown client or missing field', async () => {
    clock = Date.now();
    for (const auth of [
      { sha: 'deadbeef' },
      { clientId: 'nobody' },
      { requestTime: undefined },
      { apiKey: '' },
    ]) {
      const r = await v2(sim, 'contact/upsert', upsert, { auth });
      expect(r.status).toBe(200);
      expect(r.body).toEqual(notAuthenticated);
    }
  });

  it('binds the account to its server: another server refuses it, the plain base accepts it', async () => {
    clock = Date.now();
    expect(sim.credentials.server).toBe('app3');
    const wrong = await v2(sim, 'contact/upsert', upsert, { base: sim.serverUrls['app2'] });
    expect(wrong.body).toEqual(notAuthenticated);
    const plain = await v2(sim, 'contact/upsert', upsert, { base: `${sim.url}/api` });
    expect(plain.body['success']).toBe(true);
    const unknown = await v2(sim, 'contact/upsert', upsert, { base: `${sim.url}/app9/api` });
    expect(unknown.status).toBe(404);
  });

  it('needs an owner who is an account user, except for the owner list', async () => {
    clock = Date.now();
    const stranger = await v2(sim, 'contact/upsert', upsert, { owner: 'someone@else.test' });
    expect(stranger.body).toEqual({ success: false, message: ['User not authenticated'] });
    const none = await v2(sim, 'contact/upsert', upsert, { owner: null });
    expect(none.body).toEqual({ success: false, message: ['User not authenticated'] });
    const owners = await v2(sim, 'user/listByClient', {}, { owner: null });
    expect(owners.body).toEqual({ success: true, message: [], users: sim.credentials.owners });
  });

  it('rejects a stale requestTime when configured, reading small values as seconds', async () => {
    clock = 1_750_000_000_000;
    const fresh = await v2(sim, 'contact/upsert', upsert, {
      auth: { requestTime: Math.floor(clock / 1000) },
    });
    expect(fresh.body['success']).toBe(true);
    const stale = await v2(sim, 'contact/upsert', upsert, { auth: { requestTime: clock - 11 * 60_000 } });
    expect(stale.body).toEqual(notAuthenticated);
  });

  it('refuses everything while the account is inactive', async () => {
    clock = Date.now();
    expect((await simCall(sim, 'POST', '/__sim/account', { active: false })).status).toBe(200);
    expect((await v2(sim, 'contact/upsert', upsert)).body).toEqual(notAuthenticated);
    await simCall(sim, 'POST', '/__sim/account', { active: true });
    expect((await v2(sim, 'contact/upsert', upsert)).body['success']).toBe(true);
  });

  it('answers an unknown method with 404 and GET with 405', async () => {
    clock = Date.now();
    expect((await v2(sim, 'contact/nope', {})).status).toBe(404);
    const get = await fetch(`${sim.credentials.endpoint}/contact/upsert`);
    expect(get.status).toBe(405);
    expect(await get.json()).toMatchObject({ success: false });
  });
});

describe('v3 auth', () => {
  it('needs the API-KEY header: missing or unknown keys get 400 with reasonCode 10', async () => {
    const ok = await v3(sim, 'GET', '/v3/product/catalogList');
    expect(ok.status).toBe(200);
    const missing = await v3(sim, 'GET', '/v3/product/catalogList', undefined, '');
    expect(missing.status).toBe(400);
    expect(missing.body['reasonCode']).toBe(10);
    expect(Array.isArray(missing.body['messages'])).toBe(true);
    expect((await v3(sim, 'GET', '/v3/product/catalogList', undefined, 'wrong')).body['reasonCode']).toBe(10);
  });

  it('stops accepting a revoked key', async () => {
    const key = sim.credentials.v3ApiKey;
    expect((await simCall(sim, 'POST', '/__sim/v3-keys/revoke', { key })).status).toBe(200);
    const r = await v3(sim, 'GET', '/v3/product/catalogList');
    expect(r.status).toBe(400);
    expect(r.body['reasonCode']).toBe(10);
    await simCall(sim, 'POST', '/__sim/reset');
    expect((await v3(sim, 'GET', '/v3/product/catalogList')).status).toBe(200);
  });
});

describe('request errors and several accounts', () => {
  it('answers a body that is not JSON in the API shape, and v3 unknown paths with messages', async () => {
    const res = await fetch(`${sim.credentials.endpoint}/contact/upsert`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"clientId": ',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ success: false });
    const v3res = await v3(sim, 'GET', '/v3/product/nothing');
    expect(v3res.status).toBe(404);
    expect(Array.isArray(v3res.body['messages'])).toBe(true);
  });

  it('keeps each account on its own server with its own contacts', async () => {
    const two = await startSalesmanagoSim({
      accounts: [
        { clientId: 'acc1', apiSecret: 's1', owners: ['a@one.test'], server: 'app3', v3ApiKeys: ['k1'] },
        { clientId: 'acc2', apiSecret: 's2', owners: ['b@two.test'], server: 'app2', v3ApiKeys: ['k2'] },
      ],
    });
    try {
      const second = two.accounts[1]!;
      expect(second.endpoint).toBe(`${two.url}/app2/api`);
      const body = {
        clientId: 'acc2',
        apiKey: 'x',
        requestTime: Date.now(),
        sha: two.sha('x', 'acc2'),
        owner: 'b@two.test',
        contact: { email: 'z@example.com' },
      };
      const post = (base: string) =>
        fetch(`${base}/contact/upsert`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }).then((r) => r.json() as Promise<{ success: boolean }>);
      expect((await post(second.endpoint)).success).toBe(true);
      expect((await post(two.accounts[0]!.endpoint)).success).toBe(false);
      expect(two.contacts('acc2')).toHaveLength(1);
      expect(two.contacts('acc1')).toHaveLength(0);
    } finally {
      await two.close();
    }
  });
});

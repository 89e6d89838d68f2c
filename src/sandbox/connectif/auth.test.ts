// Runs in: Node (vitest). Owns: tests of Connectif auth failures, scopes, the blocked account, the
// per-key rate limit with X-RateLimit-* headers, and store isolation between keys.
import { afterEach, describe, expect, it } from 'vitest';
import { startConnectifSim, type ConnectifSim } from './index.js';
import { call, clock } from './test-support.js';

let sim: ConnectifSim;
afterEach(() => sim.close());

describe('Connectif simulator: auth', () => {
  it('answers 401 with the HttpError envelope for missing, malformed and wrong keys', async () => {
    sim = await startConnectifSim();
    const missing = await call(sim, 'GET', '/store/', undefined, { apiKey: null });
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect(typeof missing.body.detail).toBe('string');

    const bearer = await call(sim, 'GET', '/store/', undefined, {
      apiKey: null,
      headers: { authorization: `Bearer ${sim.credentials.apiKey}` },
    });
    expect(bearer.status).toBe(401);
    const noSecret = await call(sim, 'GET', '/store/', undefined, { apiKey: sim.credentials.keyId });
    expect(noSecret.status).toBe(401);
    const wrong = await call(sim, 'GET', '/store/', undefined, { apiKey: `${sim.credentials.keyId}:nope` });
    expect(wrong.status).toBe(401);
    expect(wrong.body.detail).toBe('Invalid API key');

    const ok = await call(sim, 'GET', '/store/');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: 'store-1', currency: 'USD' });
  });

  it('answers 403 when the key lacks the scope or the account is blocked', async () => {
    sim = await startConnectifSim({
      stores: [{ keys: [{ id: 'reader', secret: 's', scopes: ['contacts:read'] }] }],
    });
    const denied = await call(sim, 'PATCH', '/contacts/a@example.com', { _name: 'A' });
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({
      status: 403,
      title: 'Forbidden',
      detail: 'Permission not granted to the API Key or account has been blocked',
    });
    expect((await call(sim, 'GET', '/contacts/a@example.com')).status).toBe(404);

    await fetch(`${sim.url}/__sim/account`, { method: 'PUT', body: JSON.stringify({ blocked: true }) });
    expect((await call(sim, 'GET', '/contacts/a@example.com')).status).toBe(403);
  });

  it('keeps each store (one per channel and currency) apart by its key', async () => {
    sim = await startConnectifSim({
      stores: [
        { id: 'usd', currency: 'USD', keys: [{ id: 'k-usd', secret: 'a' }] },
        { id: 'eur', currency: 'EUR', keys: [{ id: 'k-eur', secret: 'b' }] },
      ],
    });
    const eur = sim.allCredentials.find((c) => c.storeId === 'eur')!;
    expect((await call(sim, 'PATCH', '/contacts/x@example.com', {}, { apiKey: eur.apiKey })).status).toBe(
      200,
    );
    expect(sim.store('eur').contacts.size).toBe(1);
    expect(sim.store('usd').contacts.size).toBe(0);
    expect((await call(sim, 'GET', '/contacts/x@example.com')).status).toBe(404);
    expect((await call(sim, 'GET', '/store/', undefined, { apiKey: eur.apiKey })).body.currency).toBe('EUR');
  });

  it('answers unknown routes with a 404 envelope', async () => {
    sim = await startConnectifSim();
    const r = await call(sim, 'GET', '/nothing-here');
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ status: 404, title: 'Not Found' });
  });
});

describe('Connectif simulator: rate limit', () => {
  it('allows exactly the limit per key, then 429 "Requests rate limit reached", then recovers', async () => {
    const c = clock();
    sim = await startConnectifSim({ now: c.now, rateLimit: { limit: 3, windowMs: 60_000 } });
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await call(sim, 'GET', '/store/');
      expect(r.status).toBe(200);
      remaining.push(r.headers.get('x-ratelimit-remaining')!);
      expect(r.headers.get('x-ratelimit-limit')).toBe('3');
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const over = await call(sim, 'GET', '/store/');
    expect(over.status).toBe(429);
    expect(over.body).toEqual({
      status: 429,
      title: 'Too Many Requests',
      detail: 'Requests rate limit reached',
    });
    expect(Number(over.headers.get('x-ratelimit-reset'))).toBe(Math.ceil((c.now() + 60_000) / 1000));

    // Over-limit requests are not applied.
    const blocked = await call(sim, 'PATCH', '/contacts/late@example.com', { _name: 'Late' });
    expect(blocked.status).toBe(429);
    expect(sim.contacts.size).toBe(0);

    c.advance(60_000);
    const again = await call(sim, 'GET', '/store/');
    expect(again.status).toBe(200);
    expect(again.headers.get('x-ratelimit-remaining')).toBe('2');
  });

  it('counts per key, and can drop the headers', async () => {
    sim = await startConnectifSim({
      rateLimit: { limit: 1, windowMs: 60_000, headers: false },
      stores: [
        {
          keys: [
            { id: 'a', secret: '1' },
            { id: 'b', secret: '2' },
          ],
        },
      ],
    });
    expect((await call(sim, 'GET', '/store/', undefined, { apiKey: 'a:1' })).status).toBe(200);
    const second = await call(sim, 'GET', '/store/', undefined, { apiKey: 'a:1' });
    expect(second.status).toBe(429);
    expect(second.headers.get('x-ratelimit-limit')).toBeNull();
    expect((await call(sim, 'GET', '/store/', undefined, { apiKey: 'b:2' })).status).toBe(200);
  });
});

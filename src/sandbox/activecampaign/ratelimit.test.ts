// Runs in: Node (vitest). Owns: tests of the per-account request limit and the bulk importer's own limits.
import { afterEach, describe, expect, it } from 'vitest';
import { startClient, until, type Client } from './test-helpers.js';

let c: Client;
afterEach(async () => c.sim.close());

describe('rate limit', () => {
  it('allows exactly 5 requests per window, then 429 with Retry-After, then recovers after the window', async () => {
    c = await startClient({ rateLimit: 5, rateWindowMs: 400 });
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await c.ac('GET', '/contacts');
      expect(r.status).toBe(200);
      expect(r.headers.get('ratelimit-limit')).toBe('5');
      remaining.push(r.headers.get('ratelimit-remaining') ?? '');
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    const over = await c.ac('GET', '/contacts');
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(over.headers.get('ratelimit-remaining')).toBe('0');
    await until(async () => (await c.ac('GET', '/contacts')).status === 200);
  });

  it('shares one window across every key of the account, and other apps can spend it', async () => {
    let t = 1_000_000;
    c = await startClient({ rateLimit: 5, rateWindowMs: 1_000, now: () => t });
    const [k1, k2] = c.sim.credentials.accounts[0]!.apiKeys;
    for (let i = 0; i < 3; i++) expect((await c.ac('GET', '/tags', undefined, k1)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await c.ac('GET', '/tags', undefined, k2)).status).toBe(200);
    const over = await c.ac('GET', '/tags', undefined, k1);
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('1');
    t += 1_000;
    expect((await c.ac('GET', '/tags', undefined, k2)).status).toBe(200);
    await c.sim$('POST', '/__sim/ratelimit/consume', { n: 4 });
    expect((await c.ac('GET', '/tags')).status).toBe(429);
  });

  it('limits bulk imports separately: single-contact requests at 20 and multi-contact at 100 per window', async () => {
    let t = 5_000_000;
    c = await startClient({ bulkSingleLimit: 2, bulkMultiLimit: 3, bulkWindowMs: 60_000, now: () => t });
    const one = { contacts: [{ email: 'a@example.com' }] };
    const two = { contacts: [{ email: 'a@example.com' }, { email: 'b@example.com' }] };
    const statuses = async (body: unknown, n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await c.ac('POST', '/import/bulk_import', body)).status);
      return out;
    };
    expect(await statuses(one, 3)).toEqual([200, 200, 429]);
    expect(await statuses(two, 4)).toEqual([200, 200, 200, 429]);
    t += 60_000;
    expect(await statuses(one, 1)).toEqual([200]);
  });
});

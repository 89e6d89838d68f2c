// Runs in: Node (vitest). Owns: the (assumed) per-account request limit: exactly `limit` requests pass,
// the next gets 429 with Retry-After in the API's own shape, and the window's end lets requests through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSalesmanagoSim, type SalesmanagoSim } from './index.js';
import { v2, v3 } from './testing.js';

let sim: SalesmanagoSim;
let clock = 5_000_000;
beforeAll(async () => {
  sim = await startSalesmanagoSim({ rateLimit: { limit: 4, windowMs: 60_000 }, now: () => clock });
});
afterAll(() => sim.close());

describe('rate limit', () => {
  it('passes exactly the limit, answers 429 after, and recovers when the window ends', async () => {
    for (let i = 0; i < 3; i++) {
      expect(
        (await v2(sim, 'contact/upsert', { contact: { email: `r${i}@example.com` } })).body['success'],
      ).toBe(true);
    }
    // v2 and v3 count against the same account.
    expect((await v3(sim, 'GET', '/v3/product/catalogList')).status).toBe(200);
    const over = await v2(sim, 'contact/upsert', { contact: { email: 'r9@example.com' } });
    expect(over.status).toBe(429);
    expect(over.body).toEqual({ success: false, message: ['Too many requests'] });
    expect(over.headers.get('retry-after')).toBe('60');
    const overV3 = await v3(sim, 'GET', '/v3/product/catalogList');
    expect(overV3).toMatchObject({ status: 429, body: { messages: ['Too many requests'] } });
    expect(sim.contact('r9@example.com')).toBeUndefined();

    clock += 45_000;
    expect(
      (await v2(sim, 'contact/upsert', { contact: { email: 'r9@example.com' } })).headers.get('retry-after'),
    ).toBe('15');
    clock += 15_000;
    const after = await v2(sim, 'contact/upsert', { contact: { email: 'r9@example.com' } });
    expect(after.body['success']).toBe(true);
  });

  it('does not count requests that fail authentication', async () => {
    clock += 60_000;
    for (let i = 0; i < 10; i++)
      await v2(sim, 'contact/upsert', { contact: { email: 'x@example.com' } }, { auth: { sha: 'bad' } });
    expect((await v2(sim, 'contact/upsert', { contact: { email: 'x@example.com' } })).status).toBe(200);
  });
});

// Runs in: Node (vitest). Owns: tests of both rate-limit schemes (tiered 429 with x-ratelimit-* headers,
// legacy flat ERROR_APIUSAGE_EXCEEDED) and the 20-per-hour enrolment allowance, on an injected clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DotdigitalSim, startDotdigitalSim } from './index.js';
import { TestClient } from './test-client.js';

describe('dotdigital rate limits', () => {
  let t = 1_700_000_000_000;
  let sim: DotdigitalSim;
  let tiered: TestClient;
  let flat: TestClient;
  beforeAll(async () => {
    sim = await startDotdigitalSim({
      now: () => t,
      accounts: [
        { username: 'tiered@apiconnector.com', password: 'Passw0rd!', region: 'r1', rateScheme: 'tiered' },
        { username: 'flat@apiconnector.com', password: 'Passw0rd!', region: 'r1', rateScheme: 'flat' },
      ],
      rateLimits: {
        tiers: { low: 3, medium: 5, high: 4 },
        tierWindowMs: 60_000,
        flatLimit: 4,
        flatWindowMs: 3_600_000,
        enrolmentLimit: 2,
      },
    });
    tiered = new TestClient(sim.url, 'tiered@apiconnector.com', 'Passw0rd!');
    flat = new TestClient(sim.url, 'flat@apiconnector.com', 'Passw0rd!');
  });
  afterAll(() => sim.close());

  it('allows exactly the tier limit, then 429 with its headers, tiers apart, then recovers', async () => {
    for (let i = 0; i < 3; i++) {
      const a = await tiered.get('/v2/address-books');
      expect(a.status).toBe(200);
      expect(a.headers.get('x-ratelimit-scope')).toBe('low');
      expect(a.headers.get('x-ratelimit-remaining')).toBe(String(2 - i));
    }
    const over = await tiered.get('/v2/address-books');
    expect(over.status).toBe(429);
    expect(over.headers.get('x-ratelimit-limit')).toBe('3');
    expect(over.headers.get('x-ratelimit-scope')).toBe('low');
    expect(over.headers.get('x-ratelimit-reset')).toBe('60');
    // Another tier has its own counter.
    expect((await tiered.get('/v2/data-fields')).status).toBe(200);
    t += 30_000;
    expect((await tiered.get('/v2/address-books')).headers.get('x-ratelimit-reset')).toBe('30');
    t += 30_000;
    expect((await tiered.get('/v2/address-books')).status).toBe(200);
  });

  it('answers the legacy scheme with 400 ERROR_APIUSAGE_EXCEEDED over its rolling hour', async () => {
    for (let i = 0; i < 4; i++) expect((await flat.get('/v2/data-fields')).status).toBe(200);
    const over = await flat.get('/v2/data-fields');
    expect(over.status).toBe(400);
    expect((over.body as { message: string }).message).toMatch(
      /temporarily capped.*ERROR_APIUSAGE_EXCEEDED$/,
    );
    t += 3_600_000;
    expect((await flat.get('/v2/data-fields')).status).toBe(200);
  });

  it('counts calls made by another app on the same API user', async () => {
    t += 60_000;
    await new TestClient(sim.url).post('/__sim/rate-limit/consume?account=tiered@apiconnector.com', {
      tier: 'high',
      units: 4,
    });
    expect((await tiered.get('/v2/contacts/1')).status).toBe(429);
  });

  it('caps program enrolments per hour with ERROR_ENROLMENT_ALLOWANCE_EXCEEDED', async () => {
    t += 60_000;
    const c = (await tiered.post('/v2/contacts', { email: 'e@example.com' })).body as { id: number };
    for (let i = 0; i < 2; i++)
      expect(
        (await tiered.post('/v2/programs/enrolments', { programId: 1001, contacts: [c.id] })).status,
      ).toBe(201);
    const over = await tiered.post('/v2/programs/enrolments', { programId: 1001, contacts: [c.id] });
    expect(over.status).toBe(400);
    expect((over.body as { message: string }).message).toMatch(/ERROR_ENROLMENT_ALLOWANCE_EXCEEDED$/);
    t += 3_600_000;
    expect((await tiered.post('/v2/programs/enrolments', { programId: 1001, contacts: [c.id] })).status).toBe(
      201,
    );
  });
});

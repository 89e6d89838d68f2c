// Runs in: vitest. Owns: the wizard's round trip against the Bloomreach simulator: a fresh reserved identity
// each run; a read-back that misses (writes applied later than the wait) names its fix and still anonymises;
// and a key without GDPR export fails the read with the permission to add.
import { describe, expect, it } from 'vitest';
import { createBloomreachConnector } from '../../../src/main/platforms/bloomreach/index.js';
import { closedAfterEach, outcomes, RESERVED_EMAIL } from '../shared/roundtrip-fixture.js';
import { harness, type Harness } from './harness.js';

const track = closedAfterEach<Harness>();

const connector = createBloomreachConnector({ roundTripPollMs: 20, roundTripMaxWaitMs: 300 });
const testIds = (h: Harness) =>
  h.sim
    .customers()
    .map((c) => (c['ids'] as Record<string, unknown>)['email_id'])
    .flat()
    .map(String);

describe('Bloomreach round trip', () => {
  it('uses a new reserved identity each run and leaves each test customer anonymised', async () => {
    const h = track(await harness());
    const first = await connector.roundTrip(h.ctx);
    const second = await connector.roundTrip(h.ctx);
    expect([...first, ...second].every((c) => c.ok)).toBe(true);
    const emails = [first, second].map((r) => RESERVED_EMAIL.exec(r[0]!.detail)?.[0]);
    expect(emails[0]).toBeTruthy();
    expect(emails[0]).not.toBe(emails[1]);
    h.sim.flush();
    expect(testIds(h).filter((e) => e.startsWith('storebridge-verify'))).toEqual([]);
    expect(connector.roundTripWrites).toMatch(/no event is tracked/);
  });

  it('a read-back that misses (the write is applied after the wait) names its fix, and who to anonymise later', async () => {
    const h = track(await harness({ sim: { writeDelayMs: 1_500 } }));
    const checks = await connector.roundTrip(h.ctx);
    expect(outcomes(checks)).toEqual([
      ['roundtrip-write', true],
      ['roundtrip-read', false],
      ['roundtrip-remove', false],
    ]);
    expect(checks[1]!.detail).toMatch(/not there .* 300 ms/);
    expect(checks[1]!.fix).toMatch(/queues writes/);
    // The anonymisation was tried and found nothing yet: the user is told which test customer to anonymise.
    expect(checks[2]!.fix).toMatch(/anonymise storebridge-verify\+[0-9a-f]{8}@example\.invalid/);
  });

  it('a key without GDPR export fails the read with the permission to add', async () => {
    const h = track(
      await harness({
        sim: {
          privateKeys: [
            { keyId: 'k', secret: 's', permissions: ['customers.set', 'gdpr.anonymize', 'events.set:*'] },
          ],
        },
        credentials: { apiKeyId: 'k', apiSecret: 's' },
      }),
    );
    const checks = await connector.roundTrip(h.ctx);
    expect(outcomes(checks)).toEqual([
      ['roundtrip-write', true],
      ['roundtrip-read', false],
      ['roundtrip-remove', true],
    ]);
    expect(checks[1]!.fix).toMatch(/GDPR > Export customer/);
  });
});

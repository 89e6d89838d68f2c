// Runs in: vitest. Owns: every kit fault switch (5xx, timeout, reset, malformed, down, slow) and a closed
// port, struck mid-run, ending with zero loss after draining again; both rate-limit schemes.
import { describe, expect, it } from 'vitest';
import type { Fault } from '../../../src/sandbox/kit/index.js';
import { customer, staged } from './fixtures.js';
import { type SimContact, startHarness } from './harness.js';

const live = (n: number, from = 100) =>
  Array.from({ length: n }, (_, i) =>
    staged('customers', from + i, customer(from + i, `c${from + i}@example.com`), { historical: false }),
  );
const historical = (n: number, from = 300) =>
  Array.from({ length: n }, (_, i) =>
    staged('customers', from + i, customer(from + i, `h${from + i}@example.com`)),
  );

const faults: Array<[string, Fault]> = [
  ['status 503', { kind: 'status', status: 503, count: 2, after: 2 }],
  ['timeout', { kind: 'timeout', delayMs: 600, count: 1, after: 2 }],
  ['reset', { kind: 'reset', count: 1, after: 2 }],
  ['malformed', { kind: 'malformed', count: 2, after: 1 }],
  ['down', { kind: 'down', count: 1, after: 3 }],
  ['slow', { kind: 'slow', delayMs: 150, count: 3 }],
  ['reset on the first call', { kind: 'reset', count: 1 }],
];

describe('dotdigital under faults', () => {
  for (const [name, fault] of faults)
    it(`${name}: every record arrives, none is lost or dead`, async () => {
      const h = await startHarness({ timeoutMs: 300 });
      h.enqueue(live(6));
      await h.ctl.fault(fault);
      await h.settle();
      expect(h.queue.stats('conn-a')).toMatchObject({ queued: 0, dead: 0, submitted: 0 });
      const contacts = await h.simGet<SimContact[]>('/__sim/contacts');
      expect(contacts.map((c) => c.identifiers.email).sort()).toEqual(
        Array.from({ length: 6 }, (_, i) => `c${100 + i}@example.com`).sort(),
      );
      // The fault really struck: a fault with a count leaves the board once it has fired that often.
      expect(await h.simGet('/__sim/faults')).toEqual([]);
      if (fault.kind !== 'slow')
        expect(h.events.some((e) => e.type === 'delivery.retry' || e.type === 'connection.unreachable')).toBe(
          true,
        );
    });

  it('a historical import whose status poll is faulted is confirmed later, once', async () => {
    const h = await startHarness({ timeoutMs: 300 });
    h.enqueue(historical(5));
    await h.ctl.fault({ kind: 'malformed', pathIncludes: '/contacts/v3/import/', count: 1 });
    await h.ctl.fault({ kind: 'status', status: 502, pathIncludes: '/contacts/v3/import/', count: 1 });
    await h.settle();
    expect(h.queue.stats('conn-a')).toMatchObject({ dead: 0, submitted: 0 });
    expect((await h.simGet<SimContact[]>('/__sim/contacts')).length).toBe(5);
    expect(h.requests().filter((r) => r.method === 'PUT' && r.path === '/contacts/v3/import')).toHaveLength(
      1,
    );
  });

  it('a closed port opens the breaker without spending attempts, then the backlog flows', async () => {
    const h = await startHarness({ timeoutMs: 300, maxAttempts: 2 });
    h.enqueue(live(4));
    await h.sim.servers.r1.down();
    const { drainConnection } = await import('../../../src/main/engine/deliver/drain.js');
    const out = await drainConnection(h.rt, h.deps, new AbortController().signal);
    expect(out.state).toBe('offline');
    expect(h.queue.stats('conn-a')).toMatchObject({ queued: 4, dead: 0 });
    expect(h.events.some((e) => e.type === 'connection.unreachable')).toBe(true);
    // Still down at the probes: nothing dies even with a 2-attempt budget.
    for (let i = 0; i < 3; i++) {
      h.clock.advance(10_000);
      await drainConnection(h.rt, h.deps, new AbortController().signal);
    }
    expect(h.queue.stats('conn-a')).toMatchObject({ queued: 4, dead: 0 });
    await h.sim.servers.r1.up();
    await h.settle();
    expect((await h.simGet<SimContact[]>('/__sim/contacts')).length).toBe(4);
  });
});

/** A short mapping, so setup creates no data fields and spends little of a scaled-down limit. */
const names = { fieldMapping: { first_name: 'FIRSTNAME', last_name: 'LASTNAME' } };

describe('dotdigital refusing the API user', () => {
  it('a rejected password pauses the connection instead of dead-lettering records', async () => {
    const h = await startHarness({ maxAttempts: 2 });
    h.enqueue(live(3));
    h.ctx.credentials = { ...h.ctx.credentials, password: 'Changed-pass-7' };
    const { drainConnection } = await import('../../../src/main/engine/deliver/drain.js');
    for (let i = 0; i < 4; i++) {
      await drainConnection(h.rt, h.deps, new AbortController().signal);
      h.clock.advance(10_000);
    }
    expect(h.queue.stats('conn-a')).toMatchObject({ queued: 3, dead: 0 });
    expect(h.events.some((e) => e.message.includes('Settings > Access > API users'))).toBe(true);
  });
});

describe('dotdigital rate limits', () => {
  it('tiered: a 429 pauses for x-ratelimit-reset and everything arrives', async () => {
    const h = await startHarness({
      settings: names,
      sim: { rateLimits: { tiers: { low: 100, medium: 4, high: 100 }, tierWindowMs: 2_000 } },
    });
    h.enqueue(live(10));
    await h.settle();
    expect(h.queue.stats('conn-a')).toMatchObject({ dead: 0, queued: 0 });
    expect((await h.simGet<SimContact[]>('/__sim/contacts')).length).toBe(10);
    const limited = h.requests().filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    // After a 429 the rest of the batch waited instead of hammering: one 429 per window at most.
    expect(limited.length).toBeLessThanOrEqual(3);
    expect(h.events.some((e) => e.message.includes('dotdigital rate limit (medium)'))).toBe(true);
  });

  it('another app spending the allowance is waited out too', async () => {
    const h = await startHarness({
      settings: names,
      sim: { rateLimits: { tiers: { low: 100, medium: 5, high: 100 }, tierWindowMs: 5_000 } },
    });
    await h.simPost('/__sim/rate-limit/consume', { tier: 'medium', units: 5 });
    h.enqueue(live(3));
    await h.settle();
    expect((await h.simGet<SimContact[]>('/__sim/contacts')).length).toBe(3);
  });

  it('flat scheme: ERROR_APIUSAGE_EXCEEDED (400) is retried after a pause, not dead-lettered', async () => {
    const h = await startHarness({
      settings: names,
      sim: {
        accounts: [
          {
            username: 'apiuser-flat@apiconnector.com',
            password: 'Flat-pass-1',
            region: 'r1',
            rateScheme: 'flat',
          },
        ],
        rateLimits: { flatLimit: 20, flatWindowMs: 120_000 },
      },
    });
    h.enqueue(live(25));
    await h.settle(200);
    expect(h.queue.stats('conn-a')).toMatchObject({ dead: 0, queued: 0 });
    expect((await h.simGet<SimContact[]>('/__sim/contacts')).length).toBe(25);
    expect(h.events.some((e) => e.message.includes('ERROR_APIUSAGE_EXCEEDED'))).toBe(true);
  });
});

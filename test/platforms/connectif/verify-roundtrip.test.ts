// Runs in: vitest. Owns: the wizard's round trip against the Connectif simulator: a reserved test contact with a
// name only, read back by email and deleted; a read-back that fails (a fault on the lookup) names its fix and
// still deletes the test contact; and a key without the delete scope is told which scope to add.
import { describe, expect, it } from 'vitest';
import {
  connectifSettingsSchema,
  createConnectifConnector,
} from '../../../src/main/platforms/connectif/index.js';
import { SimControl } from '../../../src/sandbox/kit/index.js';
import {
  startConnectifSim,
  type ConnectifSim,
  type ConnectifSimOptions,
} from '../../../src/sandbox/connectif/index.js';
import { closedAfterEach, outcomes, RESERVED_EMAIL, roundTripContext } from '../shared/roundtrip-fixture.js';

const track = closedAfterEach<ConnectifSim>();

const connector = createConnectifConnector({ roundTripPollMs: 20, roundTripMaxWaitMs: 500 });

async function setup(o: ConnectifSimOptions = {}) {
  const sim = track(await startConnectifSim({ rateLimit: { limit: 100_000, windowMs: 60_000 }, ...o }));
  const ctx = roundTripContext(
    { apiUrl: sim.url, apiKey: sim.credentials.apiKey },
    connectifSettingsSchema.parse({
      storeUrl: 'https://shop.example.com',
      requestsPerMinute: 100_000,
      timeoutMs: 2_000,
    }),
    'Connectif',
  );
  return { sim, ctl: new SimControl(sim.url), ctx };
}

describe('Connectif round trip', () => {
  it('writes a reserved test contact with a name only, reads it back, deletes it', async () => {
    const { sim, ctl, ctx } = await setup();
    const checks = await connector.roundTrip!(ctx);
    expect(outcomes(checks)).toEqual([
      ['roundtrip-write', true],
      ['roundtrip-read', true],
      ['roundtrip-remove', true],
    ]);
    expect(checks[0]!.detail).toMatch(RESERVED_EMAIL);
    const writes = (await ctl.requests()).filter((r) => r.method !== 'GET' && r.path.startsWith('/contacts'));
    expect(writes.map((r) => r.method)).toEqual(['PATCH', 'DELETE']);
    expect(sim.contacts.size).toBe(0);
    expect(connector.roundTripWrites).toMatch(/no newsletter status/);
  });

  it('a read-back that fails is named with its fix, and the test contact is still deleted', async () => {
    const { sim, ctl, ctx } = await setup();
    await ctl.fault({ kind: 'status', status: 502, method: 'GET', pathIncludes: '/contacts/' });
    const checks = await connector.roundTrip!(ctx);
    expect(outcomes(checks)).toEqual([
      ['roundtrip-write', true],
      ['roundtrip-read', false],
      ['roundtrip-remove', true],
    ]);
    expect(checks[1]!.detail).toMatch(/502/);
    expect(checks[1]!.fix).toMatch(/run the check again/);
    expect(sim.contacts.size).toBe(0);
  });

  it('a key that may not delete contacts leaves the removal failed with what to do', async () => {
    const { sim, ctx } = await setup({
      stores: [
        {
          keys: [
            {
              id: 'k1',
              secret: 's1',
              scopes: ['contacts:read', 'contacts:write', 'store:read'],
            },
          ],
        },
      ],
    });
    const checks = await connector.roundTrip!({
      ...ctx,
      credentials: { ...ctx.credentials, apiKey: 'k1:s1' },
    });
    expect(outcomes(checks)).toEqual([
      ['roundtrip-write', true],
      ['roundtrip-read', true],
      ['roundtrip-remove', false],
    ]);
    expect(checks[2]!.fix).toMatch(/API Keys.*delete/);
    expect(sim.contacts.size).toBe(1);
  });
});

// Runs in: vitest. Owns: the wizard's round trip against the dotdigital simulator: a reserved test contact in
// no address book, read back with the v3 API and deleted; and a read-back that fails (a fault on the lookup)
// names its fix and still deletes the test contact.
import { describe, expect, it } from 'vitest';
import {
  createDotdigitalConnector,
  dotdigitalSettingsSchema,
} from '../../../src/main/platforms/dotdigital/index.js';
import { SimControl } from '../../../src/sandbox/kit/index.js';
import { startDotdigitalSim, type DotdigitalSim } from '../../../src/sandbox/dotdigital/index.js';
import { closedAfterEach, outcomes, RESERVED_EMAIL, roundTripContext } from '../shared/roundtrip-fixture.js';
import { simCredentials } from './credentials.js';

const track = closedAfterEach<DotdigitalSim>();

const connector = createDotdigitalConnector({
  timeoutMs: 2_000,
  roundTripPollMs: 20,
  roundTripMaxWaitMs: 500,
});

async function setup() {
  const sim = track(await startDotdigitalSim());
  const ctx = roundTripContext(
    simCredentials(sim),
    dotdigitalSettingsSchema.parse({ customersAddressBookId: 2, subscribersAddressBookId: 3 }),
    'dotdigital',
  );
  return { sim, ctl: new SimControl(sim.url), ctx };
}

describe('dotdigital round trip', () => {
  it('writes a reserved test contact in no address book, reads it back, deletes it', async () => {
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
    expect([...sim.store().contacts.values()]).toEqual([]);
    expect(connector.roundTripWrites).toMatch(/no address book/);
  });

  it('a read-back that fails is named with its fix, and the test contact is still deleted', async () => {
    const { sim, ctl, ctx } = await setup();
    await ctl.fault({ kind: 'status', status: 500, method: 'GET', pathIncludes: '/contacts/v3' });
    const checks = await connector.roundTrip!(ctx);
    expect(outcomes(checks)).toEqual([
      ['roundtrip-write', true],
      ['roundtrip-read', false],
      ['roundtrip-remove', true],
    ]);
    expect(checks[1]!.detail).toMatch(/500/);
    expect(checks[1]!.fix).toMatch(/refused the call/);
    expect([...sim.store().contacts.values()]).toEqual([]);
  });

  it('wrong credentials fail the write with where to fix them', async () => {
    const { ctx } = await setup();
    const checks = await connector.roundTrip!({
      ...ctx,
      credentials: { ...ctx.credentials, password: 'nope' },
    });
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ id: 'roundtrip-write', ok: false });
    expect(checks[0]!.fix).toMatch(/API users/);
  });
});

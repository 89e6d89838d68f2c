// Runs in: vitest. Owns: the wizard's round trip against the SALESmanago simulator: a reserved test contact,
// opted out and without tags, read back with contact/list and deleted; and a read-back that fails (a fault on
// contact/list) names its fix and still deletes the test contact.
import { describe, expect, it } from 'vitest';
import {
  createSalesmanagoConnector,
  salesmanagoSettingsSchema,
} from '../../../src/main/platforms/salesmanago/index.js';
import { SimControl } from '../../../src/sandbox/kit/index.js';
import { startSalesmanagoSim, type SalesmanagoSim } from '../../../src/sandbox/salesmanago/index.js';
import { closedAfterEach, outcomes, roundTripContext } from '../shared/roundtrip-fixture.js';

const track = closedAfterEach<SalesmanagoSim>();

const connector = createSalesmanagoConnector({
  timeoutMs: 2_000,
  roundTripPollMs: 20,
  roundTripMaxWaitMs: 500,
});

async function setup() {
  const sim = track(await startSalesmanagoSim());
  const a = sim.credentials;
  const ctx = roundTripContext(
    {
      clientId: a.clientId,
      apiKey: 'storebridge-test',
      apiSecret: a.apiSecret,
      owner: a.owner,
      endpoint: a.endpoint,
    },
    salesmanagoSettingsSchema.parse({ location: 'bc-1', shopDomain: 'shop.example.com' }),
    'SALESmanago',
  );
  return { sim, ctl: new SimControl(sim.url), ctx };
}

describe('SALESmanago round trip', () => {
  it('writes a reserved test contact (opted out, no tags), reads it back, deletes it', async () => {
    const { sim, ctx } = await setup();
    const checks = await connector.roundTrip!(ctx);
    expect(outcomes(checks)).toEqual([
      ['roundtrip-write', true],
      ['roundtrip-read', true],
      ['roundtrip-remove', true],
    ]);
    const [contact] = sim.contacts();
    expect(contact?.email).toMatch(/^storebridge-verify\+[0-9a-f]{8}@example\.invalid$/);
    expect(contact).toMatchObject({ deleted: true, optedOut: true });
    expect(contact?.tags ?? []).toHaveLength(0);
    expect(connector.roundTripWrites).toMatch(/without tags/);
  });

  it('a read-back that fails is named with its fix, and the test contact is still deleted', async () => {
    const { sim, ctl, ctx } = await setup();
    await ctl.fault({ kind: 'status', status: 500, pathIncludes: 'contact/list' });
    const checks = await connector.roundTrip!(ctx);
    expect(outcomes(checks)).toEqual([
      ['roundtrip-write', true],
      ['roundtrip-read', false],
      ['roundtrip-remove', true],
    ]);
    expect(checks[1]!.detail).toMatch(/500/);
    expect(checks[1]!.fix).toMatch(/run the check again/);
    expect(sim.contacts().every((c) => c.deleted)).toBe(true);
  });

  it('an owner who is not a user of the account fails the write with where to fix it', async () => {
    const { ctx } = await setup();
    const checks = await connector.roundTrip!({
      ...ctx,
      credentials: { ...ctx.credentials, owner: 'nobody@example.com' },
    });
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ id: 'roundtrip-write', ok: false });
    expect(checks[0]!.fix).toMatch(/owner/);
  });
});

// Runs in: vitest. Owns: the wizard's round trip against the SALESmanago simulator: a reserved test contact,
// opted out and without tags, read back with contact/list and deleted; and a read-back that fails (a fault on
// contact/list) names its fix and still deletes the test contact.
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/main/core/clock.js';
import { silentLogger } from '../../../src/main/core/logger.js';
import {
  createSalesmanagoConnector,
  salesmanagoSettingsSchema,
} from '../../../src/main/platforms/salesmanago/index.js';
import { SimControl } from '../../../src/sandbox/kit/index.js';
import { startSalesmanagoSim, type SalesmanagoSim } from '../../../src/sandbox/salesmanago/index.js';

let sim: SalesmanagoSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const connector = createSalesmanagoConnector({
  timeoutMs: 2_000,
  roundTripPollMs: 20,
  roundTripMaxWaitMs: 500,
});

async function setup() {
  sim = await startSalesmanagoSim();
  const a = sim.credentials;
  const ctx = {
    credentials: {
      clientId: a.clientId,
      apiKey: 'storebridge-test',
      apiSecret: a.apiSecret,
      owner: a.owner,
      endpoint: a.endpoint,
    },
    settings: salesmanagoSettingsSchema.parse({ location: 'bc-1', shopDomain: 'shop.example.com' }),
    account: { id: 'a', name: 'SALESmanago' },
    clock: systemClock,
    logger: silentLogger,
    signal: new AbortController().signal,
  };
  return { sim, ctl: new SimControl(sim.url), ctx };
}

describe('SALESmanago round trip', () => {
  it('writes a reserved test contact (opted out, no tags), reads it back, deletes it', async () => {
    const { sim, ctx } = await setup();
    const checks = await connector.roundTrip!(ctx);
    expect(checks.map((c) => [c.id, c.ok])).toEqual([
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
    expect(checks.map((c) => [c.id, c.ok])).toEqual([
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

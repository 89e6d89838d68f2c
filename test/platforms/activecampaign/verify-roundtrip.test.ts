// Runs in: vitest. Owns: the wizard's round trip against the ActiveCampaign simulator: a reserved test contact
// written on no list, read back and deleted; and a read-back that fails (a fault on the lookup) names its fix
// and still deletes the test contact.
import { describe, expect, it } from 'vitest';
import { acSettingsSchema, activeCampaign } from '../../../src/main/platforms/activecampaign/index.js';
import { startActiveCampaignSim, type ActiveCampaignSim } from '../../../src/sandbox/activecampaign/index.js';
import { closedAfterEach, outcomes, RESERVED_EMAIL, roundTripContext } from '../shared/roundtrip-fixture.js';

const track = closedAfterEach<ActiveCampaignSim>();

async function setup() {
  const sim = track(await startActiveCampaignSim({ rateLimit: 1000 }));
  const ctx = roundTripContext(
    { apiUrl: sim.credentials.apiUrl, apiKey: sim.credentials.apiKey },
    acSettingsSchema.parse({ storeUrl: 'https://shop.example.com', requestsPerSecond: 400, timeoutMs: 1000 }),
    'AC',
  );
  return { sim, ctx };
}

const contactPaths = (reqs: Array<{ method: string; path: string }>) =>
  reqs.filter((r) => /\/contact/.test(r.path)).map((r) => `${r.method} ${r.path.replace(/\d+$/, 'ID')}`);

describe('ActiveCampaign round trip', () => {
  it('writes a reserved test contact on no list, reads it back, deletes it', async () => {
    const { sim, ctx } = await setup();
    const checks = await activeCampaign.roundTrip!(ctx);
    expect(outcomes(checks)).toEqual([
      ['roundtrip-write', true],
      ['roundtrip-read', true],
      ['roundtrip-remove', true],
    ]);
    expect(checks[0]!.detail).toMatch(RESERVED_EMAIL);
    // No list membership and no tag: nothing an automation starts on.
    expect(contactPaths(await sim.control.requests())).toEqual([
      'POST /api/3/contact/sync',
      expect.stringMatching(/^GET \/api\/3\/contacts/),
      'DELETE /api/3/contacts/ID',
    ]);
    expect((sim.state() as { contacts: unknown[] }).contacts).toEqual([]);
    expect(activeCampaign.roundTripWrites).toMatch(/no list/);
  });

  it('a read-back that fails is named with its fix, and the test contact is still deleted', async () => {
    const { sim, ctx } = await setup();
    await sim.control.fault({ kind: 'status', status: 503, method: 'GET', pathIncludes: '/contacts' });
    const checks = await activeCampaign.roundTrip!(ctx);
    expect(outcomes(checks)).toEqual([
      ['roundtrip-write', true],
      ['roundtrip-read', false],
      ['roundtrip-remove', true],
    ]);
    expect(checks[1]!.detail).toMatch(/503/);
    expect(checks[1]!.fix).toMatch(/run the check again/);
    expect((sim.state() as { contacts: unknown[] }).contacts).toEqual([]);
  });

  it('a key without permission to add contacts fails the write with what to change', async () => {
    const { sim, ctx } = await setup();
    await sim.control.fault({ kind: 'status', status: 403, method: 'POST', pathIncludes: '/contact/sync' });
    const checks = await activeCampaign.roundTrip!(ctx);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ id: 'roundtrip-write', ok: false });
    expect(checks[0]!.fix).toMatch(/Permissions/);
  });
});

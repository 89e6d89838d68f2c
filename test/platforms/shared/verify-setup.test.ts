// Runs in: vitest (under scripts/with-keychain.sh). Owns: the 'connections:verifySetup' channel through the
// contract (the wizard's final step) against the ActiveCampaign simulator, and the platform descriptors'
// "creates contacts" warnings and round-trip texts from 'platforms:list'.
import { describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../../src/main/app/workspace.js';
import { startActiveCampaignSim, type ActiveCampaignSim } from '../../../src/sandbox/activecampaign/index.js';
import { closeAfterTest, storeWorkspace } from '../../support/store-workspace.js';
import { tempDir, uniqueService } from '../../support/temp.js';

async function setup(
  apiKey?: string,
): Promise<{ ws: Workspace; sim: ActiveCampaignSim; connectionId: string }> {
  const { ws, store } = await storeWorkspace({
    hash: 'setup1',
    name: 'Setup',
    token: 'tok_setup_0123456789',
    seed: { customers: 2, orders: 2, products: 1, seed: 'setup' },
  });
  const sim = await startActiveCampaignSim({ rateLimit: 1000 });
  closeAfterTest(() => sim.close());
  const account = await ws.accounts.add({
    platform: 'activecampaign',
    name: 'AC',
    credentials: { apiUrl: sim.credentials.apiUrl, apiKey: apiKey ?? sim.credentials.apiKey },
  });
  const connectionId = ws.connections.add({
    storeId: store.id,
    accountId: account.id,
    settings: { storeUrl: 'https://shop.example.com', requestsPerSecond: 400, timeoutMs: 2000 },
  }).id;
  return { ws, sim, connectionId };
}

const contacts = (sim: ActiveCampaignSim) => (sim.state() as { contacts: unknown[] }).contacts;

describe('connections:verifySetup', () => {
  it('runs the checks, then the round trip the user agreed to, and says what it wrote', async () => {
    const { ws, sim, connectionId } = await setup();
    const r = await ws.call('connections:verifySetup', { id: connectionId, roundTrip: true });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({
      connectionId,
      platform: 'activecampaign',
      ok: true,
      roundTrip: 'passed',
    });
    expect(r.value.checks.map((c) => c.id)).toEqual(
      expect.arrayContaining(['api-key', 'roundtrip-write', 'roundtrip-read', 'roundtrip-remove']),
    );
    expect(r.value.checks.every((c) => c.ok && c.fix === null)).toBe(true);
    expect(r.value.roundTripWrites).toMatch(/storebridge-verify\+<random>@example\.invalid/);
    expect(contacts(sim)).toEqual([]);
  });

  it('writes nothing unless asked', async () => {
    const { ws, sim, connectionId } = await setup();
    const r = await ws.call('connections:verifySetup', { id: connectionId });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.roundTrip).toBe('not_requested');
    expect(r.value.checks.some((c) => c.id.startsWith('roundtrip'))).toBe(false);
    const writes = (await sim.control.requests()).filter(
      (q) => q.method !== 'GET' && q.path.startsWith('/api/3'),
    );
    expect(writes).toEqual([]);
  });

  it('a failed check skips the round trip with what to fix, and writes nothing', async () => {
    const { ws, sim, connectionId } = await setup('not-a-key');
    const r = await ws.call('connections:verifySetup', { id: connectionId, roundTrip: true });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ ok: false, roundTrip: 'not_run' });
    const key = r.value.checks.find((c) => c.id === 'api-key');
    expect(key).toMatchObject({ ok: false });
    expect(key?.fix).toMatch(/Developer/);
    expect(r.value.checks.at(-1)).toMatchObject({ id: 'roundtrip', ok: false });
    expect(contacts(sim)).toEqual([]);
  });

  it('an unknown connection and a malformed input are refused with what is wrong', async () => {
    const { ws } = await setup();
    const missing = await ws.call('connections:verifySetup', { id: 'nope', roundTrip: false });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('not_found');
    const bad = await ws.call('connections:verifySetup', { id: '' } as never);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('invalid_input');
  });
});

describe('platforms:list', () => {
  it('carries the "creates contacts" warning and the round-trip text of every marketing platform', async () => {
    const ws = openWorkspace({ dir: tempDir(), host: 'test', keychainService: uniqueService('platforms') });
    closeAfterTest(() => ws.close());
    const r = await ws.call('platforms:list', {});
    if (!r.ok) throw new Error(r.error.message);
    const by = new Map(r.value.map((p) => [p.platform, p]));
    for (const platform of ['activecampaign', 'dotdigital', 'salesmanago', 'connectif', 'bloomreach']) {
      expect(by.get(platform)?.createsContacts, platform).toMatch(/creates .* (contact|profile)/);
      expect(by.get(platform)?.createsContacts, platform).toMatch(/may count/);
      expect(by.get(platform)?.roundTripWrites, platform).toMatch(
        /storebridge-verify\+<random>@example\.invalid/,
      );
    }
    expect(by.get('file')?.createsContacts).toBeUndefined();
  });
});

// Runs in: vitest (under scripts/with-keychain.sh). Owns: the consent and privacy CLI commands on a real
// workspace (keychain credentials, stores, accounts, connections) wired to the BigCommerce and ActiveCampaign
// simulators: this is the workspace wiring (workspaceSystems) the hosts will use.
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../src/main/app/workspace.js';
import { consentCommand } from '../../src/main/cli/commands/consent.js';
import { privacyCommand } from '../../src/main/cli/commands/privacy.js';
import type { Output } from '../../src/main/cli/output.js';
import { silentLogger } from '../../src/main/core/logger.js';
import { migrations } from '../../src/main/storage/migrations/index.js';
import { m006 } from '../../src/main/storage/migrations/006-consent-privacy.js';
import { startActiveCampaignSim, type ActiveCampaignSim } from '../../src/sandbox/activecampaign/index.js';
import { startBigCommerceSim, type BigCommerceSim } from '../../src/sandbox/bigcommerce/index.js';
import { subscriberRecord } from '../platforms/activecampaign/fixtures.js';
import { harness } from '../platforms/activecampaign/harness.js';
import { tempDir, uniqueService } from '../support/temp.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function capture(json = false): Output & { lines: string[] } {
  const lines: string[] = [];
  return { json, lines, out: (l) => lines.push(l), err: (l) => lines.push(l) };
}

const SETTINGS = { storeUrl: 'https://shop.example.com', requestsPerSecond: 400, timeoutMs: 400 };
const CAROL = 'carol@example.com';

async function setUp(): Promise<{
  ws: Workspace;
  bc: BigCommerceSim;
  ac: ActiveCampaignSim;
  storeId: string;
}> {
  const bc = await startBigCommerceSim({
    stores: [{ hash: 'k', seed: { customers: 2, subscribers: 0, orders: 0 } }],
  });
  const ac = await startActiveCampaignSim({ rateLimit: 1000 });
  const ws = openWorkspace({
    dir: tempDir(),
    host: 'test',
    keychainService: uniqueService('privacy'),
    logger: silentLogger,
  });
  cleanups.push(
    () => bc.close(),
    () => ac.close(),
    () => ws.close(),
  );
  if (!migrations.some((m) => m.id === m006.id)) ws.db.exec(m006.sql);
  const store = await ws.stores.add({
    name: 'Shop',
    storeHash: 'k',
    accessToken: bc.stores[0]!.token,
    apiBaseUrl: bc.url,
  });
  const acct = await ws.accounts.add({ platform: 'activecampaign', name: 'AC', credentials: ac.credentials });
  ws.connections.add({ storeId: store.id, accountId: acct.id, settings: SETTINGS });
  const seeded = await harness({ sharedSim: ac, settings: SETTINGS });
  cleanups.push(() => seeded.close());
  seeded.enqueue([subscriberRecord(10, CAROL, ['marketing_newsletter'])], true);
  await seeded.drainAll();
  await fetch(`${bc.url}/stores/k/v3/customers/subscribers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-auth-token': bc.stores[0]!.token },
    body: JSON.stringify({ email: CAROL, source: 'storefront', consents: ['marketing_newsletter'] }),
  });
  return { ws, bc, ac, storeId: store.id };
}

describe('storebridge consent and privacy commands', () => {
  it('pulls an opt-out, reconciles BigCommerce, then erases the person with receipts', async () => {
    const { ws, bc, ac, storeId } = await setUp();
    const listId = ac.state().lists.find((l) => l.name === 'Master Contact List')!.id;
    ac.actions.unsubscribe(CAROL, listId, 'Moved away');

    let o = capture();
    expect(await consentCommand(ws, o, ['pull'])).toBe(0);
    expect(o.lines.join('\n')).toMatch(/activecampaign\s+1\s+1/);
    o = capture();
    expect(await consentCommand(ws, o, ['show', CAROL, '--store', storeId])).toBe(0);
    expect(o.lines[0]).toContain('carol@example.com: unsubscribed');
    o = capture(true);
    expect(await consentCommand(ws, o, ['reconcile', '--store', storeId])).toBe(0);
    expect(JSON.parse(o.lines[0]!)).toEqual([
      expect.objectContaining({ system: 'bigcommerce', to: 'unsubscribed' }),
    ]);
    expect(await consentCommand(ws, capture(), ['reconcile', '--store', storeId, '--apply'])).toBe(0);
    expect(bc.control['k']!.state.subscriberByEmail(CAROL)!.consents).toEqual([]);

    o = capture(true);
    expect(await privacyCommand(ws, o, ['access', CAROL])).toBe(0);
    expect(JSON.parse(o.lines[0]!).consentFacts.length).toBeGreaterThan(0);
    o = capture();
    expect(await privacyCommand(ws, o, ['erase', CAROL, '--bigcommerce'])).toBe(0);
    const text = o.lines.join('\n');
    expect(text).toMatch(/ActiveCampaign \(.+\)\s+erased/);
    expect(text).toMatch(/BigCommerce \(.+\)\s+erased/);
    expect(ac.state().contacts.some((c) => c.email === CAROL)).toBe(false);
    expect(bc.control['k']!.state.subscriberByEmail(CAROL)).toBeUndefined();
    o = capture(true);
    expect(await privacyCommand(ws, o, ['audit'])).toBe(0);
    expect(o.lines[0]).not.toContain('carol');
    expect(JSON.parse(o.lines[0]!)[0].receipts).toHaveLength(3);
  });
});

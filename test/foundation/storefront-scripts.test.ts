// A connection's tracking script goes onto the (simulated) storefront through the Scripts API under the chosen
// consent category, is updated in place, and leaves with the store.
import { afterEach, describe, expect, it } from 'vitest';
import { startBigCommerceSim } from '../../src/sandbox/bigcommerce/index.js';
import { openWorkspace, type Workspace } from '../../src/main/app/workspace.js';
import { tempDir, uniqueService } from '../support/temp.js';

const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

describe('storefront scripts', () => {
  it('installs, updates and removes a platform tracking script', async () => {
    const sim = await startBigCommerceSim({
      stores: [
        {
          hash: 'scripts1',
          seed: { customers: 1, seed: 's' },
          quota: 10_000,
          windowMs: 1000,
          tokens: [{ token: 'tok_scripts_123456' }],
        },
      ],
    });
    closers.push(() => sim.close());
    const ws: Workspace = openWorkspace({
      dir: tempDir(),
      host: 'test',
      keychainService: uniqueService('scripts'),
    });
    closers.push(() => ws.close());
    const store = await ws.stores.add({
      name: 'S',
      storeHash: 'scripts1',
      accessToken: 'tok_scripts_123456',
      apiBaseUrl: sim.url,
    });
    const account = await ws.accounts.add({
      platform: 'salesmanago',
      name: 'SM',
      credentials: {
        clientId: 'client123',
        apiKey: 'key123456',
        apiSecret: 'secret123456',
        owner: 'owner@example.com',
        endpoint: 'app3',
      },
    });
    const conn = ws.connections.add({
      storeId: store.id,
      accountId: account.id,
      settings: { location: 'shop-1' },
    });

    const installed = await ws.call('scripts:sync', { connectionId: conn.id });
    if (!installed.ok) throw new Error(installed.error.message);
    const listed = await ws.call('scripts:list', { storeId: store.id });
    expect(listed.ok && listed.value).toHaveLength(1);
    const uuid = listed.ok ? listed.value[0]!.uuid : '';
    const remote = await fetch(`${sim.url}/stores/scripts1/v3/content/scripts/${uuid}`, {
      headers: { 'X-Auth-Token': 'tok_scripts_123456' },
    });
    const body = (await remote.json()) as { data: { consent_category: string; name: string } };
    expect(body.data.consent_category).toBe(listed.ok ? listed.value[0]!.consentCategory : '');

    // A second sync updates the same script instead of adding another.
    await ws.call('scripts:sync', { connectionId: conn.id });
    const all = await fetch(`${sim.url}/stores/scripts1/v3/content/scripts`, {
      headers: { 'X-Auth-Token': 'tok_scripts_123456' },
    });
    expect(((await all.json()) as { data: unknown[] }).data).toHaveLength(1);

    // Removing the store takes the script off the storefront.
    expect((await ws.call('stores:remove', { id: store.id })).ok).toBe(true);
    const after = await fetch(`${sim.url}/stores/scripts1/v3/content/scripts`, {
      headers: { 'X-Auth-Token': 'tok_scripts_123456' },
    });
    expect(((await after.json()) as { data: unknown[] }).data).toHaveLength(0);
  });
});

// The trust-tool channels through the contract, as the console and CLI call them, against a simulated store.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBigCommerceSim } from '../../src/sandbox/bigcommerce/index.js';
import { openWorkspace, type Workspace } from '../../src/main/app/workspace.js';
import { tempDir, uniqueService } from '../support/temp.js';

const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

async function setup() {
  const sim = await startBigCommerceSim({
    stores: [
      {
        hash: 'tools1',
        seed: { customers: 30, orders: 40, products: 5, seed: 'tools' },
        quota: 10_000,
        windowMs: 1000,
        tokens: [
          { token: 'tok_tools_full_123456' },
          {
            token: 'tok_tools_no_orders',
            scopes: ['store_v2_customers_read_only', 'store_v2_information_read_only'],
          },
        ],
      },
    ],
  });
  closers.push(() => sim.close());
  const ws: Workspace = openWorkspace({
    dir: tempDir(),
    host: 'test',
    keychainService: uniqueService('tools'),
  });
  closers.push(() => ws.close());
  return { sim, ws };
}

describe('stores:verify', () => {
  it('reports each check, and what to fix when the token lacks a scope', async () => {
    const { sim, ws } = await setup();
    const full = await ws.call('stores:add', {
      name: 'Full',
      storeHash: 'tools1',
      accessToken: 'tok_tools_full_123456',
      apiBaseUrl: sim.url,
    });
    if (!full.ok) throw new Error(full.error.message);
    const v = await ws.call('stores:verify', { id: full.value.id });
    expect(v.ok && v.value.ok).toBe(true);
    if (!v.ok) return;
    expect(v.value.checks.every((c) => c.ok)).toBe(true);
    expect(v.value.store?.name).toBeTruthy();

    await ws.call('stores:remove', { id: full.value.id });
    const limited = await ws.call('stores:add', {
      name: 'Limited',
      storeHash: 'tools1',
      accessToken: 'tok_tools_no_orders',
      apiBaseUrl: sim.url,
    });
    if (!limited.ok) throw new Error(limited.error.message);
    const lv = await ws.call('stores:verify', { id: limited.value.id });
    if (!lv.ok) throw new Error(lv.error.message);
    const orders = lv.value.checks.find((c) => c.id.includes('order'));
    expect(orders?.ok).toBe(false);
    expect(orders?.fix).toMatch(/Orders/);
  });
});

describe('diagnostics and workspace transfer through the contract', () => {
  it('previews and saves a bundle, and moves the workspace to a fresh keychain', async () => {
    const { sim, ws } = await setup();
    const added = await ws.call('stores:add', {
      name: 'Moved',
      storeHash: 'tools1',
      accessToken: 'tok_tools_full_123456',
      apiBaseUrl: sim.url,
    });
    if (!added.ok) throw new Error(added.error.message);
    const preview = await ws.call('diagnostics:preview', {});
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.personalData).toBe('masked');
    expect(preview.value.files.map((f) => f.name)).toContain('manifest.json');
    const zip = join(tempDir(), 'bundle.zip');
    const saved = await ws.call('diagnostics:save', { path: zip });
    expect(saved.ok && existsSync(zip)).toBe(true);

    const file = join(tempDir(), 'workspace.sbx');
    const exported = await ws.call('workspace:export', { path: file, passphrase: 'correct horse battery' });
    if (!exported.ok) throw new Error(exported.error.message);
    expect(exported.value.secrets).toBe(1);
    const other = openWorkspace({
      dir: tempDir(),
      host: 'test',
      keychainService: uniqueService('tools-other'),
    });
    closers.push(() => other.close());
    const wrong = await other.call('workspace:import', { path: file, passphrase: 'not the passphrase' });
    expect(wrong.ok).toBe(false);
    const imported = await other.call('workspace:import', {
      path: file,
      passphrase: 'correct horse battery',
    });
    if (!imported.ok) throw new Error(imported.error.message);
    const [store] = other.stores.list();
    expect(await other.stores.token(store!.id)).toBe('tok_tools_full_123456');
    const verified = await other.call('stores:verify', { id: store!.id });
    expect(verified.ok && verified.value.ok).toBe(true);
  });
});

// The engine worker's outbound calls follow the desktop network setting as the hosts' main threads do: a
// thread has its own fetch dispatcher, so without this a sync in the worker would bypass the user's proxy.
import { afterEach, describe, expect, it } from 'vitest';
import { openHostWorkspace } from '../../src/main/app/host-workspace.js';
import { silentLogger } from '../../src/main/core/logger.js';
import { DesktopSettingsStore } from '../../src/main/desktop/settings.js';
import { startBigCommerceSim } from '../../src/sandbox/bigcommerce/index.js';
import { startMiniProxy } from '../desktop/support/mini-proxy.js';
import { tempDir, uniqueService } from '../support/temp.js';

const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

describe('the engine worker and the network setting', () => {
  it('sends the sync through the saved proxy, and stops when the user switches to a direct connection', async () => {
    const proxy = await startMiniProxy();
    closers.push(() => proxy.close());
    const sim = await startBigCommerceSim({
      stores: [
        {
          hash: 'wn1',
          seed: { customers: 30, orders: 20, products: 2, seed: 'worker-net' },
          quota: 10_000,
          windowMs: 1000,
          tokens: [{ token: 'tok_worker_net_1234567' }],
        },
      ],
    });
    closers.push(() => sim.close());
    const dir = tempDir();
    new DesktopSettingsStore(dir).save({ network: { proxy: 'manual', proxyUrl: proxy.url } });
    const ws = openHostWorkspace({
      dir,
      host: 'electron',
      keychainService: uniqueService('worker-net'),
      logger: silentLogger,
      // The simulator is on loopback, which goes direct unless asked: ask, to see the route through the proxy.
      proxyLoopback: true,
    });
    closers.push(() => ws.shutdown());
    const store = await ws.stores.add({
      name: 'N',
      storeHash: 'wn1',
      accessToken: 'tok_worker_net_1234567',
      apiBaseUrl: sim.url,
    });
    const account = await ws.accounts.add({ platform: 'file', name: 'Files', credentials: {} });
    const conn = ws.connections.add({
      storeId: store.id,
      accountId: account.id,
      settings: { directory: tempDir(), format: 'ndjson' },
      mode: 'off',
    });
    // Whatever the main thread itself sent while adding the store does not count: only the sync's calls.
    proxy.seen.length = 0;

    const first = await ws.call('sync:start', { connectionId: conn.id, historical: true });
    expect(first.ok && first.value.state).toBe('drained');
    expect(proxy.seen.length).toBeGreaterThan(0);
    expect(proxy.seen.every((u) => u.includes(new URL(sim.url).host))).toBe(true);

    ws.desktopSettings.save({ network: { proxy: 'direct' } });
    proxy.seen.length = 0;
    const second = await ws.call('sync:start', { connectionId: conn.id, historical: true });
    expect(second.ok && second.value.state).toBe('drained');
    expect(proxy.seen).toEqual([]);
  });
});

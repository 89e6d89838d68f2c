// Runs in: vitest (Node). Owns: webhooks through a whole workspace: the store status says polling (and that carts
// need webhooks) until a public URL is set, and whether signatures are checked (with the client secret set through
// the contract); removing a store deletes the hooks it registered and their secrets; the receiver runs with the scheduler.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { openWorkspace } from '../../src/main/app/workspace.js';
import { storeClientSecretAccount } from '../../src/main/stores/store-service.js';
import { hookSecretAccount } from '../../src/main/webhooks/registrar.js';
import { HOOK_SCOPES } from '../../src/main/webhooks/scopes.js';
import { startBigCommerceSim } from '../../src/sandbox/bigcommerce/index.js';
import { tempDir, uniqueService } from '../support/temp.js';
import { until } from './harness.js';

const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

it('says polling until a public URL is set, and takes its hooks off a store that is removed', async () => {
  const sim = await startBigCommerceSim({
    stores: [{ hash: 'gone1', seed: { customers: 2, seed: 'g' }, tokens: [{ token: 'tok_gone_12345678' }] }],
  });
  closers.push(() => sim.close());
  const ws = openWorkspace({ dir: tempDir(), host: 'test', keychainService: uniqueService('hooks-remove') });
  closers.push(() => ws.close());
  const store = await ws.stores.add({
    name: 'Gone',
    storeHash: 'gone1',
    accessToken: 'tok_gone_12345678',
    apiBaseUrl: sim.url,
  });

  const polling = await ws.call('stores:verify', { id: store.id });
  if (!polling.ok) throw new Error(polling.error.message);
  expect(polling.value.realtime).toEqual({
    mode: 'polling',
    needsWebhooks: ['carts'],
    signatures: 'not_checked',
  });

  // A port nothing listens on: registration does not need the receiver, and deliveries simply fail.
  ws.webhooks.configure({ publicUrl: 'http://127.0.0.1:9', port: null });
  // The client secret goes through the contract to the keychain; only "configured" comes back.
  const set = await ws.call('stores:setClientSecret', { id: store.id, clientSecret: 'cs_gone_secret_123' });
  expect(set.ok && set.value.clientSecret).toEqual({ configured: true });
  expect(JSON.stringify(set)).not.toContain('cs_gone_secret_123');
  expect(await ws.secrets.get(storeClientSecretAccount(store.id))).toBe('cs_gone_secret_123');
  const said = ws.events.query({ type: 'store.client_secret_set' });
  expect(said.map((e) => e.message)).toEqual([
    'Webhook signatures of "Gone" are now checked with the API account\'s client secret.',
  ]);
  expect(JSON.stringify(said)).not.toContain('cs_gone_secret_123');
  const verified = await ws.call('stores:verify', { id: store.id });
  expect(verified.ok && verified.value.realtime).toEqual({
    mode: 'webhooks',
    needsWebhooks: [],
    signatures: 'verified',
  });
  await ws.webhooks.register(store.id);
  const hooks = sim.control['gone1']!.state.hooks;
  expect([...hooks.ids()]).toHaveLength(HOOK_SCOPES.length);
  // One hook made by another app on the same store stays: only what the console created is removed.
  const other = await fetch(`${sim.url}/stores/gone1/v3/hooks`, {
    method: 'POST',
    headers: { 'x-auth-token': 'tok_gone_12345678', 'content-type': 'application/json' },
    body: JSON.stringify({ scope: 'store/order/created', destination: 'https://elsewhere.example/hook' }),
  });
  expect(other.status).toBe(200);

  const removed = await ws.call('stores:remove', { id: store.id });
  expect(removed.ok).toBe(true);
  const left = [...hooks.ids()].map((id) => hooks.get(id)!.destination);
  expect(left).toEqual(['https://elsewhere.example/hook']);
  expect(await ws.secrets.get(hookSecretAccount(store.id))).toBeUndefined();
  expect(await ws.secrets.get(storeClientSecretAccount(store.id))).toBeUndefined();
  expect(ws.db.prepare('SELECT count(*) AS n FROM webhook_hooks').get()).toEqual({ n: 0 });
});

it('starts the receiver with the scheduler and stops it with the workspace', async () => {
  const sim = await startBigCommerceSim({
    stores: [{ hash: 'live1', seed: { customers: 3, seed: 'l' }, tokens: [{ token: 'tok_live_12345678' }] }],
  });
  closers.push(() => sim.close());
  // A free port, so the public URL (the "tunnel") can name it before the receiver starts.
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  const dir = tempDir();
  const keychainService = uniqueService('hooks-live');
  const webhooks = { publicUrl: `http://127.0.0.1:${port}`, port };
  const ws = openWorkspace({ dir, host: 'test', keychainService, webhooks });
  let closed = false;
  closers.push(() => closed || ws.close());
  expect(ws.webhooks.receiverUrl()).toBeUndefined(); // not before the scheduler starts (the CLI never starts it)
  const store = await ws.stores.add({
    name: 'Live',
    storeHash: 'live1',
    accessToken: 'tok_live_12345678',
    apiBaseUrl: sim.url,
  });
  ws.scheduler.start();
  await until(() => ws.webhooks.receiverUrl(), 'the receiver');
  expect(ws.webhooks.receiverUrl()).toBe(`http://127.0.0.1:${port}`);
  // Registered by another process on the same workspace (the CLI) while the app's receiver runs.
  const cli = openWorkspace({ dir, host: 'cli', keychainService, webhooks });
  await cli.webhooks.register(store.id);
  cli.close();
  const put = await fetch(`${sim.url}/__sim/stores/live1/customers/2`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ first_name: 'Live' }),
  });
  expect(put.status).toBe(200);
  await until(() => ws.webhooks.stats.accepted === 1, 'the callback');
  await ws.scheduler.dispose();
  expect(ws.webhooks.receiverUrl()).toBeUndefined();
  await expect(fetch(`http://127.0.0.1:${port}/bigcommerce/hooks/x`, { method: 'POST' })).rejects.toThrow();
  ws.close();
  closed = true;
});

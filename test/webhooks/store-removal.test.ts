// Runs in: vitest (Node). Owns: webhooks through a whole workspace: the store status says polling (and that carts
// need webhooks) until a public URL is set; removing a store deletes the hooks it registered and their secret.
import { afterEach, expect, it } from 'vitest';
import { openWorkspace } from '../../src/main/app/workspace.js';
import { hookSecretAccount } from '../../src/main/webhooks/registrar.js';
import { HOOK_SCOPES } from '../../src/main/webhooks/scopes.js';
import { startBigCommerceSim } from '../../src/sandbox/bigcommerce/index.js';
import { tempDir, uniqueService } from '../support/temp.js';

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
  expect(polling.value.realtime).toEqual({ mode: 'polling', needsWebhooks: ['carts'] });

  // A port nothing listens on: registration does not need the receiver, and deliveries simply fail.
  ws.webhooks.configure({ publicUrl: 'http://127.0.0.1:9', port: null });
  const verified = await ws.call('stores:verify', { id: store.id });
  expect(verified.ok && verified.value.realtime).toEqual({ mode: 'webhooks', needsWebhooks: [] });
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
  expect(ws.db.prepare('SELECT count(*) AS n FROM webhook_hooks').get()).toEqual({ n: 0 });
});

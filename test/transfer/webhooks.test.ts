// Runs in: vitest (real keychain: scripts/with-keychain.sh). Owns: a workspace moved to another "machine" keeps
// its webhook registrations: the hooks registered on the BigCommerce simulator are found by the new workspace's
// health check (no duplicates), its receiver accepts their callbacks with the moved secret, and stale rows
// (the old machine changed the hooks after the export) are reconciled with what the store really has.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportWorkspace } from '../../src/main/transfer/export.js';
import { importWorkspace } from '../../src/main/transfer/import.js';
import { SECRET_HEADER } from '../../src/main/webhooks/receiver.js';
import { hookSecretAccount } from '../../src/main/webhooks/registrar.js';
import { HOOK_SCOPES } from '../../src/main/webhooks/scopes.js';
import { startBigCommerceSim, type BigCommerceSim } from '../../src/sandbox/bigcommerce/index.js';
import { until } from '../webhooks/harness.js';
import { tempDir } from '../support/temp.js';
import { engineWorkspace, type TestWorkspace } from './helpers.js';

const HASH = 'xferhooks';
const TOKEN = 'tok_xfer_hooks_5521';
const PASS = 'a passphrase for the move';
const CLIENT_SECRET = 'cs_xfer_hooks_signing_0c41';
const fast = { kdf: { N: 2 ** 12, r: 8, p: 1 } };

let sim: BigCommerceSim;
const open: TestWorkspace[] = [];
beforeEach(async () => {
  // 48 hours of retries in about 2 s.
  sim = await startBigCommerceSim({
    webhooks: { timeScale: 0.00001, timeoutMs: 2_000 },
    stores: [
      {
        hash: HASH,
        seed: { customers: 5, orders: 0, products: 0, seed: 'xfer-hooks' },
        quota: 10_000,
        windowMs: 1_000,
        // Callbacks are signed with the API account's client secret (Standard Webhooks).
        tokens: [{ token: TOKEN, clientSecret: CLIENT_SECRET }],
      },
    ],
  });
});
afterEach(async () => {
  for (const ws of open.splice(0)) {
    await ws.webhooks.dispose();
    ws.close();
  }
  await sim.close();
});

const simHooks = () => {
  const hooks = sim.control[HASH]!.state.hooks;
  return [...hooks.ids()].map((id) => hooks.get(id)!);
};
const touchCustomer = async (id: number, first_name: string) => {
  const res = await fetch(`${sim.url}/__sim/stores/${HASH}/customers/${id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ first_name }),
  });
  expect(res.status).toBe(200);
};

function workspace(label: string): TestWorkspace {
  const ws = engineWorkspace(label);
  open.push(ws);
  return ws;
}

/** The old machine: a store whose hooks are registered at its receiver (standing in for the user's tunnel). */
async function registeredSource() {
  const src = workspace('xfer-hooks-src');
  const store = await src.stores.add({
    name: 'Hooked',
    storeHash: HASH,
    accessToken: TOKEN,
    clientSecret: CLIENT_SECRET,
    apiBaseUrl: sim.url,
  });
  src.webhooks.configure({ publicUrl: 'http://127.0.0.1/', port: 0 });
  const started = await src.webhooks.start();
  if (!started) throw new Error('the receiver did not start');
  src.webhooks.configure({ publicUrl: started.url, port: Number(new URL(started.url).port) });
  const reg = await src.webhooks.register(store.id);
  await touchCustomer(1, 'Before the move');
  await until(() => src.webhooks.stats.accepted >= 1, 'a callback on the old machine');
  return { src, storeId: store.id, reg };
}

/** Exports, switches the old machine's receiver off, imports into a fresh folder and keychain service. */
async function move(src: TestWorkspace, between?: () => Promise<void>) {
  const file = join(tempDir(), 'move.sbx');
  const summary = await exportWorkspace(src, file, PASS, fast);
  await between?.();
  await src.webhooks.dispose();
  return { dst: workspace('xfer-hooks-dst'), file, summary };
}

/** The new machine's receiver on the port the tunnel forwards to; a change on the store reaches it. */
async function expectCallbacksAccepted(dst: TestWorkspace) {
  expect(await dst.webhooks.start()).not.toBeNull();
  await touchCustomer(2, 'After the move');
  await until(() => dst.webhooks.stats.accepted >= 1, 'a callback on the new machine');
  expect(dst.webhooks.stats.refused).toBe(0);
}

describe('workspace transfer with webhooks', () => {
  it('carries the registrations and their secret: the health check finds the hooks, callbacks are accepted', async () => {
    const { src, storeId, reg } = await registeredSource();
    const hookIds = simHooks().map((h) => h.id);
    expect(hookIds).toHaveLength(HOOK_SCOPES.length);

    const { dst, file, summary } = await move(src);
    const imported = await importWorkspace(dst, file, PASS);
    expect(summary.tables).toMatchObject({ webhook_settings: 1, webhook_endpoints: 1, webhook_hooks: 5 });
    // Dedup hashes stay behind (see payload.ts); the secret travels sealed, never in clear.
    expect(summary.tables).not.toHaveProperty('webhook_seen');
    expect(readFileSync(file).includes(Buffer.from(reg.secret))).toBe(false);
    expect(imported.tables).toMatchObject({ webhook_endpoints: 1, webhook_hooks: 5 });
    expect(await dst.secrets.get(hookSecretAccount(storeId))).toBe(reg.secret);
    // The signing key moves too, so the new machine still checks signatures (a wrong one would refuse all).
    expect(await dst.stores.clientSecret(storeId)).toBe(CLIENT_SECRET);
    expect(readFileSync(file).includes(Buffer.from(CLIENT_SECRET))).toBe(false);
    expect(dst.webhooks.settings()).toEqual(src.webhooks.settings());
    expect(dst.db.prepare('SELECT count(*) AS n FROM webhook_seen').get()).toEqual({ n: 0 });

    const check = await dst.webhooks.check(storeId);
    expect(check).toMatchObject({ checked: 5, reenabled: [], recreated: [], adopted: [], rekeyed: [] });
    expect(simHooks().map((h) => h.id)).toEqual(hookIds); // no duplicate registrations
    await expectCallbacksAccepted(dst);

    // Registering again from the new machine changes nothing on the store either.
    await dst.webhooks.register(storeId);
    expect(simHooks().map((h) => h.id)).toEqual(hookIds);
  });

  it('reconciles rows gone stale after the export with what BigCommerce has, without duplicates', async () => {
    const { src, storeId, reg } = await registeredSource();
    const byScope = (scope: string) => simHooks().find((h) => h.scope === scope)!;
    const orderHook = byScope('store/order/*').id;
    const customerHook = byScope('store/customer/*');
    let recreated = 0;
    const { dst, file } = await move(src, async () => {
      // After the export the old machine kept running: its health check re-created a hook someone deleted
      // in the control panel (a new id), and the customer hook now carries a secret the export never saw.
      sim.control[HASH]!.state.hooks.remove(orderHook);
      recreated = (await src.webhooks.check(storeId)).recreated[0]!;
      customerHook.headers = { [SECRET_HEADER]: 'a-secret-from-after-the-export' };
    });
    expect(recreated).not.toBe(orderHook);

    // Imported as the console does it: the channel checks the imported hooks against the store at once.
    const imported = await dst.call('workspace:import', { path: file, passphrase: PASS });
    expect(imported.ok).toBe(true);
    const rekeyed = () => byScope('store/customer/*').headers?.[SECRET_HEADER] === reg.secret;
    await until(
      () => rekeyed() && dst.webhooks.repo.hooks(storeId).some((h) => h.hookId === recreated),
      'the check after the import',
    );
    expect(dst.events.query({ type: 'webhook.rekeyed' }).map((e) => e.payload)).toEqual([
      expect.objectContaining({ scope: 'store/customer/*' }),
    ]);
    expect(simHooks()).toHaveLength(HOOK_SCOPES.length);
    expect(byScope('store/customer/*').headers).toEqual({ [SECRET_HEADER]: reg.secret });
    expect(
      dst.webhooks.repo
        .hooks(storeId)
        .map((h) => h.hookId)
        .sort(),
    ).toEqual(
      simHooks()
        .map((h) => h.id)
        .sort(),
    );
    await expectCallbacksAccepted(dst);
    // Checking again finds nothing left to fix.
    expect(await dst.webhooks.check(storeId)).toMatchObject({ adopted: [], rekeyed: [], recreated: [] });
  });
  it('replacing a store that had its own hooks here keeps the imported ones and deletes the local ones', async () => {
    const { src, storeId } = await registeredSource();
    const imported = simHooks().map((h) => h.id);
    const { dst, file } = await move(src);
    // The new machine already had the store, with hooks at its own receiver (same API account: one listing).
    const local = await dst.stores.add({
      name: 'Hooked here',
      storeHash: HASH,
      accessToken: TOKEN,
      apiBaseUrl: sim.url,
    });
    dst.webhooks.configure({ publicUrl: 'https://hooks.new-machine.example', port: null });
    await dst.webhooks.register(local.id);
    expect(simHooks()).toHaveLength(2 * HOOK_SCOPES.length);

    const r = await dst.call('workspace:import', { path: file, passphrase: PASS, replace: true });
    expect(r.ok).toBe(true);
    await until(() => simHooks().length === HOOK_SCOPES.length, 'the local hooks deleted');
    expect(simHooks().map((h) => h.id)).toEqual(imported);
    await until(
      () =>
        dst.webhooks.repo
          .hooks(local.id)
          .map((h) => h.hookId)
          .join() === imported.join(),
      'the rows of the imported hooks alone',
    );
    expect(local.id).not.toBe(storeId);
    expect(await dst.webhooks.check(local.id)).toMatchObject({ checked: 5, removed: [], recreated: [] });
  });
});

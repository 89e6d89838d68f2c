// Runs in: vitest (Node). Owns: webhooks end to end against the BigCommerce simulator: registration, a real
// callback nudging an extraction that re-reads the store, duplicates ignored (across a restart too), forged and
// unregistered calls refused, and a hook switched off after its retries ran out re-enabled with its gap backfilled.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StagingRepo } from '../../src/main/extract/staging-repo.js';
import { SECRET_HEADER, HOOK_PATH } from '../../src/main/webhooks/receiver.js';
import { hookSecretAccount } from '../../src/main/webhooks/registrar.js';
import { HOOK_SCOPES } from '../../src/main/webhooks/scopes.js';
import type { WebhookService } from '../../src/main/webhooks/service.js';
import { HASH, startWebhookHarness, until, type WebhookHarness } from './harness.js';

let h: WebhookHarness;
let svc: WebhookService;
let receiverUrl: string;
let secret: string;
let pathToken: string;

const simHooks = () => {
  const hooks = h.sim.control[HASH]!.state.hooks;
  return [...hooks.ids()].map((id) => hooks.get(id)!);
};
const deliveries = async () =>
  (await (await fetch(`${h.sim.url}/__sim/stores/${HASH}/webhooks/deliveries`)).json()) as Array<{
    hookId: number;
    scope: string;
    hash: string;
    createdAt: number;
    attempt: number;
    status: number;
    ok: boolean;
  }>;
const simPut = (path: string, body: unknown) =>
  fetch(`${h.sim.url}/__sim/stores/${HASH}${path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const stagedCustomer = (id: number) =>
  new StagingRepo(h.db)
    .rowsAfter(h.storeId, 'customers', 0, 10_000)
    .filter((r) => r.record_id === String(id))
    .map((r) => JSON.parse(r.payload) as { first_name: string });

beforeAll(async () => {
  h = await startWebhookHarness();
  ({ svc, url: receiverUrl } = await h.service());
  // A first full read, so incremental reads have cursors to start from.
  await h.extractor.historical('customers');
}, 20_000);
afterAll(async () => h?.close());

describe('webhooks where they can arrive', () => {
  it('registers one hook per scope at the store path, with a secret kept in the keychain only', async () => {
    const r = await svc.register(h.storeId);
    ({ secret, pathToken } = r);
    const hooks = simHooks();
    expect(hooks.map((x) => x.scope).sort()).toEqual([...HOOK_SCOPES].sort());
    for (const x of hooks) {
      expect(x.destination).toBe(`${receiverUrl}${HOOK_PATH}/${pathToken}`);
      expect(x.headers).toEqual({ [SECRET_HEADER]: secret });
      expect(x.is_active).toBe(true);
    }
    expect(await h.secrets.get(hookSecretAccount(h.storeId))).toBe(secret);
    // Never in SQLite: not in the database file nor its write-ahead log.
    for (const f of ['storebridge.db', 'storebridge.db-wal']) {
      let bytes = '';
      try {
        bytes = readFileSync(join(h.dir, f)).toString('latin1');
      } catch {
        continue;
      }
      expect(bytes.includes(secret), f).toBe(false);
    }
    // Registering again changes nothing on the store: same hooks, no duplicates.
    const again = await svc.register(h.storeId);
    expect(again.hooks.map((x) => x.id).sort()).toEqual(hooks.map((x) => x.id).sort());
    expect(simHooks()).toHaveLength(HOOK_SCOPES.length);
  });

  it('turns a callback from the store into an extraction that re-reads the changed record', async () => {
    const before = h.nudges.length;
    expect((await simPut('/customers/3', { first_name: 'Webhooked' })).status).toBe(200);
    await until(() => h.nudges.length > before, 'the nudge');
    const nudge = h.nudges[before]!;
    expect(nudge.resources).toEqual(['customers']);
    expect(nudge.staged).toBeGreaterThanOrEqual(1);
    // The extractor read the record through the API; the payload only said "customer 3 changed".
    expect(stagedCustomer(3).map((c) => c.first_name)).toContain('Webhooked');
    const d = (await deliveries()).filter((x) => x.scope === 'store/customer/updated');
    expect(d.at(-1)).toMatchObject({ ok: true, status: 200, attempt: 0 });
    expect(svc.stats.accepted).toBe(1);
  });

  it('holds callbacks that arrive during a nudge and sends them as one nudge after it', async () => {
    const before = h.nudges.length;
    const started = h.gate.started;
    let release!: () => void;
    h.gate.wait = new Promise((r) => (release = r));
    expect((await simPut('/customers/7', { first_name: 'First' })).status).toBe(200);
    await until(() => h.gate.started > started, 'the first nudge to start');
    // The extraction of the first nudge has not read anything yet; these two must not be lost by joining it.
    expect((await simPut('/customers/8', { first_name: 'Second' })).status).toBe(200);
    expect((await simPut('/customers/9', { first_name: 'Third' })).status).toBe(200);
    await until(() => svc.stats.accepted >= 4, 'the two deliveries');
    await new Promise((r) => setTimeout(r, 150)); // past the 50 ms debounce: still held
    expect(h.gate.started).toBe(started + 1);
    h.gate.wait = null;
    release();
    await until(() => h.nudges.length >= before + 2, 'the held nudge');
    await new Promise((r) => setTimeout(r, 150));
    expect(h.nudges.length).toBe(before + 2); // one nudge for both held callbacks
    expect(stagedCustomer(8).map((c) => c.first_name)).toContain('Second');
    expect(stagedCustomer(9).map((c) => c.first_name)).toContain('Third');
  });

  it('ignores a redelivered payload, also after a restart', async () => {
    const last = (await deliveries()).filter((x) => x.ok).at(-1)!;
    // What a BigCommerce retry repeats: the same hash and created_at (the receiver keys on both).
    const redeliver = (createdAt = last.createdAt) =>
      fetch(`${receiverUrl}${HOOK_PATH}/${pathToken}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SECRET_HEADER]: secret },
        body: JSON.stringify({
          scope: last.scope,
          store_id: '1000000',
          data: { type: 'customer', id: 9 },
          hash: last.hash,
          created_at: createdAt,
          producer: `stores/${HASH}`,
        }),
      });
    const nudges = h.nudges.length;
    expect((await redeliver()).status).toBe(200); // answered like any delivery, so BigCommerce stops retrying
    expect(svc.stats.duplicates).toBe(1);
    // A restarted console remembers what it applied (SQLite), on the same port the tunnel points at.
    const port = Number(new URL(receiverUrl).port);
    await svc.dispose();
    ({ svc } = await h.service(port));
    expect((await redeliver()).status).toBe(200);
    expect(svc.stats).toMatchObject({ accepted: 0, duplicates: 1 });
    await new Promise((r) => setTimeout(r, 200)); // a nudge would have come within the 50 ms debounce
    expect(h.nudges.length).toBe(nudges);
    // The same record changed again later is a new event, not a duplicate, even if its hash were the same.
    expect((await redeliver(last.createdAt + 1)).status).toBe(200);
    expect(svc.stats).toMatchObject({ accepted: 1, duplicates: 1 });
    await until(() => h.nudges.length > nudges, 'the nudge for the new event');
  });

  it('refuses calls to paths it never registered and calls without the secret', async () => {
    const post = (path: string, headers: Record<string, string>) =>
      fetch(`${receiverUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({
          scope: 'store/customer/updated',
          data: { type: 'customer', id: 4 },
          hash: 'x1',
        }),
      });
    expect((await post(`${HOOK_PATH}/not-a-registered-path`, { [SECRET_HEADER]: secret })).status).toBe(404);
    expect((await post(`${HOOK_PATH}/${pathToken}`, {})).status).toBe(401);
    expect((await post(`${HOOK_PATH}/${pathToken}`, { [SECRET_HEADER]: 'forged-secret' })).status).toBe(401);
    expect(svc.stats).toMatchObject({ refused: 3, accepted: 1 });
    // The second 401 within a minute is counted, not logged again (scanners find public URLs).
    const refused = h.events.query({ type: 'webhook.refused' });
    expect(refused.map((e) => e.message.match(/\((\d+)\)/)![1]).sort()).toEqual(['401', '404']);
    expect(JSON.stringify(refused)).not.toContain(secret);
    await new Promise((r) => setTimeout(r, 200));
    expect(stagedCustomer(4)).toHaveLength(1); // only the historical read: nothing was nudged
  });

  it('re-enables a hook BigCommerce switched off and backfills the gap by polling', async () => {
    const customerHook = simHooks().find((x) => x.scope === 'store/customer/*')!;
    const lastActive = h.db
      .prepare('SELECT last_active_at FROM webhook_hooks WHERE hook_id = ?')
      .get(customerHook.id) as { last_active_at: number };
    // The console is away: every delivery fails, the retry schedule runs out, the hook is switched off.
    const port = Number(new URL(receiverUrl).port);
    await svc.dispose();
    expect((await simPut('/customers/5', { first_name: 'Missed' })).status).toBe(200);
    await until(
      () => !h.sim.control[HASH]!.state.hooks.get(customerHook.id)!.is_active,
      'the switch-off',
      15_000,
    );
    const failed = (await deliveries()).filter((x) => x.hookId === customerHook.id && !x.ok);
    expect(failed.length).toBe(12); // the first attempt and 11 retries
    // Meanwhile the cursor moved past the change without reading it (a late commit, a clock step): plain
    // polling from the cursor would never see it.
    const ahead = new Date(Date.now() + 2_000).toISOString();
    new StagingRepo(h.db).setCursor(h.storeId, 'customers', JSON.stringify({ modifiedSince: ahead }), ahead);

    ({ svc } = await h.service(port));
    const nudges = h.nudges.length;
    const result = await svc.check(h.storeId);
    expect(result.reenabled).toEqual([customerHook.id]);
    expect(h.sim.control[HASH]!.state.hooks.get(customerHook.id)!.is_active).toBe(true);
    expect(result.rewound.customers).toBe(new Date(lastActive.last_active_at).toISOString());
    const warned = h.events.query({ type: 'webhook.reenabled' });
    expect(warned).toHaveLength(1);
    expect(warned[0]!.level).toBe('warn');
    await until(() => h.nudges.length > nudges, 'the backfill');
    expect(stagedCustomer(5).map((c) => c.first_name)).toContain('Missed');
    // And deliveries flow again.
    expect((await simPut('/customers/6', { first_name: 'Back' })).status).toBe(200);
    await until(() => stagedCustomer(6).some((c) => c.first_name === 'Back'), 'the next delivery');
    // A healthy store: nothing to re-enable.
    expect((await svc.check(h.storeId)).reenabled).toEqual([]);
  }, 30_000);

  it('finds a switched-off hook on its own, every health interval', async () => {
    const port = Number(new URL(receiverUrl).port);
    await svc.dispose();
    ({ svc } = await h.service(port, 100));
    const orderHook = simHooks().find((x) => x.scope === 'store/order/*')!;
    const off = await fetch(`${h.sim.url}/__sim/stores/${HASH}/webhooks/${orderHook.id}/deactivate`, {
      method: 'POST',
    });
    expect(off.status).toBe(200);
    expect(h.sim.control[HASH]!.state.hooks.get(orderHook.id)!.is_active).toBe(false);
    await until(
      () => h.sim.control[HASH]!.state.hooks.get(orderHook.id)!.is_active,
      'the periodic re-enable',
    );
    await until(() => h.events.query({ type: 'webhook.reenabled' }).length === 2, 'its warning');
    expect(h.events.query({ type: 'webhook.reenabled' })[0]!.message).toContain('store/order/*');
  });
});

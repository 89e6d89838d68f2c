// Runs in: vitest (under scripts/with-keychain.sh). Owns: a hold for re-authentication and the user's own pause
// are two facts: a new store token (`stores:updateToken`) lifts the hold, and a connection the user paused by
// hand, before or during the hold, stays paused until the user resumes it.
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../src/main/app/workspace.js';
import { startActiveCampaignSim } from '../../src/sandbox/activecampaign/index.js';
import { startBigCommerceSim } from '../../src/sandbox/bigcommerce/index.js';
import { tempDir, uniqueService } from '../support/temp.js';

const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

const HASH = 'handpause';
const OLD = 'tok_handpause_old_012345';
const NEW = 'tok_handpause_new_987654';

async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A store whose token is revoked (only NEW is accepted) and `n` connections of it to ActiveCampaign. */
async function setup(n: number) {
  const tokens = [{ token: NEW }];
  const bc = await startBigCommerceSim({
    stores: [
      {
        hash: HASH,
        seed: { customers: 8, orders: 8, products: 2, seed: 'handpause' },
        quota: 100_000,
        windowMs: 1000,
        tokens,
      },
    ],
  });
  closers.push(() => bc.close());
  const ac = await startActiveCampaignSim({ rateLimit: 100_000 });
  closers.push(() => ac.close());
  const ws: Workspace = openWorkspace({
    dir: tempDir(),
    host: 'test',
    keychainService: uniqueService('handpause'),
  });
  closers.push(() => ws.close());
  const store = await ws.stores.add({
    name: 'Paused',
    storeHash: HASH,
    accessToken: OLD,
    apiBaseUrl: bc.url,
  });
  const account = await ws.accounts.add({
    platform: 'activecampaign',
    name: 'AC',
    credentials: { apiUrl: ac.credentials.apiUrl, apiKey: ac.credentials.apiKey },
  });
  const conns = Array.from({ length: n }, (_, i) =>
    ws.connections.add({
      storeId: store.id,
      accountId: account.id,
      name: `Conn ${i + 1}`,
      intervalMs: 1_000,
      settings: { storeUrl: 'https://shop.example.com', requestsPerSecond: 1000 },
    }),
  );
  const held = (id: string) => ws.events.query({ connectionId: id, type: 'connection.reauth' }).length;
  const finished = (id: string) => ws.events.query({ connectionId: id, type: 'sync.finished' }).length;
  return { bc, ws, store, conns, held, finished };
}

describe('a hand pause survives the release of a re-authentication hold', () => {
  it('held, then paused by hand: the new token resumes only the connection the user did not pause', async () => {
    const { ws, store, conns, held, finished } = await setup(2);
    const [mine, other] = conns as [(typeof conns)[0], (typeof conns)[0]];
    ws.scheduler.start();
    closers.push(() => ws.scheduler.dispose());
    await until('both connections held', () => held(mine.id) === 1 && held(other.id) === 1);
    expect(ws.connections.get(mine.id).paused).toBe(true);
    // The console is told why (the dashboard says "needs re-authentication", not "paused").
    const before = await ws.call('connections:list', {});
    expect(before.ok && before.value.map((c) => c.heldFor)).toEqual(['store_token', 'store_token']);

    // The user pauses one of the held connections themselves (e.g. the tray's "Pause all" or its own button).
    expect((await ws.call('connections:pause', { id: mine.id })).ok).toBe(true);

    const replaced = await ws.call('stores:updateToken', { id: store.id, accessToken: NEW });
    expect(replaced.ok, JSON.stringify(replaced)).toBe(true);
    if (!replaced.ok) return;
    expect(replaced.value.resumed).toEqual([{ id: other.id, name: 'Conn 2' }]);
    expect(ws.connections.get(other.id).paused).toBe(false);
    expect(ws.connections.get(mine.id).paused).toBe(true);
    expect(ws.scheduler.status(mine.id).nextRunAt).toBeNull();
    const after = await ws.call('connections:list', {});
    expect(after.ok && after.value.map((c) => [c.paused, c.heldFor])).toEqual([
      [true, undefined],
      [false, undefined],
    ]);
    const [note] = ws.events.query({ storeId: store.id, type: 'store.token_replaced' });
    expect(note!.message).toMatch(/Resumed: Conn 2\. Still paused by you: Conn 1\./);

    // The released one syncs with the new token; the paused one does not run meanwhile.
    await until('the resumed connection finishes a sync', () => finished(other.id) > 0);
    expect(finished(mine.id)).toBe(0);
    expect(ws.engine.isRunning(mine.id)).toBe(false);

    // Resuming is the user's call, and then it runs.
    expect((await ws.call('connections:resume', { id: mine.id })).ok).toBe(true);
    await until('the hand-resumed connection finishes a sync', () => finished(mine.id) > 0);
  }, 30_000);

  it('paused by hand while its run is refused: still paused after the new token', async () => {
    const { bc, ws, store, conns, held } = await setup(1);
    const [conn] = conns as [(typeof conns)[0]];
    // Slow answers (still refused) leave time to pause while the scheduled run is in flight.
    bc.server.faults.add({ kind: 'slow', delayMs: 600, pathIncludes: `/stores/${HASH}/` });
    ws.scheduler.start();
    closers.push(() => ws.scheduler.dispose());
    await until('the scheduled run in flight', () => ws.engine.isRunning(conn.id));
    expect((await ws.call('connections:pause', { id: conn.id })).ok).toBe(true);
    await until('the connection held', () => held(conn.id) === 1);
    bc.server.faults.clear();

    const replaced = await ws.call('stores:updateToken', { id: store.id, accessToken: NEW });
    expect(replaced.ok && replaced.value.resumed).toEqual([]);
    expect(ws.connections.get(conn.id).paused).toBe(true);
    expect(ws.scheduler.status(conn.id).nextRunAt).toBeNull();
    const listed = await ws.call('connections:list', { storeId: store.id });
    expect(listed.ok && listed.value.map((c) => c.paused)).toEqual([true]);
  }, 30_000);
});

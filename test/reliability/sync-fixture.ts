// Runs in: vitest (under scripts/with-keychain.sh). Owns: the setup the reliability tests share: a workspace with
// a simulated store (test/support/store-workspace.ts), the ActiveCampaign simulator and one connection between
// them, syncing until nothing waits, and the exactly-once check; closed after each test.
import { expect } from 'vitest';
import { startActiveCampaignSim, type ActiveCampaignSim } from '../../src/sandbox/activecampaign/index.js';
import { expectedEntities } from '../support/expected-entities.js';
import { closeAfterTest, storeWorkspace, type StoreWorkspaceOptions } from '../support/store-workspace.js';

export { closeAfterTest };

export interface SyncFixtureOptions extends Omit<StoreWorkspaceOptions, 'quota' | 'label'> {
  /** The API URL the account is given, e.g. through a proxy in front of the simulator. */
  apiUrl?: (ac: ActiveCampaignSim) => Promise<string>;
  /** Scheduled every `intervalMs`, or synced only when a test says (`mode: 'off'`). */
  connection: { mode?: 'off'; intervalMs?: number; timeoutMs?: number };
}

export type SyncFixture = Awaited<ReturnType<typeof syncFixture>>;

export async function syncFixture(o: SyncFixtureOptions) {
  const { bc, ws, store } = await storeWorkspace({ ...o, quota: 100_000 });
  const ac = await startActiveCampaignSim({ rateLimit: 100_000 });
  closeAfterTest(() => ac.close());
  const apiUrl = o.apiUrl ? await o.apiUrl(ac) : ac.credentials.apiUrl;
  const account = await ws.accounts.add({
    platform: 'activecampaign',
    name: 'AC',
    credentials: { apiUrl, apiKey: ac.credentials.apiKey },
  });
  const { timeoutMs, ...schedule } = o.connection;
  const conn = ws.connections.add({
    storeId: store.id,
    accountId: account.id,
    ...schedule,
    settings: {
      storeUrl: 'https://shop.example.com',
      requestsPerSecond: 1000,
      ...(timeoutMs ? { timeoutMs } : {}),
    },
  });

  /** Syncs again (as the scheduler would) until nothing waits; answers each run's end state. */
  const settle = async (historical: boolean, realMs = 40_000): Promise<string[]> => {
    const until = Date.now() + realMs;
    const states: string[] = [];
    for (;;) {
      const r = await ws.call('sync:start', { connectionId: conn.id, historical });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (r.ok) states.push(r.value.state);
      historical = false;
      const q = ws.queue.stats(conn.id);
      if (q.queued + q.leased + q.submitted === 0) return states;
      if (Date.now() > until) throw new Error(`not settled: ${JSON.stringify(q)} ${states.join(',')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  /** The destination holds every planned entity of the store exactly once, and nothing is dead-lettered. */
  const expectAllOnce = (why = 'nothing dead-lettered') => {
    const expected = expectedEntities(ws, store.id, conn.id, 'activecampaign');
    const st = ac.state();
    const customers = st.customers.map((c) => c.externalid).filter((x) => !x.startsWith('guest:'));
    expect(customers.length, 'no customer twice').toBe(new Set(customers).size);
    expect(new Set(customers)).toEqual(expected.get('customer'));
    const orders = st.orders.map((o) => o.externalid).filter((x): x is string => x !== null);
    expect(orders.length, 'no order twice').toBe(new Set(orders).size);
    expect(new Set(orders)).toEqual(expected.get('order'));
    expect(ws.queue.deadLetters(conn.id), why).toEqual([]);
  };

  return { bc, ac, ws, store, account, conn, settle, expectAllOnce };
}

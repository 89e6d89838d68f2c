// Runs in: vitest (under scripts/with-keychain.sh). Owns: the consent world (workspace database and event log in
// one folder, a BigCommerce simulator store) connected to all five platforms' simulators, and a "sync" that
// stages the store's people and delivers them through each connector's planner and queue.
import type { Connector, StagedRecord } from '../../src/main/engine/connector.js';
import type { ConnectedSystem } from '../../src/main/consent/systems.js';
import { withoutSuppressed, type SuppressionList } from '../../src/main/privacy/suppression.js';
import { harness as brHarness, type Harness as BrHarness } from '../platforms/bloomreach/harness.js';
import { startHarness as ddHarness, type Harness as DdHarness } from '../platforms/dotdigital/harness.js';
import { startHarness as smHarness, type Harness as SmHarness } from '../platforms/salesmanago/harness.js';
import { openWorld, STORE, type World } from '../consent/world.js';

export const CONNECTIONS = ['conn-ac', 'conn-cf', 'conn-br', 'conn-dd', 'conn-sm'] as const;

export interface FiveWorld extends World {
  br: BrHarness;
  dd: DdHarness;
  sm: SmHarness;
  /** The store's latest staged customers and subscribers, as a sync hands them to the planners. */
  staged(): StagedRecord[];
  /** Plans and delivers the records on all five platforms; with a suppression list, through its guard. */
  deliver(records: StagedRecord[], o: { historical: boolean; suppression?: SuppressionList }): Promise<void>;
}

interface Lane {
  enqueue(records: StagedRecord[], historical: boolean): { queued: number };
  drain(): Promise<unknown>;
}

export async function openFiveWorld(): Promise<FiveWorld> {
  const w = await openWorld();
  const br = await brHarness();
  // dotdigital's and SALESmanago's harnesses run on a manual clock; set to now, their platform-side changes are
  // ordered against BigCommerce's and the others' real timestamps. They close themselves after each test.
  const dd = await ddHarness();
  const sm = await smHarness();
  for (const h of [dd, sm]) h.clock.advance(Date.now() - h.clock.now());
  const now = new Date().toISOString();
  for (const [acct, platform] of [
    ['acct-br', 'bloomreach'],
    ['acct-dd', 'dotdigital'],
    ['acct-sm', 'salesmanago'],
  ] as const) {
    w.db
      .prepare(`INSERT INTO platform_accounts (id, platform, name, created_at) VALUES (?, ?, ?, ?)`)
      .run(acct, platform, platform, now);
    w.db
      .prepare(`INSERT INTO connections (id, store_id, account_id, name, created_at) VALUES (?, ?, ?, ?, ?)`)
      .run(acct.replace('acct', 'conn'), STORE, acct, platform, now);
  }
  const sys = (
    connectionId: string,
    platform: string,
    h: { connector: { label: string }; ctx: unknown; settings?: unknown },
    settings: unknown,
  ): ConnectedSystem => ({
    connectionId,
    storeId: STORE,
    platform,
    label: h.connector.label,
    connector: h.connector as unknown as Connector<unknown, unknown>,
    settings,
    context: () => Promise.resolve(h.ctx as never),
  });
  w.extra.push(
    sys('conn-br', 'bloomreach', br, br.settings),
    sys('conn-dd', 'dotdigital', dd, dd.ctx.settings),
    sys('conn-sm', 'salesmanago', sm, sm.ctx.settings),
  );
  const lanes: Record<string, Lane> = {
    'conn-ac': { enqueue: (r, hist) => w.ac.enqueue(r, hist), drain: () => w.ac.drainAll() },
    'conn-cf': { enqueue: (r, hist) => w.cf.enqueue(r, hist), drain: () => w.cf.drainAll() },
    'conn-br': { enqueue: (r, hist) => br.enqueue(r, hist), drain: () => br.drainAll() },
    'conn-dd': { enqueue: (r, hist) => dd.enqueue(r, hist), drain: () => dd.settle() },
    'conn-sm': { enqueue: (r, hist) => sm.enqueue(r, hist), drain: () => sm.settle() },
  };
  // Reconciling queues the subscriber for a connection through that connection's own planner and queue.
  w.systems.enqueue = (s, record) => lanes[s.connectionId]!.enqueue([record], false).queued;
  const worldClose = w.close.bind(w);
  return Object.assign(w, {
    br,
    dd,
    sm,
    staged(): StagedRecord[] {
      const rows = w.db
        .prepare(
          `SELECT resource, record_id, date_modified, payload FROM staging s WHERE store_id = ? AND kind = 'upsert'
           AND seq = (SELECT max(seq) FROM staging t WHERE t.store_id = s.store_id AND t.resource = s.resource
           AND t.record_id = s.record_id) ORDER BY seq`,
        )
        .all(STORE) as Array<{ resource: string; record_id: string; date_modified: string; payload: string }>;
      return rows.map((r) => ({
        storeId: STORE,
        resource: r.resource as StagedRecord['resource'],
        id: r.record_id,
        dateModified: r.date_modified,
        data: JSON.parse(r.payload) as unknown,
        deleted: false,
        historical: true,
      }));
    },
    async deliver(records: StagedRecord[], o: { historical: boolean; suppression?: SuppressionList }) {
      const planned = o.suppression ? withoutSuppressed(o.suppression, records) : records;
      for (const id of CONNECTIONS) {
        lanes[id]!.enqueue(planned, o.historical);
        await lanes[id]!.drain();
      }
    },
    async close() {
      await br.close();
      await worldClose();
    },
  });
}

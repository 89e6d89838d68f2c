// Runs in: vitest (under scripts/with-keychain.sh). Owns: a workspace database (migrations 1..n plus 006) and event log in a temp folder, a
// BigCommerce simulator store, and ActiveCampaign and Connectif connections on their simulators, as Systems.
import { join } from 'node:path';
import { BigCommerceClient } from '../../src/main/bigcommerce/client.js';
import { Transport } from '../../src/main/bigcommerce/transport.js';
import { systemClock } from '../../src/main/core/clock.js';
import type { Connector } from '../../src/main/engine/connector.js';
import { EventLog } from '../../src/main/events/event-log.js';
import { Extractor } from '../../src/main/extract/extractor.js';
import type { ConnectedSystem, Systems } from '../../src/main/consent/systems.js';
import { openDb, type Db } from '../../src/main/storage/db.js';
import { migrate } from '../../src/main/storage/migrate.js';
import { migrations } from '../../src/main/storage/migrations/index.js';
import { m006 } from '../../src/main/storage/migrations/006-consent-privacy.js';
import { startBigCommerceSim, type BigCommerceSim } from '../../src/sandbox/bigcommerce/index.js';
import { harness as acHarness, type Harness as AcHarness } from '../platforms/activecampaign/harness.js';
import { harness as cfHarness, type Harness as CfHarness } from '../platforms/connectif/harness.js';
import { KeytarSecretStore } from '../../src/main/secrets/keytar-store.js';
import type { SecretStore } from '../../src/main/secrets/secret-store.js';
import { tempDir, uniqueService } from '../support/temp.js';

export const STORE = 'store-1';
export const HASH = 'k';

export interface World {
  dir: string;
  db: Db;
  events: EventLog;
  bc: BigCommerceSim;
  transport: Transport;
  ac: AcHarness;
  cf: CfHarness;
  systems: Systems;
  /** The real keychain, under a service of this world's own (the privacy salt lives there). */
  secrets: SecretStore;
  extra: ConnectedSystem[];
  /** Stages the store's customers and subscribers into the workspace, as a historical sync's extract would. */
  extract(): Promise<void>;
  close(): Promise<void>;
}

/** Migration 006 is not registered until 005 is; apply it on top of whatever is registered. */
export function workspaceDb(file: string): Db {
  const db = openDb(file);
  migrate(db, migrations, 'test');
  if (!migrations.some((m) => m.id === m006.id)) db.exec(m006.sql);
  return db;
}

export async function openWorld(): Promise<World> {
  const dir = tempDir('sb-consent-');
  const db = workspaceDb(join(dir, 'storebridge.db'));
  const events = new EventLog(join(dir, 'events.db'), { clock: systemClock, maskPii: () => false });
  const bc = await startBigCommerceSim({
    stores: [{ hash: HASH, seed: { customers: 3, subscribers: 0, orders: 0, products: 1 }, quota: 10_000 }],
  });
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO stores (id, name, store_hash, api_base_url, token_hint, demo, created_at) VALUES (?, 'Shop', ?, ?, '', 0, ?)`,
  ).run(STORE, HASH, bc.url, now);
  for (const [acct, platform] of [
    ['acct-ac', 'activecampaign'],
    ['acct-cf', 'connectif'],
    ['acct-file', 'file'],
  ] as const) {
    db.prepare(`INSERT INTO platform_accounts (id, platform, name, created_at) VALUES (?, ?, ?, ?)`).run(
      acct,
      platform,
      platform,
      now,
    );
    db.prepare(
      `INSERT INTO connections (id, store_id, account_id, name, created_at) VALUES (?, ?, ?, ?, ?)`,
    ).run(acct.replace('acct', 'conn'), STORE, acct, platform, now);
  }
  const transport = new Transport({
    storeHash: HASH,
    accessToken: bc.stores[0]!.token,
    baseUrl: bc.url,
    retry: { baseMs: 5, maxMs: 50, maxAttempts: 3 },
  });
  const ac = await acHarness();
  const cf = await cfHarness();
  const sys = (id: string, platform: string, h: AcHarness | CfHarness): ConnectedSystem => ({
    connectionId: id,
    storeId: STORE,
    platform,
    label: h.connector.label,
    connector: h.connector as unknown as Connector<unknown, unknown>,
    settings: h.settings,
    context: () => Promise.resolve(h.ctx as never),
  });
  const extra: ConnectedSystem[] = [];
  const conns = [sys('conn-ac', 'activecampaign', ac), sys('conn-cf', 'connectif', cf)];
  const harnesses: Record<string, AcHarness | CfHarness> = { 'conn-ac': ac, 'conn-cf': cf };
  const systems: Systems = {
    storeIds: () => [STORE],
    connections: (storeId) => [...conns, ...extra].filter((c) => !storeId || c.storeId === storeId),
    bigcommerce: () => Promise.resolve(transport),
    // The platform harness plans with the connector and queues the jobs, as the engine's planner does.
    enqueue: (s, record) => harnesses[s.connectionId]!.enqueue([record], false).queued,
  };
  return {
    dir,
    db,
    events,
    bc,
    transport,
    ac,
    cf,
    systems,
    secrets: new KeytarSecretStore(uniqueService('consent-world')),
    extra,
    async extract() {
      const client = new BigCommerceClient(transport);
      const x = new Extractor({ db, client, storeId: STORE, clock: systemClock });
      await x.historical('customers');
      await x.historical('subscribers');
    },
    async close() {
      await ac.close();
      await cf.close();
      await bc.close();
      events.close();
      db.close();
    },
  };
}

export async function bcPost(w: World, path: string, json: unknown): Promise<unknown> {
  return (await w.transport.request('POST', path, { json })).body;
}

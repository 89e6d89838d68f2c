// Runs in: vitest (Node). Owns: the shared set-up of the BigCommerce integration tests: a simulator, a
// migrated workspace database in a temp folder with one store row, and a client + extractor for it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BigCommerceClient } from '../../src/main/bigcommerce/client.js';
import type { CallInfo, TransportOptions } from '../../src/main/bigcommerce/transport.js';
import { Extractor, type ExtractorOptions } from '../../src/main/extract/extractor.js';
import { openDb, type Db } from '../../src/main/storage/db.js';
import { migrate } from '../../src/main/storage/migrate.js';
import { migrations } from '../../src/main/storage/migrations/index.js';
import {
  startBigCommerceSim,
  type BigCommerceSim,
  type StoreOptions,
} from '../../src/sandbox/bigcommerce/index.js';

export interface Harness {
  sim: BigCommerceSim;
  db: Db;
  storeId: string;
  calls: CallInfo[];
  client(extra?: Partial<TransportOptions>): BigCommerceClient;
  extractor(client: BigCommerceClient, extra?: Partial<ExtractorOptions>): Extractor;
  close(): Promise<void>;
}

/** Fast retries so fault tests take milliseconds, not minutes. */
export const fastRetry = { baseMs: 5, maxMs: 50, maxAttempts: 6, max429: 12 };

export async function startHarness(store: StoreOptions): Promise<Harness> {
  const sim = await startBigCommerceSim({ stores: [store] });
  const dir = mkdtempSync(join(tmpdir(), 'sb-bc-'));
  const db = openDb(join(dir, 'test.db'));
  migrate(db, migrations, 'test');
  const storeId = 'store-1';
  db.prepare(
    `INSERT INTO stores (id, name, store_hash, api_base_url, token_hint, demo, created_at) VALUES (?, ?, ?, ?, '…', 0, ?)`,
  ).run(storeId, 'Test store', store.hash, sim.url, new Date().toISOString());
  const calls: CallInfo[] = [];
  const token = sim.stores[0]!.token;
  return {
    sim,
    db,
    storeId,
    calls,
    client: (extra = {}) =>
      new BigCommerceClient({
        baseUrl: sim.url,
        storeHash: store.hash,
        accessToken: token,
        storeLabel: 'Test store',
        timeoutMs: 5_000,
        retry: fastRetry,
        onCall: (c) => calls.push(c),
        ...extra,
      }),
    extractor: (client, extra = {}) => new Extractor({ db, client, storeId, overlapMs: 2_000, ...extra }),
    async close() {
      db.close();
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

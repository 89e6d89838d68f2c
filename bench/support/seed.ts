// Runs in: Node (benchmarks) and vitest. Owns: a workspace folder with one or more stores whose staging
// already holds N synthetic records, and file-export connections to them, so the engine can be measured alone.
import { createHash } from 'node:crypto';
import { openWorkspace, type Workspace } from '../../src/main/app/workspace.js';
import { silentLogger } from '../../src/main/core/logger.js';
import { MemorySecretStore } from '../../src/main/engine/worker/memory-secrets.js';

export interface SeededWorkspace {
  ws: Workspace;
  secrets: MemorySecretStore;
  stores: Array<{ storeId: string; connectionIds: string[] }>;
}

export interface SeedOptions {
  dir: string;
  /** Where the file exporter writes. */
  outDir: string;
  stores?: number;
  connectionsPerStore?: number;
  recordsPerStore: number;
}

/** Synthetic customers and orders (1 order per 2 customers), shaped like the normalised BigCommerce ones. */
export function syntheticRecord(i: number): { resource: 'customers' | 'orders'; id: string; data: unknown } {
  const isOrder = i % 3 === 2;
  const n = Math.floor(i / 3) * 2 + (i % 3);
  if (isOrder)
    return {
      resource: 'orders',
      id: String(i),
      data: { id: i, customerId: n, status: 'Completed', total: (i % 500) + 0.99, currency: 'USD' },
    };
  return {
    resource: 'customers',
    id: String(i),
    data: {
      id: i,
      email: `customer${i}@example.com`,
      firstName: `First${i}`,
      lastName: `Last${i}`,
      acceptsMarketing: i % 2 === 0,
      dateCreated: '2026-01-01T00:00:00.000Z',
    },
  };
}

export async function seedWorkspace(o: SeedOptions): Promise<SeededWorkspace> {
  const secrets = new MemorySecretStore();
  const ws = openWorkspace({ dir: o.dir, host: 'test', secrets, logger: silentLogger });
  const now = new Date().toISOString();
  const account = await ws.accounts.add({ platform: 'file', name: 'Exports', credentials: {} });
  const insertStore = ws.db.prepare(
    `INSERT INTO stores (id, name, store_hash, api_base_url, token_hint, demo, created_at)
     VALUES (?, ?, ?, 'http://127.0.0.1:9', '', 0, ?)`,
  );
  const insertStaged = ws.db.prepare(
    `INSERT INTO staging (store_id, resource, record_id, date_modified, kind, payload, content_hash, extracted_at)
     VALUES (?, ?, ?, ?, 'upsert', ?, ?, ?)`,
  );
  const stores: SeededWorkspace['stores'] = [];
  for (let s = 0; s < (o.stores ?? 1); s++) {
    const storeId = `store-${s}`;
    insertStore.run(storeId, `Store ${s}`, `hash${s}`, now);
    // Pages of 5,000 per transaction keep a 1M-record seed's memory flat.
    for (let from = 0; from < o.recordsPerStore; from += 5_000) {
      ws.db.transaction(() => {
        for (let i = from; i < Math.min(o.recordsPerStore, from + 5_000); i++) {
          const r = syntheticRecord(i);
          const payload = JSON.stringify(r.data);
          const hash = createHash('sha1').update(payload).digest('hex');
          insertStaged.run(storeId, r.resource, r.id, now, payload, hash, now);
        }
      })();
    }
    const connectionIds: string[] = [];
    for (let c = 0; c < (o.connectionsPerStore ?? 1); c++) {
      const conn = ws.connections.add({
        storeId,
        accountId: account.id,
        name: `Export ${s}.${c}`,
        settings: { directory: `${o.outDir}/c${c}`, format: 'ndjson' },
      });
      connectionIds.push(conn.id);
    }
    stores.push({ storeId, connectionIds });
  }
  return { ws, secrets, stores };
}

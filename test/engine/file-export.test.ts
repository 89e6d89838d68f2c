// End to end through the engine: a simulated BigCommerce store is extracted once, planned for a file-export
// connection and delivered to NDJSON files; a second sync sends nothing; a change is sent exactly once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBigCommerceSim } from '../../src/sandbox/bigcommerce/index.js';
import { AccountService } from '../../src/main/accounts/account-service.js';
import { BigCommerceStoreSource } from '../../src/main/app/store-source.js';
import { openWorkspace, type Workspace } from '../../src/main/app/workspace.js';
import { systemClock } from '../../src/main/core/clock.js';
import { ConnectionService } from '../../src/main/connections/connection-service.js';
import { EventLog } from '../../src/main/events/event-log.js';
import { JobQueue } from '../../src/main/engine/queue/job-queue.js';
import { RateLimiters } from '../../src/main/engine/rate-limiter.js';
import { SyncEngine } from '../../src/main/engine/sync-engine.js';
import { connectorFor } from '../../src/main/platforms/registry.js';
import { tempDir, uniqueService } from '../support/temp.js';

const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

function lines(file: string): Array<{ id: string; resource: string; data: Record<string, unknown> }> {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as never);
}

async function setup() {
  const sim = await startBigCommerceSim({
    stores: [
      {
        hash: 'engine1',
        seed: { customers: 300, orders: 600, products: 40, seed: 'engine' },
        quota: 10_000,
        windowMs: 1000,
        tokens: [{ token: 'tok_engine_test_123456' }],
      },
    ],
  });
  closers.push(() => sim.close());
  const ws: Workspace = openWorkspace({
    dir: tempDir(),
    host: 'test',
    keychainService: uniqueService('engine'),
  });
  closers.push(() => ws.close());
  const store = await ws.stores.add({
    name: 'Engine store',
    storeHash: 'engine1',
    accessToken: 'tok_engine_test_123456',
    apiBaseUrl: sim.url,
  });
  const accounts = new AccountService(ws.db, ws.secrets, systemClock);
  const connections = new ConnectionService(ws.db, accounts, systemClock);
  const out = tempDir();
  const account = await accounts.add({ platform: 'file', name: 'Exports', credentials: {} });
  const conn = connections.add({
    storeId: store.id,
    accountId: account.id,
    settings: { directory: out, format: 'ndjson' },
  });
  const events = new EventLog(join(ws.dir, 'events.db'), { clock: systemClock, maskPii: () => false });
  closers.push(() => events.close());
  const engine = new SyncEngine({
    db: ws.db,
    queue: new JobQueue(ws.db),
    events,
    clock: systemClock,
    limiters: new RateLimiters(systemClock),
    source: new BigCommerceStoreSource(ws.db, ws.stores, systemClock),
    connection: (id) => {
      const c = connections.get(id);
      return { ...c, accountName: accounts.get(c.accountId).name };
    },
    connector: (p) => connectorFor(p)!,
    credentials: (id) => accounts.credentials(id),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    owner: 'test',
  });
  return { sim, ws, engine, conn, out, store, events };
}

describe('sync engine → file exporter', () => {
  it('exports a whole store once, then only what changed', async () => {
    const { sim, engine, conn, out, store, events } = await setup();
    const first = await engine.sync(conn.id, { historical: true });
    expect(first.delivery.state).toBe('drained');
    const dir = join(out, store.id);
    const customers = lines(join(dir, 'customers.ndjson'));
    const orders = lines(join(dir, 'orders.ndjson'));
    expect(customers).toHaveLength(300);
    expect(new Set(customers.map((c) => c.id)).size).toBe(300);
    expect(orders).toHaveLength(600);
    expect(lines(join(dir, 'products.ndjson'))).toHaveLength(40);
    // Guest orders are exported like any other.
    expect(orders.some((o) => o.data.customer_id === 0 || o.data.customerId === 0)).toBe(true);

    const second = await engine.sync(conn.id);
    expect(second.delivery.delivered).toBe(0);
    expect(lines(join(dir, 'customers.ndjson'))).toHaveLength(300);

    // A customer edited in the store arrives once.
    const res = await fetch(`${sim.url}/__sim/stores/engine1/customers/1`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ first_name: 'Zoë-Changed' }),
    });
    expect(res.status, await res.text()).toBeLessThan(300);
    const third = await engine.sync(conn.id);
    expect(third.delivery.delivered).toBe(1);
    const after = lines(join(dir, 'customers.ndjson'));
    expect(after).toHaveLength(301);
    expect(JSON.stringify(after[300])).toContain('Zoë-Changed');
    expect(events.query({ type: 'sync.finished', connectionId: conn.id })).toHaveLength(3);
  });
});

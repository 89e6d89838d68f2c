// Runs in: vitest (Node). Owns: the set-up the webhook tests share: the BigCommerce simulator delivering
// callbacks on a time-scaled retry schedule, a migrated workspace database with one store (token in the real
// keychain), an event log, an extractor that a nudge runs, and a WebhookService started on loopback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BigCommerceClient } from '../../src/main/bigcommerce/client.js';
import { EventBus } from '../../src/main/core/emitter.js';
import { EventLog } from '../../src/main/events/event-log.js';
import { Extractor } from '../../src/main/extract/extractor.js';
import type { ExtractResource } from '../../src/main/extract/resources.js';
import { KeytarSecretStore } from '../../src/main/secrets/keytar-store.js';
import { openDb, type Db } from '../../src/main/storage/db.js';
import { migrate } from '../../src/main/storage/migrate.js';
import { migrations } from '../../src/main/storage/migrations/index.js';
import { StoreRepo } from '../../src/main/stores/store-repo.js';
import { StoreService } from '../../src/main/stores/store-service.js';
import { WebhookService } from '../../src/main/webhooks/service.js';
import { startBigCommerceSim, type BigCommerceSim } from '../../src/sandbox/bigcommerce/index.js';
import { uniqueService } from '../support/temp.js';

export const HASH = 'hooked1';
export const TOKEN = 'tok_hooked_1234567';

export interface WebhookHarness {
  sim: BigCommerceSim;
  db: Db;
  dir: string;
  storeId: string;
  stores: StoreService;
  secrets: KeytarSecretStore;
  events: EventLog;
  extractor: Extractor;
  /** Every nudge the service made, in order, and the extraction it ran. */
  nudges: Array<{ storeId: string; resources: ExtractResource[]; staged: number }>;
  /** While set, a nudge waits for it before extracting (to hold a sync "in flight"). */
  gate: { wait: Promise<void> | null; started: number };
  /** A service on the given port (0: any), whose public URL is the receiver itself (as a tunnel would be). */
  service(port?: number, healthIntervalMs?: number): Promise<{ svc: WebhookService; url: string }>;
  close(): Promise<void>;
}

/** `simClientSecret`: the simulated API account signs its callbacks with it (the app's copy is set apart). */
export async function startWebhookHarness(o: { simClientSecret?: string } = {}): Promise<WebhookHarness> {
  // 48 hours of retries in about 2 s.
  const sim = await startBigCommerceSim({
    webhooks: { timeScale: 0.00001, timeoutMs: 2_000 },
    stores: [
      {
        hash: HASH,
        seed: { customers: 30, orders: 30, products: 10, seed: 'hooks' },
        quota: 10_000,
        windowMs: 1_000,
        tokens: [{ token: TOKEN, ...(o.simClientSecret ? { clientSecret: o.simClientSecret } : {}) }],
      },
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), 'sb-hooks-'));
  const db = openDb(join(dir, 'storebridge.db'));
  migrate(db, migrations, 'test');
  const secrets = new KeytarSecretStore(uniqueService('webhooks'));
  const clock = { now: () => Date.now() };
  const stores = new StoreService(new StoreRepo(db), secrets, new EventBus(), clock);
  const store = await stores.add({
    name: 'Hooked',
    storeHash: HASH,
    accessToken: TOKEN,
    apiBaseUrl: sim.url,
  });
  const events = new EventLog(join(dir, 'events.db'), { clock, maskPii: () => false });
  const client = new BigCommerceClient({ baseUrl: sim.url, storeHash: HASH, accessToken: TOKEN });
  // No overlap: a read from a cursor returns only what changed after it, so a rewound cursor is visible.
  const extractor = new Extractor({ db, client, storeId: store.id, overlapMs: 0 });
  const nudges: WebhookHarness['nudges'] = [];
  const gate: WebhookHarness['gate'] = { wait: null, started: 0 };
  const services: WebhookService[] = [];
  return {
    sim,
    db,
    dir,
    storeId: store.id,
    stores,
    secrets,
    events,
    extractor,
    nudges,
    gate,
    async service(port = 0, healthIntervalMs = 60_000) {
      const svc = new WebhookService({
        db,
        stores,
        secrets,
        events,
        clock,
        debounceMs: 50,
        healthIntervalMs,
        nudge: async (storeId, resources) => {
          gate.started++;
          await gate.wait;
          let staged = 0;
          for (const r of resources) staged += (await extractor.incremental(r)).staged;
          nudges.push({ storeId, resources, staged });
        },
      });
      services.push(svc);
      // The receiver's own address stands in for the user's tunnel; BigCommerce would need https on 443.
      svc.configure({ publicUrl: 'http://127.0.0.1/', port });
      const started = await svc.start();
      if (!started) throw new Error('the receiver did not start');
      svc.configure({ publicUrl: started.url, port: Number(new URL(started.url).port) });
      return { svc, url: started.url };
    },
    async close() {
      for (const s of services) await s.dispose();
      await secrets.delete(`store:${store.id}:token`).catch(() => undefined);
      await secrets.delete(`store:${store.id}:client-secret`).catch(() => undefined);
      events.close();
      db.close();
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls until `fn` returns a truthy value (no fixed sleeps). */
export async function until<T>(fn: () => T | Promise<T>, what: string, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

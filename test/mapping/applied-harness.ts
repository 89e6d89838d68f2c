// Runs in: vitest. Owns: one connection synced by the real SyncEngine (staging prefilled, no BigCommerce) into
// a platform simulator, with its mapping saved through the real MappingService against the live catalogue.
import { systemClock } from '../../src/main/core/clock.js';
import { silentLogger } from '../../src/main/core/logger.js';
import type { Connector } from '../../src/main/engine/connector.js';
import { JobQueue } from '../../src/main/engine/queue/job-queue.js';
import { RateLimiters } from '../../src/main/engine/rate-limiter.js';
import { SyncEngine, type SyncSummary } from '../../src/main/engine/sync-engine.js';
import type { NewEvent } from '../../src/main/events/event-log.js';
import type { MappingInput } from '../../src/main/mapping/model.js';
import { MappingService } from '../../src/main/mapping/service.js';
import type { Db } from '../../src/main/storage/db.js';
import { engineDb } from '../support/engine-db.js';
import { stage } from './db.js';

export interface AppliedHarness {
  db: Db;
  events: NewEvent[];
  mapping: MappingService;
  stage(records: Array<Record<string, unknown>>): void;
  save(input: MappingInput): Promise<void>;
  sync(): Promise<SyncSummary>;
  close(): void;
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

export function appliedHarness(o: {
  platform: string;
  connector: Connector<unknown, unknown>;
  credentials: unknown;
  settings: unknown;
}): AppliedHarness {
  const db = engineDb(['conn-a']);
  db.prepare(`UPDATE platform_accounts SET platform = ? WHERE id = 'acct-1'`).run(o.platform);
  const queue = new JobQueue(db, { baseMs: 5, maxMs: 50, maxAttempts: 5 }, () => 0);
  const events: NewEvent[] = [];
  const ctx = {
    credentials: o.credentials,
    settings: o.settings,
    account: { id: 'acct-1', name: o.platform },
    clock: systemClock,
    logger: silentLogger,
    signal: new AbortController().signal,
  };
  const mapping = new MappingService(db, systemClock, {
    remoteFields: async () => (o.connector.fieldCatalogue ? o.connector.fieldCatalogue(ctx) : []),
  });
  const engine = new SyncEngine({
    db,
    queue,
    events: { append: (...e) => (events.push(...e), []) },
    clock: systemClock,
    limiters: new RateLimiters(systemClock),
    // Staging is filled by the test: the store source has nothing to add.
    source: { refresh: async () => ({ staged: 0 }) },
    connection: (id) => ({
      id,
      storeId: 'store-1',
      accountId: 'acct-1',
      accountName: o.platform,
      platform: o.platform,
      name: 'Mapped',
      scope: {},
      settings: o.settings,
    }),
    connector: () => o.connector,
    credentials: async () => o.credentials,
    sleep,
    owner: 'test',
  });
  return {
    db,
    events,
    mapping,
    stage: (records) => stage(db, 'store-1', 'customers', records),
    async save(input) {
      await mapping.save('conn-a', input);
    },
    async sync() {
      const out = await engine.sync('conn-a');
      if (out.delivery.dead > 0 || out.delivery.state !== 'drained') {
        const why = events.filter((e) => e.level !== 'info').map((e) => e.message);
        throw new Error(`sync did not deliver everything: ${JSON.stringify(out.delivery)} ${why.join('; ')}`);
      }
      return out;
    },
    close: () => db.close(),
  };
}

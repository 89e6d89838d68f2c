// Runs in: a child Node process (node --import tsx) the crash harness starts and SIGKILLs. Owns: one
// historical sync of one connection in a real workspace (SQLite file + real keychain), rerun until its queue
// is empty, reporting on stdout how many records the ledger holds after every batch.
import { randomUUID } from 'node:crypto';
import { openWorkspace } from '../../src/main/app/workspace.js';
import { BigCommerceStoreSource } from '../../src/main/app/store-source.js';
import { systemClock } from '../../src/main/core/clock.js';
import { AppError } from '../../src/main/core/errors.js';
import type { NewEvent } from '../../src/main/events/event-log.js';
import { RateLimiters } from '../../src/main/engine/rate-limiter.js';
import { SyncEngine } from '../../src/main/engine/sync-engine.js';
import type { Connector } from '../../src/main/engine/connector.js';
import { createConnectifConnector } from '../../src/main/platforms/connectif/index.js';
import { connectorFor } from '../../src/main/platforms/registry.js';

/** Connectors whose waits are options: the same code with its polling scaled to the test's pace. */
const scaled: Record<string, () => Connector<unknown, unknown>> = {
  connectif: () =>
    createConnectifConnector({ exportPollMs: 20, exportMaxWaitMs: 10_000 }) as unknown as Connector<
      unknown,
      unknown
    >,
};

export interface CrashChildArgs {
  dir: string;
  keychainService: string;
  connectionId: string;
  /** Scaled down so a kill lands between and inside many batches of a small store. */
  batchSize: number;
  /** Short, so the next child reclaims what a killed one had leased without waiting minutes. */
  leaseMs: number;
}

const args = JSON.parse(process.argv[2] ?? '{}') as CrashChildArgs;
const say = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const ws = openWorkspace({ dir: args.dir, host: 'test', keychainService: args.keychainService });
const ledger = ws.db.prepare('SELECT count(*) AS n FROM deliveries WHERE connection_id = ?');
const progress = () => say(`progress ${(ledger.get(args.connectionId) as { n: number }).n}`);

const engine = new SyncEngine({
  db: ws.db,
  queue: ws.queue,
  events: {
    append: (...e: NewEvent[]) => {
      const out = ws.events.append(...e);
      if (e.some((x) => x.type === 'delivery.batch')) progress();
      return out;
    },
  },
  clock: systemClock,
  limiters: new RateLimiters(systemClock),
  source: new BigCommerceStoreSource(ws.db, ws.stores, systemClock),
  connection: (id) => {
    const c = ws.connections.get(id);
    return { ...c, accountName: ws.accounts.get(c.accountId).name };
  },
  connector: (platform) => {
    const c = scaled[platform]?.() ?? connectorFor(platform);
    if (!c) throw new AppError('invalid_input', `No connector for "${platform}"`);
    return { ...c, batchSize: Math.min(c.batchSize, args.batchSize) };
  },
  credentials: (accountId) => ws.accounts.credentials(accountId),
  sleep: (ms, signal) =>
    signal.aborted || ms <= 0 ? Promise.resolve() : new Promise((r) => setTimeout(r, ms)),
  owner: `crash-child-${process.pid}-${randomUUID()}`,
  leaseMs: args.leaseMs,
});

progress();
say('ready');
// Jobs a killed predecessor leased come back when their lease expires; retries when their backoff ends.
for (;;) {
  await engine.sync(args.connectionId, { historical: true });
  const s = ws.queue.stats(args.connectionId);
  if (s.queued + s.leased + s.submitted === 0) {
    for (const d of ws.queue.deadLetters(args.connectionId, 3)) say(`dead-letter ${JSON.stringify(d)}`);
    say(`dead ${s.dead}`);
    break;
  }
  await sleep(s.leased > 0 ? args.leaseMs : 20);
}
progress();
say('done');
ws.close();

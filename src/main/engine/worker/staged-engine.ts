// Runs in: the engine worker, and benchmarks in process. Owns: a workspace's engine composed over the
// staged-only source (no BigCommerce reads), so a sync plans and delivers what is already staged.
import { randomUUID } from 'node:crypto';
import type { Workspace } from '../../app/workspace.js';
import { systemClock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import { connectorFor } from '../../platforms/registry.js';
import { RateLimiters } from '../rate-limiter.js';
import { SyncEngine } from '../sync-engine.js';
import { StagedOnlySource } from './staged-source.js';

/** The workspace's engine with a source that reads only staging (see StagedOnlySource). */
export function stagedEngine(w: Workspace): SyncEngine {
  return new SyncEngine({
    db: w.db,
    queue: w.queue,
    events: w.events,
    clock: systemClock,
    limiters: new RateLimiters(systemClock),
    source: new StagedOnlySource(w.db),
    connection: (id) => {
      const c = w.connections.get(id);
      return { ...c, accountName: w.accounts.get(c.accountId).name };
    },
    connector: (platform) => {
      const c = connectorFor(platform);
      if (!c) throw new AppError('invalid_input', `This build has no connector for "${platform}".`);
      return c;
    },
    credentials: (accountId) => w.accounts.credentials(accountId),
    sleep: (ms, signal) =>
      new Promise((resolve) => {
        const done = () => {
          clearTimeout(t);
          signal.removeEventListener('abort', done);
          resolve();
        };
        const t = setTimeout(done, ms);
        signal.addEventListener('abort', done, { once: true });
      }),
    owner: `worker-${process.pid}-${randomUUID()}`,
  });
}

// Runs in: vitest (under scripts/with-keychain.sh). Owns: what a first (historical) sync to dotdigital reports
// while its bulk imports are processing: confirmed imports count as delivered; imports still processing when
// the wait's bound passes are reported as awaiting dotdigital (not delivered, not dead); cancelling stops the
// wait at once. Real BigCommerce and dotdigital simulators, a real workspace, real time (bounds kept short).
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../../src/main/app/workspace.js';
import { systemClock } from '../../../src/main/core/clock.js';
import type { ConfirmWait } from '../../../src/main/engine/deliver/await-confirmation.js';
import { RateLimiters } from '../../../src/main/engine/rate-limiter.js';
import { toRunSummary } from '../../../src/main/engine/run-summary.js';
import { SyncEngine, type SyncProgress } from '../../../src/main/engine/sync-engine.js';
import { BigCommerceStoreSource } from '../../../src/main/app/store-source.js';
import { createDotdigitalConnector } from '../../../src/main/platforms/dotdigital/index.js';
import { connectorFor } from '../../../src/main/platforms/registry.js';
import { syncSummarySchema } from '../../../src/shared/contract/connections.js';
import { startBigCommerceSim } from '../../../src/sandbox/bigcommerce/index.js';
import { type DotdigitalSimOptions, startDotdigitalSim } from '../../../src/sandbox/dotdigital/index.js';
import { tempDir, uniqueService } from '../../support/temp.js';

const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

async function setup(jobs: DotdigitalSimOptions['jobs']) {
  const bc = await startBigCommerceSim({
    stores: [
      {
        hash: 'ddsum1',
        seed: { customers: 6, orders: 4, products: 2, seed: 'ddsum' },
        quota: 10_000,
        windowMs: 1000,
        tokens: [{ token: 'tok_ddsum_0123456789' }],
      },
    ],
  });
  closers.push(() => bc.close());
  const sim = await startDotdigitalSim({ jobs });
  closers.push(() => sim.close());
  const ws = openWorkspace({ dir: tempDir(), host: 'test', keychainService: uniqueService('ddsum') });
  closers.push(() => ws.close());
  const store = await ws.stores.add({
    name: 'Summary store',
    storeHash: 'ddsum1',
    accessToken: 'tok_ddsum_0123456789',
    apiBaseUrl: bc.url,
  });
  const a = sim.credentials[0]!;
  const credentials = {
    apiUser: a.username,
    password: a.password,
    region: a.region,
    endpoint: sim.urls[a.region],
  };
  const setupApi = createDotdigitalConnector().setup;
  const base = { credentials, signal: new AbortController().signal };
  const customers = await setupApi.ensureAddressBook(base, 'Store customers');
  const subscribers = await setupApi.ensureAddressBook(base, 'Store subscribers');
  const account = await ws.accounts.add({ platform: 'dotdigital', name: 'dotdigital', credentials });
  const r = await ws.call('connections:add', {
    storeId: store.id,
    accountId: account.id,
    settings: { customersAddressBookId: customers.id, subscribersAddressBookId: subscribers.id },
  });
  if (!r.ok) throw new Error(r.error.message);
  const simJobs = async () =>
    (await (await fetch(`${sim.url}/__sim/jobs`)).json()) as Array<{ id: string; state: string }>;
  return { ws, sim, connectionId: r.value.id, simJobs };
}

/** An engine on the workspace's files with a short confirmation bound, so "past the bound" takes a second. */
function engineWith(ws: Workspace, confirmWait: Omit<ConfirmWait, 'onAwaiting'>): SyncEngine {
  return new SyncEngine({
    db: ws.db,
    queue: ws.queue,
    events: ws.events,
    clock: systemClock,
    limiters: new RateLimiters(systemClock),
    source: new BigCommerceStoreSource(ws.db, ws.stores, systemClock),
    connection: (id) => {
      const c = ws.connections.get(id);
      return { ...c, accountName: ws.accounts.get(c.accountId).name };
    },
    connector: (p) => connectorFor(p)!,
    credentials: (id) => ws.accounts.credentials(id),
    sleep: (ms, signal) =>
      new Promise((resolve) => {
        if (signal.aborted) return resolve();
        const done = () => {
          clearTimeout(t);
          signal.removeEventListener('abort', done);
          resolve();
        };
        const t = setTimeout(done, ms);
        signal.addEventListener('abort', done, { once: true });
      }),
    owner: 'test',
    confirmWait,
  });
}

describe('a first dotdigital sync and its summary', () => {
  it('waits for the imports to finish and counts every contact delivered', async () => {
    // Each import finishes 0.8 s after it was submitted, as a real import takes a while.
    const { ws, sim, connectionId, simJobs } = await setup({ finishAfterMs: 800 });
    const progress: SyncProgress[] = [];
    const off = ws.bus.on('sync:progress', (p) => progress.push(p as SyncProgress));
    closers.push(off);
    const r = await ws.call('sync:start', { connectionId, historical: true });
    if (!r.ok) throw new Error(r.error.message);
    const s = r.value;
    expect(s).toMatchObject({ state: 'drained', dead: 0, awaitingConfirmation: 0, rateLimited: 0 });
    expect(s.queued).toBeGreaterThan(6);
    expect(s.delivered).toBe(s.queued);
    expect(ws.queue.stats(connectionId)).toMatchObject({ submitted: 0, queued: 0, dead: 0 });
    expect((await simJobs()).every((j) => j.state !== 'pending')).toBe(true);
    const contacts = (await (await fetch(`${sim.url}/__sim/contacts`)).json()) as unknown[];
    expect(contacts.length).toBeGreaterThanOrEqual(6);
    // While it waited, progress said for whom and how many.
    const waiting = progress.filter((p) => (p.awaitingConfirmation ?? 0) > 0);
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((p) => p.phase === 'deliver' && p.platformLabel === 'dotdigital')).toBe(true);
    expect(progress).toContainEqual(expect.objectContaining({ awaitingConfirmation: 0 }));
    const finished = ws.events.query({ connectionId, type: 'sync.finished' })[0]!;
    expect(finished.message).toContain(`${s.queued} delivered`);
    expect(finished.message).not.toMatch(/awaiting/);
  }, 30_000);

  it('reports imports still processing past the bound as awaiting dotdigital, then delivers them later', async () => {
    const { ws, sim, connectionId, simJobs } = await setup({ finishAfterMs: null });
    const engine = engineWith(ws, { maxMs: 1200, firstMs: 100, capMs: 400 });
    const started = Date.now();
    const s = await engine.sync(connectionId, { historical: true, awaitConfirmation: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1200);
    const summary = syncSummarySchema.parse(toRunSummary(s));
    expect(summary.queued).toBeGreaterThan(6);
    expect(summary).toMatchObject({
      state: 'drained',
      delivered: 0,
      dead: 0,
      retried: 0,
      platformLabel: 'dotdigital',
    });
    // The contacts went as imports still processing; their orders wait for them in the queue.
    const awaiting = summary.awaitingConfirmation!;
    expect(awaiting).toBeGreaterThanOrEqual(6);
    expect(ws.queue.stats(connectionId)).toMatchObject({
      submitted: awaiting,
      queued: summary.queued - awaiting,
      dead: 0,
    });
    const finished = ws.events.query({ connectionId, type: 'sync.finished' })[0]!;
    expect(finished.message).toContain(
      `${awaiting} submitted, awaiting dotdigital's confirmation; checked again on the next sync`,
    );
    expect(finished.message).not.toMatch(/dead/);
    // It kept asking about the imports while it waited, not just once.
    const polls = sim.servers.r1.requests.filter(
      (q) => /\/v3\/import\/[^/]+$/.test(q.path) && q.method === 'GET',
    );
    expect(polls.length).toBeGreaterThanOrEqual(2 * 4);

    // dotdigital finishes the imports later: the next sync confirms them without sending anything again.
    for (const j of await simJobs()) await fetch(`${sim.url}/__sim/jobs/${j.id}/finish`, { method: 'POST' });
    const contactImports = () =>
      sim.servers.r1.requests.filter((q) => q.method === 'PUT' && q.path === '/contacts/v3/import').length;
    const sent = contactImports();
    const next = toRunSummary(await engine.sync(connectionId));
    expect(next.dead).toBe(0);
    expect(next.delivered).toBeGreaterThanOrEqual(awaiting);
    expect(contactImports()).toBe(sent);
  }, 30_000);

  it('stops waiting at once when the sync is cancelled; nothing is lost', async () => {
    const { ws, connectionId, simJobs } = await setup({ finishAfterMs: null });
    const engine = engineWith(ws, { maxMs: 60_000, firstMs: 5_000 });
    let cancelledAt = 0;
    const run = engine.sync(connectionId, {
      historical: true,
      awaitConfirmation: true,
      onProgress: (p) => {
        if (!cancelledAt && (p.awaitingConfirmation ?? 0) > 0) {
          cancelledAt = Date.now();
          engine.cancel(connectionId);
        }
      },
    });
    const s = toRunSummary(await run);
    expect(cancelledAt).toBeGreaterThan(0);
    expect(Date.now() - cancelledAt).toBeLessThan(1000);
    expect(s).toMatchObject({ state: 'cancelled', delivered: 0, dead: 0 });
    expect(s.awaitingConfirmation).toBeGreaterThan(0);
    expect(ws.queue.stats(connectionId)).toMatchObject({ submitted: s.awaitingConfirmation, dead: 0 });
    expect((await simJobs()).every((j) => j.state === 'pending')).toBe(true);
  }, 30_000);
});

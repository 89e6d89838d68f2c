// Runs in: vitest (under scripts/with-keychain.sh). Owns: a first watched sync to dotdigital with a "new
// customers" program and more enrolments than the hourly allowance: it ends as soon as only the held enrolments
// remain (it does not wait out its bound for them) and its summary says how many are deferred and from when.
// Real BigCommerce and dotdigital simulators (allowance scaled to 1 call an hour), a real workspace, real time.
import { afterEach, describe, expect, it } from 'vitest';
import { BigCommerceStoreSource } from '../../../src/main/app/store-source.js';
import { openWorkspace } from '../../../src/main/app/workspace.js';
import { systemClock } from '../../../src/main/core/clock.js';
import type { Connector } from '../../../src/main/engine/connector.js';
import { formatAfter } from '../../../src/main/engine/deliver/deferred.js';
import { RateLimiters } from '../../../src/main/engine/rate-limiter.js';
import { toRunSummary } from '../../../src/main/engine/run-summary.js';
import { SyncEngine } from '../../../src/main/engine/sync-engine.js';
import { createDotdigitalConnector } from '../../../src/main/platforms/dotdigital/index.js';
import { connectorFor } from '../../../src/main/platforms/registry.js';
import { syncSummarySchema } from '../../../src/shared/contract/connections.js';
import { startBigCommerceSim } from '../../../src/sandbox/bigcommerce/index.js';
import { startDotdigitalSim } from '../../../src/sandbox/dotdigital/index.js';
import { tempDir, uniqueService } from '../../support/temp.js';
import { simCredentials } from './credentials.js';

const HASH = 'dddefer1';
const NEW_CUSTOMERS = 30; // one call enrols 25: five are left for the next hour
const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

async function setup() {
  const bc = await startBigCommerceSim({
    stores: [
      {
        hash: HASH,
        seed: { customers: 2, orders: 0, subscribers: 0, products: 1, seed: 'dddefer' },
        quota: 10_000,
        windowMs: 1000,
        tokens: [{ token: 'tok_dddefer_0123456789' }],
      },
    ],
  });
  closers.push(() => bc.close());
  // Customers who signed up just now: "new customers" for the program.
  for (let i = 0; i < NEW_CUSTOMERS; i++) {
    const res = await fetch(`${bc.url}/__sim/stores/${HASH}/customers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `new${i}@example.com`, first_name: 'New', last_name: `Buyer ${i}` }),
    });
    expect(res.status).toBe(201);
  }
  const sim = await startDotdigitalSim({ rateLimits: { enrolmentLimit: 1 } });
  closers.push(() => sim.close());
  const ws = openWorkspace({ dir: tempDir(), host: 'test', keychainService: uniqueService('dddefer') });
  closers.push(() => ws.close());
  const store = await ws.stores.add({
    name: 'Deferred store',
    storeHash: HASH,
    accessToken: 'tok_dddefer_0123456789',
    apiBaseUrl: bc.url,
  });
  const credentials = simCredentials(sim);
  const dotdigital = createDotdigitalConnector({ enrolmentsPerHour: 1 });
  const base = { credentials, signal: new AbortController().signal };
  const customers = await dotdigital.setup.ensureAddressBook(base, 'Store customers');
  const subscribers = await dotdigital.setup.ensureAddressBook(base, 'Store subscribers');
  const account = await ws.accounts.add({ platform: 'dotdigital', name: 'dotdigital', credentials });
  const r = await ws.call('connections:add', {
    storeId: store.id,
    accountId: account.id,
    settings: {
      customersAddressBookId: customers.id,
      subscribersAddressBookId: subscribers.id,
      enrolNewCustomersProgramId: 1001,
    },
  });
  if (!r.ok) throw new Error(r.error.message);
  const engine = new SyncEngine({
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
    connector: (p) =>
      p === 'dotdigital' ? (dotdigital as unknown as Connector<unknown, unknown>) : connectorFor(p)!,
    credentials: (id) => ws.accounts.credentials(id),
    sleep: (ms, signal) =>
      new Promise((resolve) => {
        const t = setTimeout(resolve, ms);
        signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
      }),
    owner: 'test',
    // Long enough that waiting it out would show; the held enrolments are an hour away.
    confirmWait: { maxMs: 20_000, firstMs: 200, capMs: 1_000 },
  });
  const enrolCalls = () =>
    sim.servers.r1.requests.filter((q) => q.method === 'POST' && q.path === '/v2/programs/enrolments');
  return { ws, sim, engine, dotdigital, credentials, connectionId: r.value.id, enrolCalls };
}

describe('a first dotdigital sync with more enrolments than the hourly allowance', () => {
  it('ends once only the held enrolments remain and says how many go after when', async () => {
    const { ws, sim, engine, dotdigital, credentials, connectionId, enrolCalls } = await setup();
    const started = Date.now();
    const s = syncSummarySchema.parse(
      toRunSummary(await engine.sync(connectionId, { awaitConfirmation: true })),
    );
    expect(Date.now() - started).toBeLessThan(8_000);

    expect(s).toMatchObject({ state: 'drained', dead: 0, awaitingConfirmation: 0, deferred: 5 });
    // Everything else arrived: the customers and the enrolments the one call of the hour took.
    expect(s.delivered).toBe(s.queued - 5);
    const nextCall = dotdigital.nextEnrolmentAt(credentials);
    expect(s.deferredUntil).toBe(nextCall);
    expect(nextCall - started).toBeGreaterThan(59 * 60_000);
    const note = `5 enrolments deferred by dotdigital's hourly limit, sent after ${formatAfter(nextCall)}`;
    expect(s.deferredNote).toBe(note);
    const finished = ws.events.query({ connectionId, type: 'sync.finished' })[0]!;
    expect(finished.message).toContain(note);
    expect(finished.message).not.toMatch(/awaiting/);

    expect(ws.queue.stats(connectionId)).toMatchObject({ submitted: 5, queued: 0, dead: 0 });
    expect(enrolCalls()).toHaveLength(1);
    const enrolled = await (await fetch(`${sim.url}/__sim/enrolments`)).json();
    expect((enrolled as Array<{ contacts: number[] }>).flatMap((e) => e.contacts)).toHaveLength(25);

    // The next sync within the hour neither waits for them nor asks dotdigital again.
    const again = Date.now();
    const next = toRunSummary(await engine.sync(connectionId, { awaitConfirmation: true }));
    expect(Date.now() - again).toBeLessThan(5_000);
    expect(next).toMatchObject({ deferred: 5, awaitingConfirmation: 0, dead: 0 });
    expect(enrolCalls()).toHaveLength(1);
  }, 40_000);
});

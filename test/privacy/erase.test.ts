// Runs in: vitest. Owns: an erase across BigCommerce, ActiveCampaign and Connectif (receipts, audit trail
// without the email), no trace left in any SQLite file's raw bytes, the next sync not bringing the person
// back, and an access request returning everything held beforehand.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/main/core/clock.js';
import { ConsentService } from '../../src/main/consent/service.js';
import { JobQueue } from '../../src/main/engine/queue/job-queue.js';
import type { Connector } from '../../src/main/engine/connector.js';
import { fileExporter } from '../../src/main/platforms/file/index.js';
import { PrivacyService } from '../../src/main/privacy/service.js';
import { withoutSuppressed } from '../../src/main/privacy/suppression.js';
import { customerRecord, seedStore } from '../platforms/activecampaign/fixtures.js';
import { bcPost, openWorld, STORE, type World } from '../consent/world.js';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const ZOE = 'zoe@example.com';

/** Every SQLite file of the workspace (both databases, their -wal and -shm), searched as UTF-8 and UTF-16. */
function traces(dir: string, email: string): string[] {
  const hits: string[] = [];
  for (const name of readdirSync(dir).filter((n) => /\.db(-wal|-shm)?$/.test(n))) {
    const bytes = readFileSync(join(dir, name));
    const latin = bytes.toString('latin1').toLowerCase();
    const u16 = bytes.toString('utf16le').toLowerCase();
    const u16odd = bytes.subarray(1).toString('utf16le').toLowerCase();
    if (latin.includes(email) || u16.includes(email) || u16odd.includes(email)) hits.push(name);
  }
  return hits;
}

async function seedEverywhere(world: World): Promise<void> {
  await bcPost(world, '/v3/customers', [{ email: 'Zoe@Example.com', first_name: 'Zoë', last_name: 'Núñez' }]);
  await bcPost(world, '/v3/customers/subscribers', {
    email: ZOE,
    source: 'storefront',
    consents: ['marketing_newsletter'],
  });
  world.ac.enqueue(seedStore(), true);
  world.cf.enqueue(seedStore(), true);
  await world.ac.drainAll();
  await world.cf.drainAll();
  await world.extract();
  // Local copies: queued jobs, a delivery, events (message, payload, record), consent facts, an exported file.
  const queue = new JobQueue(world.db);
  const zoeCustomerId = String(world.bc.control['k']!.state.customerByEmail(ZOE)!.id);
  const jobs = world.ac.connector.plan(customerRecord(Number(zoeCustomerId), ZOE, 'Zoë', 'Núñez'), {
    settings: world.ac.settings,
    connectionId: 'conn-ac',
    storeId: STORE,
  });
  expect(queue.enqueue('conn-ac', jobs, false, Date.now()).queued).toBeGreaterThan(0);
  world.db
    .prepare(
      `INSERT INTO deliveries (connection_id, entity_type, entity_id, version, payload_hash, delivered_at)
       VALUES ('conn-cf', 'customer', ?, 'v', 'h', 1), ('conn-cf', 'product', ?, 'v', 'h', 1)`,
    )
    .run(zoeCustomerId, zoeCustomerId);
  // A platform keyed by its own id: only the acknowledged payload (migration 005) says who it was.
  world.db
    .prepare(
      `INSERT INTO deliveries (connection_id, entity_type, entity_id, version, payload_hash, delivered_at, payload)
       VALUES ('conn-ac', 'contact', 'c-77', 'v', 'h', 1, ?)`,
    )
    .run(JSON.stringify({ email: 'Zoe@Example.com' }));
  world.events.append(
    { level: 'warn', type: 'delivery.retry', message: `retrying Zoe@Example.com`, connectionId: 'conn-ac' },
    { level: 'info', type: 'delivery.batch', message: 'batch', payload: { email: ZOE, name: 'Zoë' } },
    {
      level: 'error',
      type: 'delivery.dead',
      message: 'rejected',
      recordType: 'customer',
      recordId: zoeCustomerId,
    },
    { level: 'info', type: 'extract.page', message: 'page 1 of customers' },
  );
  new ConsentService(world.db, world.systems, systemClock).observe(STORE);
  const folder = join(world.dir, 'exports');
  mkdirSync(join(folder, 'k'), { recursive: true });
  writeFileSync(join(folder, 'k', 'customers.ndjson'), `{"email":"${ZOE}"}\n`);
  writeFileSync(join(folder, 'k', 'orders.ndjson'), `{"email":"bob@example.com"}\n`);
  world.extra.push({
    connectionId: 'conn-file',
    storeId: STORE,
    platform: 'file',
    label: fileExporter.label,
    connector: fileExporter as Connector<unknown, unknown>,
    settings: { directory: folder, format: 'ndjson' },
    context: () => Promise.reject(new Error('not needed')),
  });
}

describe('privacy erase and access against the simulators', () => {
  it('an access request returns everything the workspace holds about the person', async () => {
    w = await openWorld();
    await seedEverywhere(w);
    const privacy = new PrivacyService(w.db, w.events.db, w.systems, systemClock, w.secrets);
    const got = await privacy.access('ZOE@example.com');
    expect(got.consentFacts).toHaveLength(1);
    expect(got.records.map((r) => r.resource).sort()).toEqual(['customers', 'subscribers']);
    expect(JSON.stringify(got.records)).toContain('Núñez');
    expect(got.jobs.length).toBeGreaterThan(0);
    expect(got.deliveries).toHaveLength(2);
    expect(got.events).toHaveLength(3);
    expect(got.suppressed).toBe(false);
    // Nothing about another person.
    expect(JSON.stringify(got)).not.toContain('bob@example.com');
  });

  it('erases everywhere with receipts, leaves no byte of the email in any SQLite file, and stays erased', async () => {
    w = await openWorld();
    await seedEverywhere(w);
    expect(traces(w.dir, ZOE).length).toBeGreaterThan(0); // the search can find it when it is there
    const privacy = new PrivacyService(w.db, w.events.db, w.systems, systemClock, w.secrets);
    const out = await privacy.erase('Zoe@Example.com', { bigcommerce: true });

    expect(out.receipts.map((r) => [r.system.split(' (')[0], r.outcome])).toEqual([
      ['ActiveCampaign', 'erased'],
      ['Connectif', 'erased'],
      ['Files', 'skipped'],
      ['BigCommerce', 'erased'],
      ['Storebridge workspace', 'erased'],
    ]);
    expect(out.local).toMatchObject({ consentFacts: 1, deliveries: 2, events: 3 });
    expect(out.local.jobs).toBeGreaterThan(0);
    expect(out.local.staging).toBe(2);
    expect(out.remaining).toEqual([]);
    expect(out.walTruncated).toBe(true);
    expect(out.exportedFiles).toEqual([
      { path: join(w.dir, 'exports', 'k', 'customers.ndjson'), status: 'holds' },
    ]);
    // The platforms and BigCommerce no longer hold the person.
    expect(w.ac.sim.state().contacts.some((c) => c.email.toLowerCase() === ZOE)).toBe(false);
    expect(w.cf.sim.contacts.has(ZOE)).toBe(false);
    expect(w.bc.control['k']!.state.customerByEmail(ZOE)).toBeUndefined();
    expect(w.bc.control['k']!.state.subscriberByEmail(ZOE)).toBeUndefined();
    // The audit trail keeps the hash and receipts, never the email.
    const audit = privacy.audit();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.receipts).toHaveLength(5);
    expect(JSON.stringify(audit).toLowerCase()).not.toContain('zoe');
    // Other people and records are untouched: a product that shares the customer's id keeps its delivery.
    expect(w.db.prepare('SELECT entity_type FROM deliveries').all()).toEqual([{ entity_type: 'product' }]);
    expect(w.events.query({}).map((e) => e.message)).toEqual(['page 1 of customers']);
    expect((await privacy.access('bob@example.com')).records.length).toBe(0); // bob was never in this BigCommerce store

    expect(traces(w.dir, ZOE)).toEqual([]);

    // The next sync: nothing comes back from BigCommerce, and the planner's guard drops a stale copy.
    await w.extract();
    expect((await privacy.access(ZOE)).records).toEqual([]);
    expect(privacy.isSuppressed(STORE, 'ZOE@example.com')).toBe(true);
    const stale = seedStore().filter((r) => r.resource === 'customers' && r.id === '1');
    expect(withoutSuppressed(privacy.suppression, stale)).toEqual([]);
    expect(traces(w.dir, ZOE)).toEqual([]);
  });

  it('an erased person returns only with a new explicit consent; the policy preview finds stale subscribers', async () => {
    w = await openWorld();
    let shift = 0;
    const clock = { now: () => Date.now() + shift };
    const privacy = new PrivacyService(w.db, w.events.db, w.systems, clock, w.secrets);
    const consent = new ConsentService(w.db, w.systems, systemClock, { isSuppressed: privacy.isSuppressed });
    await bcPost(w, '/v3/customers/subscribers', {
      email: 'old@example.com',
      source: 'custom',
      consents: [],
    });
    await bcPost(w, '/v3/customers/subscribers', {
      email: 'kept@example.com',
      source: 'storefront',
      consents: ['marketing_newsletter'],
    });
    await w.extract();
    const policy = privacy.policies.add(
      {
        name: 'bloomreach-style',
        storeId: STORE,
        rule: 'subscriber_without_customer_no_consent',
        olderThanDays: 1,
        everyDays: 1,
      },
      Date.now(),
    );
    // Created just now: not old enough yet.
    expect(privacy.previewPolicy(policy.id).affected).toEqual([]);
    shift = 2 * 86_400_000;
    expect(privacy.previewPolicy('bloomreach-style').affected).toEqual(['old@example.com']);
    expect(privacy.policies.due(Date.now()).map((p) => p.name)).toEqual(['bloomreach-style']);

    shift = 0;
    await privacy.erase('kept@example.com');
    expect(privacy.isSuppressed(STORE, 'kept@example.com')).toBe(true);
    expect((await consent.impact(STORE, 'conn-cf')).suppressed).toBe(0); // the scrub removed the staged copy
    // An import is not a return; an explicit subscription after the erase is.
    consent.ledger.record({
      storeId: STORE,
      email: 'kept@example.com',
      channel: 'email',
      source: 'connectif',
      state: 'subscribed',
      mechanism: 'import',
      actor: 'system',
      explicit: false,
      at: Date.now() + 1,
    });
    expect(privacy.isSuppressed(STORE, 'kept@example.com')).toBe(true);
    consent.recordMerchantAction({
      storeId: STORE,
      email: 'kept@example.com',
      channel: 'email',
      state: 'subscribed',
      mechanism: 'signed up again',
      at: Date.now() + 2,
    });
    expect(privacy.isSuppressed(STORE, 'kept@example.com')).toBe(false);
  });
});

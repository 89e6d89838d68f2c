// Runs in: vitest. Owns: verify() item by item (good credentials, a bad password, the wrong region, an
// unreachable host, inactive programs, missing data fields), the field catalogue, opt-outs pulled back,
// erase with a receipt, the enrolment allowance, and in-doubt enrolments not sent twice.
import { describe, expect, it } from 'vitest';
import { DotdigitalClient } from '../../../src/main/platforms/dotdigital/client.js';
import { customer, order, people, seed, staged } from './fixtures.js';
import { type SimCollection, type SimContact, startHarness } from './harness.js';

describe('dotdigital verify', () => {
  it('reports every item ok for good credentials, books, fields and active programs', async () => {
    const h = await startHarness({
      settings: { enrolNewCustomersProgramId: 1001, enrolFirstOrderProgramId: 1003 },
    });
    const checks = await h.connector.verify(h.ctx);
    expect(checks.map((c) => [c.id, c.ok])).toEqual([
      ['credentials', true],
      ['region', true],
      ['book-subscribers', true],
      ['book-customers', true],
      ['data-fields', true],
      ['program-new-customers', true],
      ['program-first-order', true],
    ]);
    expect(checks[0]!.detail).toContain('Storebridge sandbox');
  });

  it('says where to fix a bad password, a wrong region and an unreachable host', async () => {
    const h = await startHarness();
    const bad = await h.connector.verify({
      ...h.ctx,
      credentials: { ...h.ctx.credentials, password: 'Wrong-pass-9' },
    });
    expect(bad).toEqual([
      expect.objectContaining({
        id: 'credentials',
        ok: false,
        fix: expect.stringContaining('Settings > Access > API users'),
      }),
    ]);
    const wrongRegion = await h.connector.verify({
      ...h.ctx,
      credentials: { ...h.ctx.credentials, endpoint: h.sim.urls.r2 },
    });
    const region = wrongRegion.find((c) => c.id === 'region')!;
    expect(region.ok).toBe(false);
    expect(region.detail).toContain('403');
    expect(region.fix).toContain(h.sim.urls.r1);
    await h.sim.servers.r1.down();
    const offline = await h.connector.verify(h.ctx);
    expect(offline).toEqual([expect.objectContaining({ id: 'reach', ok: false })]);
    await h.sim.servers.r1.up();
  });

  it('flags a draft program, a missing book and a mapped data field that does not exist', async () => {
    const h = await startHarness({ settings: { enrolNewSubscribersProgramId: 1005 } });
    const checks = await h.connector.verify({
      ...h.ctx,
      settings: {
        ...h.ctx.settings,
        customersAddressBookId: 999,
        fieldMapping: { ...h.ctx.settings.fieldMapping, notes: 'NOT_THERE' },
      },
    });
    const by = (id: string) => checks.find((c) => c.id === id)!;
    expect(by('book-customers')).toMatchObject({
      ok: false,
      detail: expect.stringContaining('ERROR_ADDRESSBOOK_NOT_FOUND'),
    });
    expect(by('data-fields')).toMatchObject({ ok: false, detail: expect.stringContaining('NOT_THERE') });
    expect(by('program-new-subscribers')).toMatchObject({
      ok: false,
      fix: expect.stringContaining('Activate'),
    });
  });

  it('lists the account data fields with types for the mapping grid', async () => {
    const h = await startHarness();
    const fields = await h.connector.fieldCatalogue!(h.ctx);
    expect(fields).toContainEqual({ key: 'FIRSTNAME', label: 'FIRSTNAME', type: 'text', custom: false });
    expect(fields).toContainEqual({
      key: 'CUSTOMER_CREATED',
      label: 'CUSTOMER_CREATED',
      type: 'date',
      custom: true,
    });
    expect(fields).toContainEqual({
      key: 'BC_CUSTOMER_ID',
      label: 'BC_CUSTOMER_ID',
      type: 'number',
      custom: true,
    });
  });
});

describe('dotdigital consent and erase', () => {
  it('returns opt-outs made on dotdigital, explicit unless a bounce', async () => {
    const h = await startHarness();
    h.enqueue(seed());
    await h.settle();
    const since = h.clock.now();
    h.clock.advance(60_000);
    await h.simPost(`/__sim/contacts/${people.ana}/unsubscribe`);
    await h.simPost(`/__sim/contacts/${people.guest}/unsubscribe`, { reason: 'HardBounced' });
    const book = (await h.simGet<Array<{ id: number; name: string }>>('/__sim/address-books')).find(
      (b) => b.name === 'Store subscribers',
    )!;
    await h.simPost(`/__sim/contacts/${people.subOnly}/unsubscribe-from-book`, { bookId: book.id });
    const facts = await h.connector.pullConsent(h.ctx, since);
    expect(facts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          email: people.ana,
          state: 'unsubscribed',
          explicit: true,
          at: h.clock.now(),
        }),
        expect.objectContaining({ email: people.guest, state: 'unsubscribed', explicit: false }),
        expect.objectContaining({ email: people.subOnly, state: 'unsubscribed', explicit: true }),
      ]),
    );
    expect(facts).toHaveLength(3);
    expect(await h.connector.pullConsent(h.ctx, h.clock.now() + 1000)).toEqual([]);
    // A later sync does not resubscribe the person who opted out on dotdigital.
    h.enqueue([
      staged('customers', 1, customer(1, people.ana, { notes: 'changed' }), {
        historical: false,
        dateModified: '2026-02-01T00:00:00.000Z',
      }),
    ]);
    await h.settle();
    expect((await h.simGet<SimContact>(`/__sim/contacts/${people.ana}`)).status).toBe('unsubscribed');
  });

  it('erases a person with their Insight data and returns a receipt without personal data', async () => {
    const h = await startHarness();
    h.enqueue(seed());
    await h.settle();
    const receipt = await h.connector.erase(h.ctx, people.guest);
    expect(receipt).toMatchObject({ system: 'dotdigital', outcome: 'erased', at: h.clock.now() });
    expect(receipt.detail).not.toContain(people.guest);
    const contacts = await h.simGet<SimContact[]>('/__sim/contacts');
    expect(contacts.some((c) => c.identifiers.email === people.guest)).toBe(false);
    const orders = (await h.simGet<SimCollection[]>('/__sim/insight')).find((c) => c.name === 'Orders')!;
    expect(orders.records.map((r) => r.key)).toEqual(['1001']);
    expect(await h.connector.erase(h.ctx, people.guest)).toMatchObject({ outcome: 'not_found' });
  });
});

describe('dotdigital program enrolments', () => {
  const now = '2026-01-05T10:00:00.000Z';
  const liveOrder = (id: number, email: string) =>
    staged('orders', id, order(id, 0, email, { date_created: now }), {
      historical: false,
      dateModified: now,
    });

  it('waits for the hourly allowance, says when the next batch goes, then enrols', async () => {
    const h = await startHarness({
      settings: { enrolEachOrderProgramId: 1004 },
      sim: { rateLimits: { enrolmentLimit: 1, enrolmentWindowMs: 3_600_000 } },
      batchSize: 2,
    });
    h.enqueue([liveOrder(2001, 'a@example.com')]);
    await h.settle();
    h.enqueue([liveOrder(2002, 'b@example.com')]);
    for (let i = 0; i < 5; i++) {
      const { drainConnection } = await import('../../../src/main/engine/deliver/drain.js');
      await drainConnection(h.rt, h.deps, new AbortController().signal);
    }
    // The platform refused the second enrolment call: it waits, submitted, nothing dead.
    expect(h.queue.stats('conn-a')).toMatchObject({ submitted: 1, dead: 0 });
    const next = h.connector.nextEnrolmentAt(h.ctx.credentials);
    expect(next).toBeGreaterThan(h.clock.now());
    expect(next - h.clock.now()).toBeLessThanOrEqual(3_600_000);
    expect(await h.simGet<unknown[]>('/__sim/enrolments')).toHaveLength(1);
    h.clock.advance(next - h.clock.now() + 1);
    await h.settle();
    const enrolments = await h.simGet<Array<{ programId: number; contacts: number[] }>>('/__sim/enrolments');
    expect(enrolments).toHaveLength(2);
  });

  it('does not enrol twice when a crash left an enrolment in doubt after it reached dotdigital', async () => {
    const h = await startHarness({ settings: { enrolEachOrderProgramId: 1004 }, batchSize: 1 });
    h.enqueue([liveOrder(3001, 'crash@example.com')]);
    // Deliver the contact normally, leaving the order and its enrolment queued.
    const { drainConnection } = await import('../../../src/main/engine/deliver/drain.js');
    await drainConnection(h.rt, h.deps, new AbortController().signal, 1);
    // The crashed process: it claims the enrolment, sends it, and dies before recording the result.
    const { jobs } = h.queue.claim('conn-a', 'crashed', 500, 1_000, h.clock.now());
    expect(jobs.some((j) => j.entityType === 'enrolment' && j.entityId === 'each_order:3001')).toBe(true);
    const results = await h.connector.deliver(jobs, h.ctx);
    expect(results.every((r) => r.outcome === 'ok')).toBe(true);
    h.clock.advance(2_000);
    await h.settle();
    const enrolments = await h.simGet<Array<{ programId: number }>>('/__sim/enrolments');
    expect(enrolments.filter((e) => e.programId === 1004)).toHaveLength(1);
    expect(h.events.some((e) => e.type === 'delivery.recovered')).toBe(true);
  });

  it('dead-letters an enrolment into an inactive program with the platform message', async () => {
    const h = await startHarness({ settings: { enrolEachOrderProgramId: 1006 } });
    h.enqueue([liveOrder(4001, 'x@example.com')]);
    await h.settle();
    const dead = h.queue.deadLetters('conn-a');
    expect(dead).toEqual([
      expect.objectContaining({
        entityType: 'enrolment',
        reason: expect.stringContaining('ERROR_PROGRAM_NOT_ACTIVE'),
      }),
    ]);
  });
});

describe('dotdigital client', () => {
  it('uses the region host unless an endpoint is given', () => {
    const c = new DotdigitalClient({ apiUser: 'a@apiconnector.com', password: 'Secret-123', region: 'r2' });
    expect(c.baseUrl).toBe('https://r2-api.dotdigital.com');
  });
});

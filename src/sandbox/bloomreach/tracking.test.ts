// Runs in: Node (vitest). Owns: tests of the tracking routes: validation bodies, upsert vs duplicate events,
// update_timestamp, sizes, and the queued (asynchronous) application of writes.
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, startHarness, type Harness } from './test-helpers.js';

let h: Harness;
afterEach(async () => h.sim.close());

const ids = { email_id: 'ana@example.com' };

describe('Bloomreach tracking routes', () => {
  it('answers validation failures with HTTP 200 and success=false by default (the per-route docs)', async () => {
    h = await startHarness();
    const cases: Array<[string, unknown, string]> = [
      ['/customers', { properties: { a: 1 } }, 'At least one id should be specified.'],
      ['/customers', { customer_ids: {}, properties: { a: 1 } }, 'At least one id should be specified.'],
      [
        '/customers',
        { customer_ids: { email_id: 'null' }, properties: { a: 1 } },
        'At least one valid id should be specified',
      ],
      [
        '/customers',
        { customer_ids: { email_id: ' -- ' }, properties: { a: 1 } },
        'At least one valid id should be specified',
      ],
      ['/customers', { customer_ids: ids }, 'At least one property should be specified.'],
      ['/customers/events', { customer_ids: ids, properties: {} }, 'Event type must be specified.'],
      [
        '/customers/events',
        { customer_ids: ids, event_type: 'x', timestamp: 'yesterday' },
        'Invalid timestamp.',
      ],
    ];
    for (const [path, body, error] of cases) {
      const res = await h.post(h.track(path), body);
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(200);
      expect(res.body).toEqual({ success: false, errors: [error] });
    }
    const unknownType = await h.post(h.track('/customers'), {
      customer_ids: { loyalty: 'x1' },
      properties: { a: 1 },
    });
    expect(unknownType.body.errors[0]).toMatch(/^Invalid customer_id/);
    expect(h.sim.customers()).toHaveLength(0);
  });

  it('can answer validation failures with 400 instead (the error-messages guide)', async () => {
    h = await startHarness({ commandErrorStatus: 400 });
    const res = await h.post(h.track('/customers'), { properties: { a: 1 } });
    expect(res).toMatchObject({
      status: 400,
      body: { success: false, errors: ['At least one id should be specified.'] },
    });
  });

  it('rejects property values over 16 KB and messages over 800 KB', async () => {
    h = await startHarness();
    const big = await h.post(h.track('/customers'), {
      customer_ids: ids,
      properties: { note: 'x'.repeat(16 * 1024 + 1) },
    });
    expect(big.body.success).toBe(false);
    expect(big.body.errors[0]).toMatch(/note.*16 KB/);
    const ok = await h.post(h.track('/customers'), {
      customer_ids: ids,
      properties: { note: 'x'.repeat(16 * 1024) },
    });
    expect(ok.body).toEqual({ success: true });
    const props = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`p${i}`, 'y'.repeat(15_000)]));
    const huge = await h.post(h.track('/customers/events'), {
      customer_ids: ids,
      event_type: 'x',
      properties: props,
    });
    expect(huge.body).toEqual({ success: false, errors: ['Message is too large. Maximum size is 800 KB.'] });
    expect(h.sim.events()).toHaveLength(0);
  });

  it('upserts customers by id (trimmed) and stores a replayed event twice', async () => {
    h = await startHarness();
    await h.post(h.track('/customers'), {
      customer_ids: ids,
      properties: { first_name: 'Ana', city: 'Porto' },
    });
    await h.post(h.track('/customers'), {
      customer_ids: { email_id: '  ana@example.com ' },
      properties: { first_name: 'Ana B' },
    });
    expect(h.sim.customers()).toHaveLength(1);
    expect(h.sim.customers()[0]).toMatchObject({ properties: { first_name: 'Ana B', city: 'Porto' } });
    const purchase = {
      customer_ids: ids,
      event_type: 'purchase',
      timestamp: 1736942400,
      properties: { purchase_id: 'o-1' },
    };
    await h.post(h.track('/customers/events'), purchase);
    await h.post(h.track('/customers/events'), purchase);
    const purchases = h.sim.events('purchase');
    expect(purchases).toHaveLength(2);
    expect(purchases.map((e) => e.properties['purchase_id'])).toEqual(['o-1', 'o-1']);
  });

  it('keeps hard ids case-sensitive unless the id type lowercases', async () => {
    h = await startHarness();
    await h.post(h.track('/customers'), {
      customer_ids: { email_id: 'Ana@Example.com' },
      properties: { a: 1 },
    });
    await h.post(h.track('/customers'), {
      customer_ids: { email_id: 'ana@example.com' },
      properties: { a: 2 },
    });
    expect(h.sim.customers()).toHaveLength(2);
    await h.sim.close();
    h = await startHarness({ idTypes: [{ name: 'email_id', kind: 'hard', lowercase: true }] });
    await h.post(h.track('/customers'), {
      customer_ids: { email_id: 'Ana@Example.com' },
      properties: { a: 1 },
    });
    await h.post(h.track('/customers'), {
      customer_ids: { email_id: 'ana@example.com' },
      properties: { a: 2 },
    });
    expect(h.sim.customers()).toHaveLength(1);
  });

  it('ignores property writes older than the stored update time (update_timestamp)', async () => {
    h = await startHarness();
    await h.post(h.track('/customers'), {
      customer_ids: ids,
      properties: { tier: 'gold' },
      update_timestamp: 2000,
    });
    await h.post(h.track('/customers'), {
      customer_ids: ids,
      properties: { tier: 'silver', city: 'Lisboa' },
      update_timestamp: 1000,
    });
    expect(h.sim.customers()[0]).toMatchObject({ properties: { tier: 'gold', city: 'Lisboa' } });
    await h.post(h.track('/customers'), {
      customer_ids: ids,
      properties: { tier: 'bronze' },
      update_timestamp: 3000,
    });
    expect(h.sim.customers()[0]).toMatchObject({ properties: { tier: 'bronze' } });
  });

  it('takes timestamps as seconds (ISO accepted) without millisecond detection', async () => {
    h = await startHarness();
    await h.post(h.track('/customers/events'), {
      customer_ids: ids,
      event_type: 'a',
      timestamp: '2025-01-15T12:00:00Z',
    });
    await h.post(h.track('/customers/events'), {
      customer_ids: ids,
      event_type: 'b',
      timestamp: 1736942400000,
    });
    expect(h.sim.events('a')[0]?.timestamp).toBe(1736942400);
    expect(h.sim.events('b')[0]?.timestamp).toBe(1736942400000);
  });

  it('queues writes: accepted at once, visible only after the write delay', async () => {
    const clock = manualClock();
    h = await startHarness({ now: clock.now, writeDelayMs: 5_000 });
    expect((await h.post(h.track('/customers'), { customer_ids: ids, properties: { a: 1 } })).body).toEqual({
      success: true,
    });
    const before = await h.post(h.data('/customers/export-one'), { customer_ids: ids });
    expect(before).toMatchObject({ status: 404, body: { success: false, error: 'Customer does not exist' } });
    clock.advance(5_000);
    const after = await h.post(h.data('/customers/export-one'), { customer_ids: ids });
    expect(after).toMatchObject({ status: 200, body: { success: true, properties: { a: 1 } } });
  });

  it('answers system/time on GET and POST in seconds from the injected clock', async () => {
    const clock = manualClock();
    h = await startHarness({ now: clock.now });
    for (const method of ['GET', 'POST']) {
      const res = await h.call(method, h.track('/system/time'));
      expect(res.body).toEqual({ success: true, time: clock.now() / 1000 });
    }
  });
});

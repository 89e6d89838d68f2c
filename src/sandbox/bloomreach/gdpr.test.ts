// Runs in: Node (vitest). Owns: tests of consent state, the Customer API reads and anonymisation (single and
// bulk jobs finished or failed through /__sim/).
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, startHarness, type Harness } from './test-helpers.js';

let h: Harness;
afterEach(async () => h.sim.close());

const ids = { email_id: 'ana@example.com' };
const consent = (properties: Record<string, unknown>, timestamp?: number) =>
  h.post(h.track('/customers/events'), { customer_ids: ids, event_type: 'consent', properties, timestamp });
const attr = (attributes: unknown[]) =>
  h.post(h.data('/customers/attributes'), { customer_ids: ids, attributes });

describe('Bloomreach consent and GDPR', () => {
  it('derives consent from consent events; an invalid consent event revokes; valid_until expires', async () => {
    const clock = manualClock();
    h = await startHarness({ now: clock.now });
    const nowSec = clock.now() / 1000;
    await consent(
      { action: 'accept', category: 'newsletter', valid_until: 'unlimited', source: 'private_api' },
      nowSec - 10,
    );
    await consent({ action: 'accept', category: 'sms', valid_until: nowSec + 60 }, nowSec - 10);
    const modes = ['valid', 'source', 'timestamp', 'until'].map((mode) => ({
      type: 'consent',
      category: 'newsletter',
      mode,
    }));
    expect((await attr(modes)).body.results).toEqual([
      { success: true, value: true },
      { success: true, value: 'private_api' },
      { success: true, value: nowSec - 10 },
      { success: true, value: 'unlimited' },
    ]);
    expect((await attr([{ type: 'consent', category: 'sms', mode: 'valid' }])).body.results[0].value).toBe(
      true,
    );
    clock.advance(61_000);
    expect((await attr([{ type: 'consent', category: 'sms', mode: 'valid' }])).body.results[0].value).toBe(
      false,
    );
    await consent({ action: 'subscribe', category: 'newsletter' });
    expect((await attr([{ type: 'consent', category: 'newsletter' }])).body.results[0].value).toBe(false);
    expect(h.sim.events('consent')).toHaveLength(3);
  });

  it('lists consent categories in the documented shape', async () => {
    h = await startHarness();
    const res = await h.call('GET', h.data('/consent/categories'));
    expect(res.body.results[0]).toEqual({
      id: 'newsletter',
      legitimate_interest: false,
      sources: expect.objectContaining({ private_api: true, public_api: false }),
      translations: { '': { name: 'Newsletter', description: null } },
    });
  });

  it('exports one customer, pages its events, and 404s an unknown one', async () => {
    h = await startHarness();
    await h.post(h.track('/customers'), { customer_ids: ids, properties: { first_name: 'Ana' } });
    for (let i = 1; i <= 5; i++) {
      await h.post(h.track('/customers/events'), {
        customer_ids: ids,
        event_type: 'purchase',
        timestamp: 1000 + i,
        properties: { i },
      });
    }
    const one = await h.post(h.data('/customers/export-one'), { customer_ids: ids });
    expect(one.body).toMatchObject({ success: true, ids, properties: { first_name: 'Ana' } });
    expect(one.body.events).toHaveLength(5);
    const page = await h.post(h.data('/customers/events'), {
      customer_ids: ids,
      event_types: ['purchase'],
      order: 'desc',
      skip: 1,
      limit: 2,
    });
    expect(page.body.data.map((e: { properties: { i: number } }) => e.properties.i)).toEqual([4, 3]);
    const missing = await h.post(h.data('/customers/export-one'), {
      customer_ids: { email_id: 'nobody@x.io' },
    });
    expect(missing).toMatchObject({
      status: 404,
      body: { success: false, error: 'Customer does not exist' },
    });
    const all = await h.post(h.data('/customers/export'), { format: 'native_json' });
    expect(all.body.fields).toContain('ids.email_id');
    expect(all.body.data).toHaveLength(1);
  });

  it('anonymises: PII properties and every id removed, a new cookie, events kept', async () => {
    h = await startHarness();
    await h.post(h.track('/customers'), {
      customer_ids: { ...ids, customer_id: '7' },
      properties: { email: 'ana@example.com', tier: 'gold' },
    });
    await h.post(h.track('/customers/events'), {
      customer_ids: ids,
      event_type: 'purchase',
      properties: { email: 'ana@example.com', total: 5 },
    });
    expect((await h.post(h.data('/customers/anonymize'), { customer_ids: ids })).body).toEqual({
      success: true,
    });
    const [c] = h.sim.customers();
    expect(c?.['properties']).toEqual({ tier: 'gold' });
    expect(Object.keys(c?.['ids'] as object)).toEqual(['cookie']);
    const purchase = h.sim.events('purchase')[0];
    expect(purchase?.properties).toEqual({ email: null, total: 5 });
    expect(h.sim.events('anonymization')).toHaveLength(1);
    expect((await h.post(h.data('/customers/anonymize'), { customer_ids: ids })).status).toBe(404);
  });

  it('runs anonymize_bulk as a job: bulk_id at once, outcome when /__sim/ finishes or fails it', async () => {
    h = await startHarness();
    for (const e of ['a@x.io', 'b@x.io'])
      await h.post(h.track('/customers'), { customer_ids: { email_id: e }, properties: { email: e } });
    const res = await h.post(h.data('/customers/anonymize_bulk'), {
      customers: [{ customer_ids: { email_id: 'a@x.io' } }, { customer_ids: { email_id: 'ghost@x.io' } }],
    });
    expect(res.body).toEqual({ success: true, bulk_id: expect.stringMatching(/^[0-9a-f]{24}$/) });
    expect(h.sim.findCustomer({ email_id: 'a@x.io' })).toBeDefined();
    const done = await h.simPost(`/__sim/jobs/${res.body.bulk_id}/finish`);
    expect(done.body).toMatchObject({
      status: 'finished',
      results: [{ internalId: expect.any(String) }, { error: 'Customer does not exist' }],
    });
    expect(h.sim.findCustomer({ email_id: 'a@x.io' })).toBeUndefined();
    const second = await h.post(h.data('/customers/anonymize_bulk'), {
      customers: [{ customer_ids: { email_id: 'b@x.io' } }],
    });
    const failed = await h.simPost(`/__sim/jobs/${second.body.bulk_id}/fail`, { error: 'boom' });
    expect(failed.body).toMatchObject({ status: 'failed', error: 'boom' });
    expect(h.sim.findCustomer({ email_id: 'b@x.io' })).toBeDefined();
    expect((await h.simPost(`/__sim/jobs/${second.body.bulk_id}/finish`)).status).toBe(409);
  });

  it('finishes bulk jobs by itself after jobDelayMs and caps a request at 1000 customers', async () => {
    const clock = manualClock();
    h = await startHarness({ now: clock.now, jobDelayMs: 1_000 });
    await h.post(h.track('/customers'), { customer_ids: ids, properties: { a: 1 } });
    const res = await h.post(h.data('/customers/anonymize_bulk'), { customers: [{ customer_ids: ids }] });
    const jobs = async () => (await h.call('GET', '/__sim/jobs', undefined, null)).body;
    expect((await jobs())[0].status).toBe('pending');
    clock.advance(1_000);
    expect((await jobs())[0]).toMatchObject({ bulkId: res.body.bulk_id, status: 'finished' });
    const tooMany = Array.from({ length: 1001 }, () => ({ customer_ids: ids }));
    const over = await h.post(h.data('/customers/anonymize_bulk'), { customers: tooMany });
    expect(over).toMatchObject({ status: 400, body: { success: false } });
  });
});

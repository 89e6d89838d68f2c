// Runs in: Node (vitest). Owns: tests of the Bloomreach /__sim/ routes: platform-side opt-out, consent change,
// double opt-in confirmation, queue flush, state and reset.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './test-helpers.js';

let h: Harness;
afterEach(async () => h.sim.close());

const ids = { email_id: 'ana@example.com' };
const subscribe = () =>
  h.post(h.track('/customers/events'), {
    customer_ids: ids,
    event_type: 'consent',
    properties: { action: 'accept', category: 'newsletter', valid_until: 'unlimited' },
  });
const newsletterValid = async () =>
  (
    await h.post(h.data('/customers/attributes'), {
      customer_ids: ids,
      attributes: [{ type: 'consent', category: 'newsletter' }],
    })
  ).body.results[0].value;

describe('Bloomreach /__sim/ routes', () => {
  it('unsubscribes a customer on the platform side, visible to a connector pulling consents', async () => {
    h = await startHarness();
    await subscribe();
    expect(await newsletterValid()).toBe(true);
    const res = await h.simPost('/__sim/unsubscribe', { customer_ids: ids, category: 'newsletter' });
    expect(res.body.consents.newsletter).toMatchObject({
      valid: false,
      action: 'reject',
      source: 'list_unsubscribe',
    });
    expect(await newsletterValid()).toBe(false);
    const pulled = await h.post(h.data('/customers/events'), {
      customer_ids: ids,
      event_types: ['consent'],
      order: 'desc',
      limit: 1,
    });
    expect(pulled.body.data[0].properties).toEqual({
      action: 'reject',
      category: 'newsletter',
      source: 'list_unsubscribe',
    });
    expect(
      (await h.simPost('/__sim/unsubscribe', { customer_ids: { email_id: 'nobody@x.io' } })).status,
    ).toBe(404);
  });

  it('changes consent as a project user would', async () => {
    h = await startHarness();
    await h.post(h.track('/customers'), { customer_ids: ids, properties: { a: 1 } });
    await h.simPost('/__sim/consent', {
      customer_ids: ids,
      category: 'newsletter',
      action: 'accept',
      source: 'crm',
    });
    expect(await newsletterValid()).toBe(true);
    await h.simPost('/__sim/consent', { customer_ids: ids, category: 'newsletter', action: 'reject' });
    expect(await newsletterValid()).toBe(false);
  });

  it('completes a pending double opt-in, granting the consent', async () => {
    h = await startHarness();
    expect((await h.simPost('/__sim/double-opt-in/complete', { customer_ids: ids })).status).toBe(404);
    await h.post(h.track('/customers/events'), {
      customer_ids: ids,
      event_type: 'double_opt_in',
      properties: { action: 'new', category: 'newsletter' },
    });
    expect(await newsletterValid()).toBe(false);
    const done = await h.simPost('/__sim/double-opt-in/complete', { customer_ids: ids });
    expect(done.status).toBe(200);
    expect(done.body.consents.newsletter).toMatchObject({ valid: true, source: 'scenario' });
    expect(await newsletterValid()).toBe(true);
    expect((await h.simPost('/__sim/double-opt-in/complete', { customer_ids: ids })).status).toBe(409);
  });

  it('flushes queued writes on demand and shows them in state', async () => {
    h = await startHarness({ writeDelayMs: 3_600_000 });
    await h.post(h.track('/customers'), { customer_ids: ids, properties: { a: 1 } });
    expect((await h.call('GET', '/__sim/state', undefined, null)).body).toMatchObject({
      name: 'bloomreach',
      customers: 0,
      queuedWrites: 1,
    });
    expect((await h.simPost('/__sim/queue/flush')).body).toEqual({ applied: 1 });
    const customers = await h.call('GET', '/__sim/customers', undefined, null);
    expect(customers.body).toHaveLength(1);
    expect(customers.body[0]).toMatchObject({ ids, properties: { a: 1 } });
  });

  it('resets customers, events, catalogs and jobs', async () => {
    h = await startHarness();
    await subscribe();
    await h.post(h.data('/catalogs'), { name: 'c', fields: [{ name: 'title' }] });
    await h.simPost('/__sim/reset');
    const state = (await h.call('GET', '/__sim/state', undefined, null)).body;
    expect(state).toMatchObject({ customers: 0, events: 0, catalogs: 0, jobs: 0 });
    expect((await h.call('GET', '/__sim/events', undefined, null)).body).toEqual([]);
  });
});

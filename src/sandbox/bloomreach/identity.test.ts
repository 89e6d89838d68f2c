// Runs in: Node (vitest). Owns: tests of the Bloomreach simulator's identity rules (merging, soft-id
// stealing, one value per hard-id type, the 64 soft-id cap).
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './test-helpers.js';

let h: Harness;
afterEach(async () => h.sim.close());

const update = (customer_ids: Record<string, string>, properties: Record<string, unknown> = { seen: true }) =>
  h.post(h.track('/customers'), { customer_ids, properties });

describe('Bloomreach identity store', () => {
  it('merges customers identified by different hard-id types into the older one, with a merge event', async () => {
    h = await startHarness();
    await h.post(h.track('/customers/events'), {
      customer_ids: { email_id: 'a@x.io' },
      event_type: 'purchase',
    });
    await h.post(h.track('/customers/events'), {
      customer_ids: { customer_id: '17' },
      event_type: 'purchase',
    });
    expect(h.sim.customers()).toHaveLength(2);
    const older = h.sim.customers()[0]!['internal_id'];
    await update({ email_id: 'a@x.io', customer_id: '17' });
    const all = h.sim.customers();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ internal_id: older, ids: { email_id: 'a@x.io', customer_id: '17' } });
    expect(h.sim.events('purchase').every((e) => e.customerId === older)).toBe(true);
    expect(h.sim.events('merge')).toHaveLength(1);
  });

  it('never merges customers with different values of the same hard-id type, and records the clash', async () => {
    h = await startHarness();
    await update({ email_id: 'a@x.io', customer_id: '1' });
    await update({ email_id: 'b@x.io', customer_id: '2' });
    await update({ email_id: 'a@x.io', customer_id: '2' });
    expect(h.sim.customers()).toHaveLength(2);
    expect(h.sim.findCustomer({ email_id: 'a@x.io' })).toMatchObject({ ids: { customer_id: '1' } });
    const conflicts = await h.call('GET', '/__sim/conflicts', undefined, null);
    expect(conflicts.body).toHaveLength(1);
    expect(conflicts.body[0].id).toMatchObject({ type: 'customer_id', value: '2' });
  });

  it('lets a newer profile steal a soft id from a profile it cannot merge with', async () => {
    h = await startHarness();
    await update({ email_id: 'a@x.io', cart_id: 'cart-9' });
    await update({ email_id: 'b@x.io', cart_id: 'cart-9' });
    expect(h.sim.findCustomer({ email_id: 'a@x.io' })?.['ids']).toEqual({ email_id: 'a@x.io' });
    expect(h.sim.findCustomer({ cart_id: 'cart-9' })?.['ids']).toEqual({
      email_id: 'b@x.io',
      cart_id: ['cart-9'],
    });
  });

  it('merges an anonymous soft-id profile into the identified one', async () => {
    h = await startHarness();
    await update({ cookie: 'ck-1' }, { viewed: 3 });
    await update({ email_id: 'a@x.io', cookie: 'ck-1' }, { first_name: 'Ana' });
    expect(h.sim.customers()).toHaveLength(1);
    expect(h.sim.customers()[0]).toMatchObject({ properties: { viewed: 3, first_name: 'Ana' } });
  });

  it('keeps at most 64 soft ids of one type, dropping the least recently used', async () => {
    h = await startHarness();
    for (let i = 0; i < 65; i++) await update({ email_id: 'a@x.io', cookie: `ck-${i}` });
    const cookies = h.sim.findCustomer({ email_id: 'a@x.io' })?.['ids'] as Record<string, string[]>;
    expect(cookies['cookie']).toHaveLength(64);
    expect(cookies['cookie']).not.toContain('ck-0');
    expect(h.sim.findCustomer({ cookie: 'ck-0' })).toBeUndefined();
  });
});

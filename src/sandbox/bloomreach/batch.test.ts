// Runs in: Node (vitest). Owns: tests of the Bloomreach batch route (per-command results, whole-batch errors, the 50 cap).
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, startHarness, type Harness } from './test-helpers.js';

let h: Harness;
afterEach(async () => h.sim.close());

const ids = { email_id: 'ana@example.com' };
const event = (n: number) => ({
  name: 'customers/events',
  command_id: `c${n}`,
  data: { customer_ids: ids, event_type: 'purchase_item', properties: { n } },
});

describe('Bloomreach batch', () => {
  it('answers 200 success=true with per-command results in order, including failures', async () => {
    const clock = manualClock();
    h = await startHarness({ now: clock.now });
    const res = await h.post(h.track('/batch'), {
      commands: [
        {
          name: 'customers',
          command_id: 'u1',
          data: { customer_ids: ids, properties: { first_name: 'Ana' } },
        },
        { name: 'customers/events', command_id: 'e1', data: { customer_ids: {}, event_type: 'purchase' } },
        { name: 'system/time' },
        { name: 'customers/delete', data: {} },
        'not a command',
        event(1),
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      results: [
        { success: true, command_id: 'u1' },
        { success: false, errors: ['At least one id should be specified.'], command_id: 'e1' },
        { success: true, time: clock.now() / 1000 },
        { success: false, errors: ['Unknown command name: customers/delete'] },
        { success: false, errors: ['Invalid command.'] },
        { success: true, command_id: 'c1' },
      ],
      start_time: clock.now() / 1000,
      end_time: clock.now() / 1000,
      success: true,
    });
    expect(h.sim.customers()).toHaveLength(1);
    expect(h.sim.events('purchase')).toHaveLength(0);
    expect(h.sim.events('purchase_item')).toHaveLength(1);
  });

  it('fails the whole batch with 400 and a message for no commands or bad JSON', async () => {
    h = await startHarness();
    for (const body of [{}, { commands: [] }, { commands: 'x' }]) {
      expect(await h.post(h.track('/batch'), body)).toMatchObject({
        status: 400,
        body: { success: false, message: 'No commands' },
      });
    }
    const bad = await h.post(h.track('/batch'), '{"commands": [');
    expect(bad).toMatchObject({ status: 400, body: { success: false, message: 'Invalid JSON' } });
    const badSingle = await h.post(h.track('/customers'), '{"customer_ids": ');
    expect(badSingle).toMatchObject({ status: 400, body: { success: false, errors: ['Invalid JSON'] } });
  });

  it('accepts exactly 50 commands and rejects 51 without storing anything', async () => {
    h = await startHarness();
    const fifty = await h.post(h.track('/batch'), {
      commands: Array.from({ length: 50 }, (_, i) => event(i)),
    });
    expect(fifty.body.results).toHaveLength(50);
    expect(h.sim.events('purchase_item')).toHaveLength(50);
    const over = await h.post(h.track('/batch'), {
      commands: Array.from({ length: 51 }, (_, i) => event(i)),
    });
    expect(over.status).toBe(400);
    expect(over.body.success).toBe(false);
    expect(over.body.message).toMatch(/at most 50/);
    expect(h.sim.events('purchase_item')).toHaveLength(50);
  });

  it('can instead fail only the commands past the 50th (overLimitBatch: fail-extra)', async () => {
    h = await startHarness({ overLimitBatch: 'fail-extra' });
    const over = await h.post(h.track('/batch'), {
      commands: Array.from({ length: 52 }, (_, i) => event(i)),
    });
    expect(over.status).toBe(200);
    expect(over.body.results.filter((r: { success: boolean }) => !r.success)).toHaveLength(2);
    expect(over.body.results[50]).toMatchObject({ success: false, command_id: 'c50' });
    expect(h.sim.events('purchase_item')).toHaveLength(50);
  });

  it('checks event permissions per command', async () => {
    h = await startHarness({ publicTokens: [{ token: 'pub', permissions: ['events.set:purchase'] }] });
    const res = await h.call(
      'POST',
      h.track('/batch'),
      {
        commands: [
          { name: 'customers/events', data: { customer_ids: ids, event_type: 'purchase' } },
          { name: 'customers/events', data: { customer_ids: ids, event_type: 'consent' } },
          { name: 'customers', data: { customer_ids: ids, properties: { a: 1 } } },
        ],
      },
      'Token pub',
    );
    expect(res.body.results).toEqual([
      { success: true },
      { success: false, errors: ['Not authorized to add event of specified type'] },
      { success: false, errors: ['Not authorized to update customer properties'] },
    ]);
  });
});

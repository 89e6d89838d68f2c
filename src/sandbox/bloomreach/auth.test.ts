// Runs in: Node (vitest). Owns: tests of the Bloomreach simulator's authentication and permissions.
import { afterEach, describe, expect, it } from 'vitest';
import { basicAuth, manualClock, startHarness, type Harness } from './test-helpers.js';

let h: Harness;
afterEach(async () => h.sim.close());

const customer = { customer_ids: { email_id: 'a@example.com' }, properties: { first_name: 'Ana' } };

describe('Bloomreach auth', () => {
  it('rejects a malformed project token with 400 Invalid project id, an unknown one with Could not authenticate', async () => {
    h = await startHarness();
    const short = await h.post('/track/v2/projects/abc/customers', customer);
    expect(short.status).toBe(400);
    expect(short.body).toEqual({ success: false, error: 'Invalid project id' });
    const other = await h.post('/track/v2/projects/00000000-0000-0000-0000-000000000000/customers', customer);
    expect(other.status).toBe(400);
    expect(other.body).toEqual({ success: false, error: 'Could not authenticate' });
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('answers 401 for a missing or malformed header and an unknown key, 403 for a wrong secret', async () => {
    h = await startHarness();
    const none = await h.call('POST', h.track('/customers'), customer, null);
    expect(none).toMatchObject({ status: 401, body: { success: false, error: 'Access key not provided' } });
    const malformed = await h.call('POST', h.track('/customers'), customer, 'Bearer xyz');
    expect(malformed).toMatchObject({ status: 401, body: { error: 'Access key not provided' } });
    const unknown = await h.call('POST', h.track('/customers'), customer, basicAuth('nope', 'x'));
    expect(unknown).toMatchObject({ status: 401, body: { success: false, error: 'Access key not found' } });
    const wrong = await h.call('POST', h.track('/customers'), customer, basicAuth('sim-key-id', 'wrong'));
    expect(wrong).toMatchObject({ status: 403, body: { success: false, error: 'invalid secret' } });
    expect(h.sim.customers()).toHaveLength(0);
  });

  it('accepts public tokens (header or access_token) on tracking routes only', async () => {
    h = await startHarness();
    const viaHeader = await h.call('POST', h.track('/customers'), customer, 'Token sim-public-token');
    expect(viaHeader).toMatchObject({ status: 200, body: { success: true } });
    const viaQuery = await h.call(
      'GET',
      h.track('/system/time') + '?access_token=sim-public-token',
      undefined,
      null,
    );
    expect(viaQuery.status).toBe(200);
    expect(typeof viaQuery.body.time).toBe('number');
    const categories = await h.call(
      'GET',
      h.data('/consent/categories'),
      undefined,
      'Token sim-public-token',
    );
    expect(categories.status).toBe(200);
    const privateOnly = await h.call(
      'POST',
      h.data('/customers/export-one'),
      customer,
      'Token sim-public-token',
    );
    expect(privateOnly.status).toBe(403);
    expect(privateOnly.body.success).toBe(false);
    const unknownToken = await h.call('POST', h.track('/customers'), customer, 'Token nope');
    expect(unknownToken).toMatchObject({ status: 401, body: { error: 'Access key not found' } });
  });

  it('keeps the old secret working for the grace period after a rotation, then answers 403', async () => {
    const clock = manualClock();
    h = await startHarness({ now: clock.now, rotationGraceMs: 1_000 });
    const rotated = await h.simPost('/__sim/keys/sim-key-id/rotate');
    const fresh = basicAuth('sim-key-id', rotated.body.secret);
    expect((await h.post(h.track('/customers'), customer)).status).toBe(200);
    expect((await h.call('POST', h.track('/customers'), customer, fresh)).status).toBe(200);
    clock.advance(1_000);
    expect((await h.post(h.track('/customers'), customer)).body).toEqual({
      success: false,
      error: 'invalid secret',
    });
    expect((await h.call('POST', h.track('/customers'), customer, fresh)).status).toBe(200);
    await h.simPost('/__sim/keys/sim-key-id/revoke');
    expect((await h.call('POST', h.track('/customers'), customer, fresh)).body.error).toBe(
      'Access key not found',
    );
  });

  it('applies API-group permissions: per event type, data API 403, per-attribute No permission', async () => {
    h = await startHarness({
      privateKeys: [
        { keyId: 'full', secret: 's1' },
        {
          keyId: 'narrow',
          secret: 's2',
          permissions: ['customers.set', 'events.set:purchase', 'customers.get'],
        },
      ],
    });
    const narrow = basicAuth('narrow', 's2');
    const ids = { email_id: 'a@example.com' };
    const event = (type: string) => ({ customer_ids: ids, event_type: type, properties: {} });
    expect((await h.call('POST', h.track('/customers/events'), event('purchase'), narrow)).body).toEqual({
      success: true,
    });
    const denied = await h.call('POST', h.track('/customers/events'), event('consent'), narrow);
    expect(denied.status).toBe(200);
    expect(denied.body).toEqual({
      success: false,
      errors: ['Not authorized to add event of specified type'],
    });
    const exportOne = await h.call('POST', h.data('/customers/export-one'), { customer_ids: ids }, narrow);
    expect(exportOne).toMatchObject({
      status: 403,
      body: { success: false, error: 'No permission to export customer' },
    });
    const attrs = await h.call(
      'POST',
      h.data('/customers/attributes'),
      {
        customer_ids: ids,
        attributes: [
          { type: 'id', id: 'email_id' },
          { type: 'consent', category: 'newsletter', mode: 'valid' },
        ],
      },
      narrow,
    );
    expect(attrs.body).toEqual({
      success: true,
      results: [
        { success: true, value: 'a@example.com' },
        { success: false, error: 'No permission' },
      ],
    });
    expect(h.sim.events()).toHaveLength(1);
  });
});

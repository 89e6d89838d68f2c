// Runs in: Node (vitest). Owns: tests of the Connectif contact routes: upsert and partial merge,
// validation (422), custom fields, delete, and opt-outs / consent / double opt-in made through /__sim/.
import { afterEach, describe, expect, it } from 'vitest';
import { startConnectifSim, type ConnectifSim } from './index.js';
import { call, clock } from './test-support.js';

let sim: ConnectifSim;
afterEach(() => sim.close());

const sim$ = (method: string, path: string, body?: unknown): Promise<Response> =>
  fetch(sim.url + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('Connectif simulator: contacts', () => {
  it('PATCH /contacts/{email} creates, then merges only the fields sent', async () => {
    const c = clock();
    sim = await startConnectifSim({ now: c.now });
    const created = await call(sim, 'PATCH', '/contacts/Ana@Example.com', { _name: 'Ana', city: 'Recife' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      _email: 'ana@example.com',
      _name: 'Ana',
      city: 'Recife',
      _newsletterSubscriptionStatus: 'none',
      _totalPurchases: 0,
      _createdAt: '2024-05-01T12:00:00.000Z',
    });
    expect(created.body.id).toMatch(/^[0-9a-f]{24}$/);

    c.advance(1000);
    const updated = await call(sim, 'PATCH', '/contacts/ana@example.com', { _surname: 'Silva' });
    expect(updated.body).toMatchObject({
      id: created.body.id,
      _name: 'Ana',
      _surname: 'Silva',
      city: 'Recife',
    });
    expect(updated.body._updatedAt).toBe('2024-05-01T12:00:01.000Z');
    expect(sim.contacts.size).toBe(1);

    const read = await call(sim, 'GET', '/contacts/ANA%40example.com');
    expect(read.status).toBe(200);
    expect(read.body._surname).toBe('Silva');
  });

  it('rejects invalid values with 422 and lists every problem', async () => {
    sim = await startConnectifSim();
    const r = await call(sim, 'PATCH', '/contacts/b@example.com', {
      _newsletterSubscriptionStatus: 'yes',
      _emailStatus: 'gone',
      _mobilePhone: '555-1234',
      _birthdate: '31/12/1990',
      _points: 1.5,
      _color: 'red',
      shoeSize: 42,
    });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ status: 422, title: 'Unprocessable Entity' });
    for (const word of [
      '_newsletterSubscriptionStatus',
      '_emailStatus',
      '_mobilePhone',
      '_birthdate',
      '_points',
      '_color',
      'shoeSize',
    ])
      expect(r.body.detail).toContain(word);
    expect(sim.contacts.size).toBe(0);

    expect((await call(sim, 'PATCH', '/contacts/not-an-email', {})).status).toBe(422);
    expect((await call(sim, 'PATCH', '/contacts/b@example.com', [1])).status).toBe(422);
    const badJson = await call(sim, 'PATCH', '/contacts/b@example.com', undefined, {
      raw: '{"_name":',
      headers: { 'content-type': 'application/json' },
    });
    expect(badJson.status).toBe(400);
    expect(badJson.body.status).toBe(400);
  });

  it('types custom fields: checkbox as an array of option ids, radio as one id', async () => {
    sim = await startConnectifSim({
      stores: [
        {
          customFields: [
            {
              id: 'interests',
              type: 'checkbox',
              options: [
                { id: '0', label: 'Shoes' },
                { id: '1', label: 'Bags' },
              ],
            },
            { id: 'size', type: 'radio', options: [{ id: '0', label: 'S' }] },
            { id: 'vip', type: 'boolean' },
          ],
        },
      ],
    });
    const good = await call(sim, 'PATCH', '/contacts/c@example.com', {
      interests: ['0', '1'],
      size: '0',
      vip: true,
    });
    expect(good.status).toBe(200);
    expect(good.body.interests).toEqual(['0', '1']);
    const bad = await call(sim, 'PATCH', '/contacts/c@example.com', {
      interests: '0',
      size: '7',
      vip: 'yes',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.detail).toMatch(/interests.*size.*vip/);
  });

  it('PATCH /contacts/email/{email} takes system fields and _externalId, not custom fields', async () => {
    sim = await startConnectifSim();
    const ok = await call(sim, 'PATCH', '/contacts/email/d@example.com', {
      _externalId: 'bc-42',
      _name: 'D',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ _externalId: 'bc-42', _name: 'D' });
    expect((await call(sim, 'PATCH', '/contacts/email/d@example.com', { city: 'X' })).status).toBe(422);
    expect((await call(sim, 'PATCH', '/contacts/d@example.com', { _externalId: 'x' })).status).toBe(422);
  });

  it('deletes a contact (204, then 404)', async () => {
    sim = await startConnectifSim();
    await call(sim, 'PATCH', '/contacts/e@example.com', { _name: 'E' });
    expect((await call(sim, 'DELETE', '/contacts/e@example.com')).status).toBe(204);
    expect((await call(sim, 'GET', '/contacts/e@example.com')).status).toBe(404);
    expect((await call(sim, 'DELETE', '/contacts/e@example.com')).status).toBe(404);
  });
});

describe('Connectif simulator: consent changed on the platform side', () => {
  it('an unsubscribe made in Connectif shows in the contact the connector reads', async () => {
    const c = clock();
    sim = await startConnectifSim({ now: c.now });
    await call(sim, 'PATCH', '/contacts/f@example.com', { _newsletterSubscriptionStatus: 'subscribed' });
    c.advance(5000);
    const r = await sim$('POST', '/__sim/contacts/f@example.com/unsubscribe', { ip: '203.0.113.9' });
    expect(r.status).toBe(200);
    const read = await call(sim, 'GET', '/contacts/f@example.com');
    expect(read.body).toMatchObject({
      _newsletterSubscriptionStatus: 'unsubscribed',
      _emailLastUnsubscribedDate: '2024-05-01T12:00:05.000Z',
      _emailLastUnsubscribedIp: '203.0.113.9',
    });
    expect(sim.store().activities.map((a) => a.type)).toEqual([
      'newsletter-subscribed',
      'newsletter-unsubscribed',
    ]);

    await sim$('POST', '/__sim/contacts/f@example.com/unsubscribe', { channel: 'sms' });
    expect((await call(sim, 'GET', '/contacts/f@example.com')).body._smsSubscriptionStatus).toBe(
      'unsubscribed',
    );
  });

  it('changes consent and email status as a Connectif user would', async () => {
    sim = await startConnectifSim();
    await call(sim, 'PATCH', '/contacts/g@example.com', {});
    const r = await sim$('POST', '/__sim/contacts/g@example.com/consent', {
      _newsletterSubscriptionStatus: 'subscribed',
      _emailStatus: 'bounced',
    });
    expect(r.status).toBe(200);
    expect((await call(sim, 'GET', '/contacts/g@example.com')).body).toMatchObject({
      _newsletterSubscriptionStatus: 'subscribed',
      _emailStatus: 'bounced',
    });
    expect((await sim$('POST', '/__sim/contacts/g@example.com/consent', { _emailStatus: 'x' })).status).toBe(
      400,
    );
    expect((await sim$('POST', '/__sim/contacts/nobody@example.com/consent', {})).status).toBe(404);
  });

  it('with double opt-in, a subscribe waits until the contact confirms', async () => {
    sim = await startConnectifSim({ doubleOptIn: true });
    await call(sim, 'PATCH', '/contacts/h@example.com', { _newsletterSubscriptionStatus: 'subscribed' });
    expect((await call(sim, 'GET', '/contacts/h@example.com')).body._newsletterSubscriptionStatus).toBe(
      'none',
    );
    const pending = (await (await sim$('GET', '/__sim/contacts/h@example.com')).json()) as {
      pendingOptIn: boolean;
    };
    expect(pending.pendingOptIn).toBe(true);
    expect((await sim$('POST', '/__sim/contacts/h@example.com/confirm-opt-in')).status).toBe(200);
    expect((await call(sim, 'GET', '/contacts/h@example.com')).body._newsletterSubscriptionStatus).toBe(
      'subscribed',
    );
    expect((await sim$('POST', '/__sim/contacts/h@example.com/confirm-opt-in')).status).toBe(409);
  });
});

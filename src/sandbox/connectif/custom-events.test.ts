// Runs in: Node (vitest). Owns: tests of POST /custom-events/alias/{alias}: unknown alias, strict
// fields (422), the E0501 contact check and createContact, the 512 KB cap.
import { afterEach, describe, expect, it } from 'vitest';
import { startConnectifSim, type ConnectifSim } from './index.js';
import { call } from './test-support.js';

let sim: ConnectifSim;
afterEach(() => sim.close());

const start = (): Promise<ConnectifSim> =>
  startConnectifSim({
    stores: [
      {
        customEventTypes: [
          {
            alias: 'cart-abandoned',
            fields: [
              { id: 'email', type: 'email', isPrimaryKey: true },
              { id: 'cartRecoveryUrl', type: 'text', required: true },
              { id: 'total', type: 'number' },
              { id: 'channels', type: 'checkbox', options: [{ id: '0', label: 'web' }] },
            ],
          },
        ],
      },
    ],
  });

describe('Connectif simulator: custom events', () => {
  it('answers 404 for an unknown alias', async () => {
    sim = await start();
    const r = await call(sim, 'POST', '/custom-events/alias/nope', { email: 'a@example.com' });
    expect(r.status).toBe(404);
    expect(r.body.status).toBe(404);
  });

  it('rejects undeclared fields, missing required ones and wrong types (422)', async () => {
    sim = await start();
    const r = await call(sim, 'POST', '/custom-events/alias/cart-abandoned', {
      email: 'a@example.com',
      total: 'ten',
      channels: ['5'],
      extra: 1,
    });
    expect(r.status).toBe(422);
    for (const word of ['cartRecoveryUrl is required', 'total', 'channels', 'extra'])
      expect(r.body.detail).toContain(word);
  });

  it('needs the contact to exist (E0501) unless createContact=true', async () => {
    sim = await start();
    const body = {
      email: 'new@example.com',
      cartRecoveryUrl: 'http://127.0.0.1/cart/1',
      total: 12.5,
      channels: ['0'],
    };
    const r = await call(sim, 'POST', '/custom-events/alias/cart-abandoned', body);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'E0501' });
    expect(sim.customEvents).toHaveLength(0);

    const created = await call(sim, 'POST', '/custom-events/alias/cart-abandoned?createContact=true', body);
    expect(created.status).toBe(201);
    expect(sim.contacts.has('new@example.com')).toBe(true);
    expect(sim.customEvents).toHaveLength(1);
    expect(sim.customEvents[0]!.payload).toEqual(body);
    // Events are not deduplicated: a connector that sends twice is seen.
    expect((await call(sim, 'POST', '/custom-events/alias/cart-abandoned', body)).status).toBe(201);
    expect(sim.customEvents).toHaveLength(2);
  });

  it('refuses events over 512 KB with 413', async () => {
    sim = await start();
    await call(sim, 'PATCH', '/contacts/a@example.com', {});
    const r = await call(sim, 'POST', '/custom-events/alias/cart-abandoned', {
      email: 'a@example.com',
      cartRecoveryUrl: 'x'.repeat(520 * 1024),
    });
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ status: 413 });
  });
});

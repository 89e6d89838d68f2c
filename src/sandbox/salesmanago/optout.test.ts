// Runs in: Node (vitest). Owns: changes made by the platform's users (/__sim/ opt-out, opt-in, consent,
// removal) seen through the API a connector pulls with: modified contacts (paginated) and contact/basic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSalesmanagoSim, type SalesmanagoSim } from './index.js';
import { simCall, v2 } from './testing.js';

let sim: SalesmanagoSim;
let clock = 1_000_000;
beforeAll(async () => {
  sim = await startSalesmanagoSim({ now: () => clock });
});
afterAll(() => sim.close());

describe('opt-out pull', () => {
  it('shows a platform-side opt-out in modifiedContacts and contact/basic', async () => {
    for (let i = 0; i < 5; i++) {
      clock += 10;
      await v2(sim, 'contact/upsert', { contact: { email: `c${i}@example.com` }, forceOptIn: true });
    }
    const since = clock;
    clock += 1000;
    const r = await simCall(sim, 'POST', '/__sim/contacts/opt-out', { email: 'c3@example.com' });
    expect(r.status).toBe(200);
    const changed = await v2(sim, 'contact/modifiedContacts', { from: since + 1, to: clock });
    expect(changed.body['modifiedContacts']).toEqual([
      { id: sim.contact('c3@example.com')!.contactId, email: 'c3@example.com', modifiedOn: clock },
    ]);
    const basic = await v2(sim, 'contact/basic', { email: ['c3@example.com', 'c2@example.com'] });
    expect(
      (basic.body['contacts'] as Array<{ email: string; optedOut: boolean }>).map((c) => [
        c.email,
        c.optedOut,
      ]),
    ).toEqual([
      ['c3@example.com', true],
      ['c2@example.com', false],
    ]);
  });

  it('pages modified contacts from page 1 with hasMore, and validates page and size', async () => {
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const r = await v2(sim, 'contact/paginatedModifiedContacts', { from: 0, to: clock, page, size: 2 });
      expect(r.body['success']).toBe(true);
      seen.push(...(r.body['modifiedContacts'] as Array<{ email: string }>).map((c) => c.email));
      if (!r.body['hasMore']) break;
    }
    expect(seen).toEqual([
      'c0@example.com',
      'c1@example.com',
      'c2@example.com',
      'c4@example.com',
      'c3@example.com',
    ]);
    expect(
      (await v2(sim, 'contact/paginatedModifiedContacts', { from: 0, to: clock, page: 0, size: 2 })).body[
        'success'
      ],
    ).toBe(false);
    expect(
      (await v2(sim, 'contact/paginatedModifiedContacts', { from: 0, to: clock, page: 1, size: 5000 })).body[
        'success'
      ],
    ).toBe(false);
    expect(
      (await v2(sim, 'contact/modifiedContacts', { from: '2025-01-01', to: clock })).body['success'],
    ).toBe(false);
  });

  it('changes phone opt-out, consent and opt-in back on the platform side', async () => {
    await simCall(sim, 'POST', '/__sim/contacts/opt-out', { email: 'c1@example.com', channel: 'phone' });
    expect(sim.contact('c1@example.com')).toMatchObject({ optedOut: false, optedOutPhone: true });
    await simCall(sim, 'POST', '/__sim/contacts/consent', {
      email: 'c1@example.com',
      consentName: 'marketing',
      accept: false,
    });
    expect(sim.contact('c1@example.com')?.consents['marketing']).toMatchObject({
      accept: false,
      optOut: true,
    });
    await simCall(sim, 'POST', '/__sim/contacts/opt-in', { email: 'c3@example.com' });
    expect(sim.contact('c3@example.com')?.optedOut).toBe(false);
    expect(
      (await simCall(sim, 'POST', '/__sim/contacts/opt-out', { email: 'ghost@example.com' })).status,
    ).toBe(404);
  });

  it('lists state and contacts through /__sim/', async () => {
    const state = (await simCall(sim, 'GET', '/__sim/state')).body as {
      name: string;
      accounts: Array<{ contacts: number }>;
    };
    expect(state.name).toBe('salesmanago');
    expect(state.accounts[0]?.contacts).toBe(5);
    const one = (await simCall(sim, 'GET', '/__sim/contacts?email=C1@example.com')).body as unknown[];
    expect(one).toHaveLength(1);
  });
});

// Runs in: Node (vitest). Owns: tests of the /__sim/ routes that act as the platform's people (opt-outs, consent, DOI).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startClient, type Client } from './test-helpers.js';

let c: Client;
let list: string;
beforeEach(async () => {
  let t = Date.parse('2024-06-01T12:00:00Z');
  c = await startClient({ now: () => (t += 1_000) });
  list = (
    await c.ac('POST', '/lists', {
      list: {
        name: 'Master Contact List',
        stringid: 'master',
        sender_url: 'https://x',
        sender_reminder: 'r',
      },
    })
  ).body.list.id;
  for (const email of ['stay@example.com', 'leave@example.com']) {
    const contact = (await c.ac('POST', '/contact/sync', { contact: { email } })).body.contact.id;
    await c.ac('POST', '/contactLists', { contactList: { list, contact, status: 1 } });
  }
});
afterEach(async () => c.sim.close());

describe('/__sim/ as the platform user', () => {
  it('an unsubscribe on the platform shows in GET /contacts?listid&status=2 updated after the last pull', async () => {
    const lastPull = (await c.ac('GET', '/contacts/2')).body.contact.udate as string;
    const r = await c.sim$('POST', '/__sim/unsubscribe', {
      email: 'leave@example.com',
      list: Number(list),
      reason: 'too many emails',
    });
    expect(r.status).toBe(200);
    const pulled = await c.ac(
      'GET',
      `/contacts?listid=${list}&status=2&filters[updated_after]=${encodeURIComponent(lastPull)}`,
    );
    expect(pulled.body.contacts.map((x: { email: string }) => x.email)).toEqual(['leave@example.com']);
    const lists = (await c.ac('GET', '/contacts/2/contactLists')).body.contactLists;
    expect(lists[0]).toMatchObject({ status: '2', unsubreason: 'too many emails' });
    expect((await c.sim$('GET', '/__sim/consent')).body.at(-1)).toMatchObject({
      email: 'leave@example.com',
      from: 1,
      to: 2,
      by: 'person',
    });
    expect((await c.ac('GET', `/contacts?listid=${list}&status=1`)).body.meta.total).toBe('1');
  });

  it('a double opt-in signup waits unconfirmed (status 0) until confirmed', async () => {
    await c.sim$('POST', '/__sim/signup', { email: 'doi@example.com', list });
    expect((await c.ac('GET', `/contacts?listid=${list}&status=0`)).body.contacts[0].email).toBe(
      'doi@example.com',
    );
    expect((await c.sim$('POST', '/__sim/confirm', { email: 'doi@example.com', list })).status).toBe(200);
    expect((await c.ac('GET', `/contacts?listid=${list}&status=0`)).body.meta.total).toBe('0');
    expect((await c.sim$('POST', '/__sim/confirm', { email: 'doi@example.com', list })).status).toBe(409);
  });

  it('changes consent as the person, and refuses unknown people and bad statuses', async () => {
    await c.sim$('POST', '/__sim/unsubscribe', { email: 'stay@example.com' });
    expect(
      (await c.sim$('POST', '/__sim/consent', { email: 'stay@example.com', list, status: 1 })).status,
    ).toBe(200);
    const contacts = (await c.sim$('GET', '/__sim/contacts')).body as Array<{
      email: string;
      lists: Array<{ status: number; changedBy: string }>;
    }>;
    expect(contacts.find((x) => x.email === 'stay@example.com')?.lists[0]).toMatchObject({
      status: 1,
      changedBy: 'person',
    });
    expect(
      (await c.sim$('POST', '/__sim/consent', { email: 'nobody@example.com', list, status: 1 })).status,
    ).toBe(404);
    expect(
      (await c.sim$('POST', '/__sim/consent', { email: 'stay@example.com', list, status: 5 })).status,
    ).toBe(400);
  });

  it('lists accounts with their keys and API roots, and resets all data', async () => {
    const accounts = (await c.sim$('GET', '/__sim/accounts')).body;
    expect(accounts[0]).toMatchObject({ name: 'storebridge-demo', apiUrl: `${c.sim.url}/api/3` });
    await c.sim.control.reset();
    expect((await c.sim$('GET', '/__sim/contacts')).body).toEqual([]);
  });
});

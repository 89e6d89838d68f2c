// Runs in: Node (vitest). Owns: tests of Api-Token auth and account separation.
import { afterEach, describe, expect, it } from 'vitest';
import { startClient, type Client } from './test-helpers.js';

let c: Client;
afterEach(async () => c.sim.close());

describe('Api-Token auth', () => {
  it('answers 403 {"message":"Forbidden"} without a key and with a wrong key, and 200 with a right one', async () => {
    c = await startClient();
    expect(await c.ac('GET', '/contacts', undefined, null)).toMatchObject({
      status: 403,
      body: { message: 'Forbidden' },
    });
    expect(await c.ac('GET', '/contacts', undefined, 'wrong')).toMatchObject({
      status: 403,
      body: { message: 'Forbidden' },
    });
    expect((await c.ac('GET', '/contacts')).status).toBe(200);
    // Every user's key of the account works.
    expect(
      (await c.ac('GET', '/contacts', undefined, c.sim.credentials.accounts[0]!.apiKeys[1])).status,
    ).toBe(200);
  });

  it('keeps accounts apart: a key of one account is refused on another, and data does not leak', async () => {
    c = await startClient({
      accounts: [
        { name: 'shop-a', apiKeys: ['key-a'] },
        { name: 'shop-b', apiKeys: ['key-b'] },
      ],
    });
    const [a, b] = c.sim.credentials.accounts;
    const post = (url: string, key: string) =>
      fetch(`${url}/contact/sync`, {
        method: 'POST',
        headers: { 'Api-Token': key, 'content-type': 'application/json' },
        body: JSON.stringify({ contact: { email: 'x@example.com' } }),
      });
    expect((await post(b!.apiUrl, 'key-a')).status).toBe(403);
    expect((await post(b!.apiUrl, 'key-b')).status).toBe(201);
    expect(c.sim.state('shop-b').contacts).toHaveLength(1);
    expect(c.sim.state('shop-a').contacts).toHaveLength(0);
    expect(a!.apiUrl).toBe(`${c.sim.url}/api/3`);
    expect(
      (await fetch(`${c.sim.url}/nope/api/3/contacts`, { headers: { 'Api-Token': 'key-a' } })).status,
    ).toBe(403);
  });
});

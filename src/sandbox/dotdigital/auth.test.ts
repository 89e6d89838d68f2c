// Runs in: Node (vitest). Owns: tests of Basic auth, regional hosts and the account-info region lookup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DotdigitalSim, startDotdigitalSim } from './index.js';
import { TestClient } from './test-client.js';

describe('dotdigital auth and regions', () => {
  let sim: DotdigitalSim;
  beforeAll(async () => {
    sim = await startDotdigitalSim({
      accounts: [
        { username: 'apiuser-eu@apiconnector.com', password: 'Passw0rd!', region: 'r1' },
        { username: 'apiuser-us@apiconnector.com', password: 'Passw0rd!', region: 'r2' },
      ],
    });
  });
  afterAll(() => sim.close());

  it('returns the credentials it accepts and serves the first account region at url', () => {
    expect(sim.credentials.map((c) => c.username)).toEqual([
      'apiuser-eu@apiconnector.com',
      'apiuser-us@apiconnector.com',
    ]);
    expect(sim.url).toBe(sim.urls.r1);
  });

  it('answers 401 with the documented message for a bad password, an unknown user or no header', async () => {
    for (const client of [
      new TestClient(sim.urls.r1, 'apiuser-eu@apiconnector.com', 'wrong'),
      new TestClient(sim.urls.r1, 'nobody@apiconnector.com', 'Passw0rd!'),
      new TestClient(sim.urls.r1),
    ]) {
      const a = await client.get('/v2/address-books');
      expect(a.status).toBe(401);
      expect(a.body).toEqual({ message: 'Authorization has been denied for this request.' });
    }
  });

  it('answers 401 on v3 paths in the v3 error shape', async () => {
    const a = await new TestClient(sim.urls.r1, 'x', 'y').get('/contacts/v3/email/a@example.com');
    expect(a.status).toBe(401);
    expect(a.body).toMatchObject({ errorCode: 'unauthorized' });
  });

  it('answers 403 on another region, for v2 and v3', async () => {
    const us = new TestClient(sim.urls.r1, 'apiuser-us@apiconnector.com', 'Passw0rd!');
    const a = await us.get('/v2/address-books');
    expect(a.status).toBe(403);
    expect(a.body).toEqual({ message: 'Access is denied.' });
    expect((await us.get('/contacts/v3')).status).toBe(403);
    const home = new TestClient(sim.urls.r2, 'apiuser-us@apiconnector.com', 'Passw0rd!');
    expect((await home.get('/v2/address-books')).status).toBe(200);
  });

  it('answers account-info on any region with the account ApiEndpoint', async () => {
    const a = await new TestClient(sim.urls.r1, 'apiuser-us@apiconnector.com', 'Passw0rd!').get(
      '/v2/account-info',
    );
    expect(a.status).toBe(200);
    const props = (a.body as { properties: Array<{ name: string; value: string }> }).properties;
    expect(props.find((p) => p.name === 'ApiEndpoint')?.value).toBe(`${sim.urls.r2}/`);
  });

  it('keeps accounts apart', async () => {
    const eu = new TestClient(sim.urls.r1, 'apiuser-eu@apiconnector.com', 'Passw0rd!');
    await eu.post('/v2/contacts', { email: 'only-eu@example.com' });
    expect(sim.store('apiuser-eu@apiconnector.com').byEmail('only-eu@example.com')).toBeDefined();
    expect(sim.store('apiuser-us@apiconnector.com').byEmail('only-eu@example.com')).toBeUndefined();
  });
});

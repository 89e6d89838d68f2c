// Runs in: vitest. Owns: verify() item by item against the simulator: good credentials, a wrong secret, an
// unknown key, another project's token, a wrong base URL, a missing permission and an unknown consent category.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { VerifyCheck } from '../../../src/main/engine/connector.js';
import { harness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A port nothing listens on (fetch refuses well-known "bad ports" such as 9 before connecting). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

const byId = (checks: VerifyCheck[], id: string): VerifyCheck => checks.find((c) => c.id === id)!;

describe('Bloomreach verify', () => {
  it('good credentials pass every check', async () => {
    h = await harness();
    const checks = await h.connector.verify(h.ctx);
    expect(checks.map((c) => [c.id, c.ok])).toEqual([
      ['credentials', true],
      ['consent-category', true],
      ['events-get', true],
      ['gdpr', true],
      ['catalogs', true],
    ]);
    expect(byId(checks, 'catalogs').detail).toMatch(/will be created/);
  });

  it('a wrong secret stops at the credentials with what to fix', async () => {
    h = await harness({ credentials: { apiSecret: 'not-the-secret' } });
    const checks = await h.connector.verify(h.ctx);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ id: 'credentials', ok: false });
    expect(checks[0]!.detail).toMatch(/403.*invalid secret/);
    expect(checks[0]!.fix).toMatch(/secret/);
  });

  it('an unknown key id and another project token name their own fix', async () => {
    h = await harness({ credentials: { apiKeyId: 'nobody' } });
    const [key] = await h.connector.verify(h.ctx);
    expect(key!.detail).toMatch(/401.*Access key not found/);
    expect(key!.fix).toMatch(/API key ID/);
    const other = {
      ...h.ctx,
      credentials: { ...h.ctx.credentials, projectToken: '00000000-0000-4000-8000-000000000000' },
    };
    const [token] = await h.connector.verify(other);
    expect(token!.detail).toMatch(/Could not authenticate/);
    expect(token!.fix).toMatch(/project token/);
  });

  it('a wrong base URL (another path, or nothing listening) says to check the API base URL', async () => {
    h = await harness();
    const wrongPath = { ...h.ctx, credentials: { ...h.ctx.credentials, baseUrl: `${h.sim.url}/eu` } };
    const [a] = await h.connector.verify(wrongPath);
    expect(a).toMatchObject({ ok: false });
    expect(a!.detail).toMatch(/404/);
    expect(a!.fix).toMatch(/API base URL/);
    const nothing = {
      ...h.ctx,
      credentials: { ...h.ctx.credentials, baseUrl: `http://127.0.0.1:${await closedPort()}` },
    };
    const [b] = await h.connector.verify(nothing);
    expect(b!.detail).toMatch(/ECONNREFUSED/);
    expect(b!.fix).toMatch(/API base URL/);
  });

  it('a key without GDPR export or event reads, and an unknown consent category, are named item by item', async () => {
    h = await harness({
      sim: {
        privateKeys: [
          {
            keyId: 'k',
            secret: 's',
            permissions: ['customers.set', 'customers.get', 'events.set:*', 'catalogs'],
          },
        ],
      },
      credentials: { apiKeyId: 'k', apiSecret: 's' },
      settings: { newsletterCategory: 'promotions' },
    });
    const checks = await h.connector.verify(h.ctx);
    expect(checks.map((c) => [c.id, c.ok])).toEqual([
      ['credentials', true],
      ['consent-category', false],
      ['events-get', false],
      ['gdpr', false],
      ['catalogs', true],
    ]);
    expect(byId(checks, 'consent-category').detail).toMatch(/newsletter, sms, other/);
    expect(byId(checks, 'gdpr').fix).toMatch(/GDPR > Export customer/);
    expect(byId(checks, 'events-get').fix).toMatch(/Events > Get/);
  });
});

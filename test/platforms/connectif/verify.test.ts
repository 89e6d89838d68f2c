// Runs in: vitest. Owns: verify() item by item against the simulator (good key, bad key with the fix, wrong
// API address, a missing scope, another store's currency, an unauthorized storefront), the field catalogue,
// the storefront script and the wizard's preview.
import { createServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connectifSettingsSchema } from '../../../src/main/platforms/connectif/index.js';
import { orderRecord, productRecord } from './fixtures.js';
import { baseSettings, harness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

const byId = (checks: Array<{ id: string; ok: boolean }>) => Object.fromEntries(checks.map((c) => [c.id, c]));

describe('Connectif verify', () => {
  it('passes every item with good credentials', async () => {
    h = await harness();
    const checks = await h.connector.verify(h.ctx);
    expect(checks.map((c) => [c.id, c.ok])).toEqual([
      ['endpoint', true],
      ['credentials', true],
      ['scope-contacts', true],
      ['scope-products', true],
      ['scope-purchases', true],
      ['scope-exports', true],
      ['currency', true],
      ['domains', true],
    ]);
  });

  it('says how to fix a wrong secret, a wrong address, a missing scope, a currency and a domain', async () => {
    h = await harness();
    const bad = await h.connector.verify({
      ...h.ctx,
      credentials: { ...h.ctx.credentials, apiKey: 'sim-key-1:wrong' },
    });
    expect(byId(bad)['credentials']).toMatchObject({
      ok: false,
      fix: expect.stringMatching(/Store Settings → API Keys.*KeyId:KeySecret/),
    });
    expect(bad).toHaveLength(2);

    const wrongUrl = await h.connector.verify({
      ...h.ctx,
      credentials: { ...h.ctx.credentials, apiUrl: `${h.sim.url}/v9` },
    });
    expect(byId(wrongUrl)['endpoint']).toMatchObject({
      ok: false,
      fix: expect.stringContaining('https://api.connectif.cloud'),
    });
    const closed = await h.connector.verify({
      ...h.ctx,
      credentials: { ...h.ctx.credentials, apiUrl: `http://127.0.0.1:${await closedPort()}` },
    });
    expect(byId(closed)['endpoint']).toMatchObject({
      ok: false,
      detail: expect.stringContaining('ECONNREFUSED'),
    });

    await fetch(`${h.sim.url}/__sim/keys/${h.sim.credentials.keyId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scopes: ['store:read', 'contacts:read', 'products:read', 'purchases:read'] }),
    });
    const settings = connectifSettingsSchema.parse({
      ...baseSettings,
      currency: 'EUR',
      storeUrl: 'https://shop.example.org',
    });
    const checks = byId(await h.connector.verify({ ...h.ctx, settings }));
    expect(checks['scope-contacts']).toMatchObject({ ok: true });
    expect(checks['scope-exports']).toMatchObject({ ok: false, fix: expect.stringContaining('Exports') });
    expect(checks['currency']).toMatchObject({ ok: false, detail: expect.stringContaining('USD') });
    expect(checks['domains']).toMatchObject({
      ok: false,
      fix: expect.stringContaining('https://shop.example.org'),
    });
  });
});

describe('Connectif wizard helpers', () => {
  it('lists system fields and the store’s custom field ids live', async () => {
    h = await harness();
    const fields = await h.connector.fieldCatalogue(h.ctx);
    expect(fields.filter((f) => f.custom).map((f) => [f.key, f.type])).toEqual([
      ['street', 'text'],
      ['city', 'text'],
      ['state', 'text'],
      ['country', 'text'],
      ['zip', 'text'],
      ['fav_colour', 'text'],
      ['interests', 'list'],
    ]);
    expect(fields.find((f) => f.key === '_birthdate')).toMatchObject({ type: 'date', custom: false });
  });

  it('installs the pasted integration code under the chosen consent category, only when tracking is on', async () => {
    h = await harness();
    expect(h.connector.storefrontScript({ credentials: {}, settings: h.settings })).toBeUndefined();
    const s = connectifSettingsSchema.parse({
      ...baseSettings,
      tracking: { enabled: true, snippet: '<script src="https://example.invalid/connectif.js"></script>' },
      consentCategory: 'targeting',
    });
    expect(h.connector.storefrontScript({ credentials: {}, settings: s })).toMatchObject({
      kind: 'script_tag',
      consentCategory: 'targeting',
      location: 'footer',
    });
  });

  it('previews a product and a purchase exactly as they are sent', async () => {
    h = await harness();
    const ctx = { settings: h.settings, connectionId: 'conn-a', storeId: 'store-1' };
    const [product] = h.connector.preview(productRecord(77, 'Mug'), ctx);
    expect(product).toMatchObject({
      method: 'PATCH',
      path: '/products/product-id/77',
      body: { name: 'Mug', unitPrice: 20 },
    });
    const order = h.connector.preview(
      { ...orderRecord({ id: 5, customerId: 1, email: 'a@b.co' }), historical: false },
      ctx,
    );
    expect(order).toEqual([
      expect.objectContaining({ method: 'POST', path: '/purchases/?triggerPurchaseEvent=true' }),
    ]);
    // What the preview shows is what reaches Connectif.
    h.enqueue([productRecord(77, 'Mug')], true);
    await h.drainAll();
    expect(h.sim.products.get('77')!.data).toEqual(product!.body);
  });
});

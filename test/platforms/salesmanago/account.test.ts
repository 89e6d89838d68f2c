// Runs in: vitest. Owns: Verify item by item (good credentials, bad secret, wrong server, wrong owner, refused
// v3 key, catalogue location), the owner list, the field catalogue, opt-outs pulled back, erase, monitoring code.
import { describe, expect, it } from 'vitest';
import { customer, people, seed, staged, subscriber } from './fixtures.js';
import { startHarness } from './harness.js';

const byId = (checks: Array<{ id: string; ok: boolean; fix?: string; detail: string }>) =>
  Object.fromEntries(checks.map((c) => [c.id, c]));

describe('SALESmanago account checks', () => {
  it('verify passes every item with good credentials and settings', async () => {
    const h = await startHarness();
    const checks = await h.connector.verify(h.ctx);
    expect(checks.map((c) => [c.id, c.ok])).toEqual([
      ['endpoint', true],
      ['credentials', true],
      ['owner', true],
      ['v3', true],
      ['catalog', true],
    ]);
    expect(await h.connector.setup.listOwners(h.ctx)).toEqual(h.sim.credentials.owners);
  });

  it('a wrong API secret fails the credentials item with where to find them', async () => {
    const h = await startHarness();
    const checks = byId(
      await h.connector.verify({ ...h.ctx, credentials: { ...h.ctx.credentials, apiSecret: 'nope' } }),
    );
    expect(checks['endpoint']!.ok).toBe(true);
    expect(checks['credentials']).toMatchObject({ ok: false });
    expect(checks['credentials']!.fix).toContain('Settings > Integration > API');
    expect(checks['owner']).toBeUndefined();
  });

  it('a wrong endpoint is detected and the right server named', async () => {
    const h = await startHarness();
    const checks = byId(
      await h.connector.verify({ ...h.ctx, credentials: { ...h.ctx.credentials, endpoint: 'app2' } }),
    );
    expect(checks['credentials']).toMatchObject({ ok: false });
    expect(checks['credentials']!.fix).toContain('Set the endpoint to app3');
  });

  it('an unreachable endpoint, an owner who is not a user, a revoked v3 key, a mismatched location', async () => {
    const h = await startHarness({ timeoutMs: 300 });
    const unreachable = await h.connector.verify({
      ...h.ctx,
      credentials: { ...h.ctx.credentials, endpoint: 'http://127.0.0.1:1/api' },
    });
    expect(unreachable).toHaveLength(1);
    expect(unreachable[0]).toMatchObject({ id: 'endpoint', ok: false });

    const owner = byId(
      await h.connector.verify({ ...h.ctx, credentials: { ...h.ctx.credentials, owner: 'x@y.test' } }),
    );
    expect(owner['owner']).toMatchObject({ ok: false });
    expect(owner['owner']!.fix).toContain(h.sim.credentials.owners[1]);

    const wrongLocation = byId(
      await h.connector.verify({ ...h.ctx, settings: { ...h.ctx.settings, location: 'other' } }),
    );
    expect(wrongLocation['catalog']).toMatchObject({ ok: false });
    expect(wrongLocation['catalog']!.fix).toContain('bc-store-1');

    await h.simPost('/__sim/v3-keys/revoke', { key: h.sim.credentials.v3ApiKey });
    const revoked = byId(await h.connector.verify(h.ctx));
    expect(revoked['credentials']!.ok).toBe(true);
    expect(revoked['v3']).toMatchObject({ ok: false });
    expect(revoked['v3']!.fix).toContain('API v3');
  });

  it('the field catalogue lists standard fields and the properties in use', async () => {
    const h = await startHarness();
    h.enqueue([staged('customers', 1, customer(1, people.ana), { historical: false })]);
    await h.settle();
    const fields = await h.connector.fieldCatalogue!(h.ctx);
    expect(fields.find((f) => f.key === 'email')).toMatchObject({ custom: false, type: 'text' });
    expect(fields.find((f) => f.key === 'birthday')).toMatchObject({ type: 'date' });
    expect(fields.filter((f) => f.custom).map((f) => f.key)).toEqual([
      'properties.bc_customer_group',
      'properties.bc_customer_id',
      'properties.bc_registered',
    ]);
  });

  it('an opt-out made in SALESmanago is pulled back as an explicit unsubscribe', async () => {
    const h = await startHarness();
    h.enqueue(seed());
    await h.settle();
    h.clock.advance(60_000);
    const since = h.clock.now();
    await h.simPost('/__sim/contacts/opt-out', { email: people.subOnly });
    h.clock.advance(1_000);
    const facts = await h.connector.pullConsent(h.ctx, since);
    expect(facts).toEqual([
      {
        email: people.subOnly,
        channel: 'email',
        state: 'unsubscribed',
        at: since,
        mechanism: 'opted out in SALESmanago',
        explicit: true,
      },
    ]);
    // Nothing changed since: nothing to report.
    expect(await h.connector.pullConsent(h.ctx, h.clock.now())).toEqual([]);
    // Off in the settings: nothing pulled.
    expect(
      await h.connector.pullConsent({ ...h.ctx, settings: { ...h.ctx.settings, optInSync: false } }, since),
    ).toEqual([]);
  });

  it('a confirmed double opt-in is an explicit subscribe; a contact never given a state is not explicit', async () => {
    const h = await startHarness({ settings: { doubleOptIn: true } });
    h.enqueue([
      staged('subscribers', 41, subscriber(41, 'doi2@example.com', ['marketing_newsletter']), {
        historical: false,
      }),
      staged('customers', 42, customer(42, 'plain@example.com'), { historical: false }),
    ]);
    await h.settle();
    h.clock.advance(1_000);
    const since = h.clock.now();
    await h.simPost('/__sim/contacts/confirm-doi', { email: 'doi2@example.com' });
    await h.simPost('/__sim/contacts/opt-in', { email: 'plain@example.com' });
    const facts = await h.connector.pullConsent(h.ctx, since);
    expect(facts.find((f) => f.email === 'doi2@example.com')).toMatchObject({
      state: 'subscribed',
      explicit: true,
      mechanism: 'double opt-in confirmed in SALESmanago',
    });
    expect(facts.find((f) => f.email === 'plain@example.com')).toMatchObject({
      state: 'subscribed',
      explicit: false,
    });
  });

  it('erase removes the person and returns a receipt without personal data; a second erase finds nobody', async () => {
    const h = await startHarness();
    h.enqueue([staged('customers', 1, customer(1, people.ana), { historical: false })]);
    await h.settle();
    const receipt = await h.connector.erase(h.ctx, people.ana);
    expect(receipt).toMatchObject({ system: 'SALESmanago', outcome: 'erased', at: h.clock.now() });
    expect(receipt.detail).not.toContain(people.ana);
    expect(h.sim.contact(people.ana)!.deleted).toBe(true);
    await h.simPost('/__sim/purge');
    expect(h.sim.contact(people.ana)).toBeUndefined();
    const again = await h.connector.erase(h.ctx, people.ana);
    expect(again.outcome).toBe('not_found');
    expect(again.detail).not.toContain(people.ana);
  });

  it('the monitoring code carries the client id, the account server and the chosen flags', async () => {
    const h = await startHarness();
    const script = h.connector.storefrontScript({
      credentials: h.ctx.credentials,
      settings: { ...h.ctx.settings, monitoringBanners: true },
    });
    expect(script).toMatchObject({ kind: 'script_tag', consentCategory: 'targeting', location: 'footer' });
    expect(script!.html).toContain(`var _smid = "${h.sim.credentials.clientId}"`);
    expect(script!.html).toContain('https://app3.salesmanago.com/static/sm.js');
    expect(script!.html).toContain('_smbanners = true');
    expect(script!.html).not.toContain('_smpopup');
    expect(
      h.connector.storefrontScript({
        credentials: h.ctx.credentials,
        settings: { ...h.ctx.settings, monitoringCode: false },
      }),
    ).toBeUndefined();
  });
});

// Runs in: vitest (under scripts/with-keychain.sh). Owns: Bloomreach's default mapping on a fresh project (no
// customers yet): the field catalogue always lists the properties the connector writes, so every default row
// fits through 'mapping:defaults' and validates, before the first sync.
import { describe, expect, it } from 'vitest';
import { startBloomreachSim } from '../../../src/sandbox/bloomreach/index.js';
import { closeAfterTest, storeWorkspace } from '../../support/store-workspace.js';

describe('Bloomreach mapping defaults', () => {
  it('fit a fresh project: every default row, none reported missing', async () => {
    const { ws, store } = await storeWorkspace({
      hash: 'brfresh1',
      name: 'Fresh',
      token: 'tok_brfresh_0123456789',
      seed: { customers: 3, orders: 3, products: 1, seed: 'brfresh' },
    });
    const sim = await startBloomreachSim({ rateLimit: { limit: 100_000, windowMs: 60_000 } });
    closeAfterTest(() => sim.close());
    const account = await ws.accounts.add({
      platform: 'bloomreach',
      name: 'Bloomreach',
      credentials: {
        baseUrl: sim.url,
        projectToken: sim.credentials.projectToken,
        apiKeyId: sim.credentials.privateKey.keyId,
        apiSecret: sim.credentials.privateKey.secret,
      },
    });
    const connectionId = ws.connections.add({
      storeId: store.id,
      accountId: account.id,
      settings: { storeUrl: 'https://shop.example.com', requestsPerMinute: 60_000, timeoutMs: 2000 },
    }).id;
    expect(sim.customers()).toEqual([]);

    for (const entity of ['customer', 'order'] as const) {
      const r = await ws.call('mapping:defaults', { connectionId, entity });
      if (!r.ok) throw new Error(r.error.message);
      const fit = r.value as {
        mapping: { entity: 'customer' | 'order'; rows: Array<{ target: string }> };
        notFitted: unknown[];
        missingRequired: string[];
      };
      expect(fit.notFitted).toEqual([]);
      expect(fit.missingRequired).toEqual([]);
      expect(fit.mapping.rows.map((x) => x.target)).toEqual(
        expect.arrayContaining(['email', 'first_name', 'last_name', 'city', 'country']),
      );
      const v = await ws.call('mapping:validate', { connectionId, mapping: fit.mapping });
      if (!v.ok) throw new Error(v.error.message);
      expect(v.value).toEqual([]);
    }
  }, 30_000);
});

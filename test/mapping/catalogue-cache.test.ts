// Runs in: vitest. Owns: the mapping service reads a platform's live fields once per account for a few minutes
// (validate, preview and save in a row cost one read), again after the time-to-live, and at once on refresh
// or when the grid loads its catalogue.
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/main/core/clock.js';
import { silentLogger } from '../../src/main/core/logger.js';
import { CATALOGUE_TTL_MS, MappingService } from '../../src/main/mapping/service.js';
import {
  acSettingsSchema,
  createActiveCampaignConnector,
} from '../../src/main/platforms/activecampaign/index.js';
import type { Db } from '../../src/main/storage/db.js';
import { startActiveCampaignSim, type ActiveCampaignSim } from '../../src/sandbox/activecampaign/index.js';
import { engineDb } from '../support/engine-db.js';
import { stage } from './db.js';
import { customer } from './fixtures.js';

let sim: ActiveCampaignSim | undefined;
let db: Db | undefined;
afterEach(async () => {
  db?.close();
  await sim?.close();
  sim = undefined;
  db = undefined;
});

describe('mapping catalogue cache', () => {
  it('reads the platform once per account within the TTL, again after it, and on refresh', async () => {
    sim = await startActiveCampaignSim({ rateLimit: 1000 });
    db = engineDb(['conn-a', 'conn-b']);
    stage(db, 'store-1', 'customers', [customer(1)]);
    const credentials = { apiUrl: sim.credentials.apiUrl, apiKey: sim.credentials.apiKey };
    const connector = createActiveCampaignConnector();
    const clock = new ManualClock(Date.parse('2026-01-05T10:00:00.000Z'));
    const settings = acSettingsSchema.parse({ storeUrl: 'https://shop.example.com', timeoutMs: 2000 });
    let reads = 0;
    const service = new MappingService(db, clock, {
      remoteFields: async () => {
        reads++;
        return connector.fieldCatalogue({
          credentials,
          settings,
          account: { id: 'acct-1', name: 'AC' },
          clock,
          logger: silentLogger,
          signal: new AbortController().signal,
        });
      },
    });
    const fieldsRead = () =>
      sim!.server.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/3/fields')).length;
    const newField = async (title: string): Promise<string> => {
      const res = await fetch(`${credentials.apiUrl}/fields`, {
        method: 'POST',
        headers: { 'Api-Token': credentials.apiKey, 'Content-Type': 'application/json' },
        body: JSON.stringify({ field: { title, type: 'text' } }),
      });
      return ((await res.json()) as { field: { id: string } }).field.id;
    };
    const mapping = (target: string) => ({
      entity: 'customer' as const,
      rows: [{ source: 'bc.customer.first_name', target }],
    });

    await service.validate('conn-a', mapping('firstName'));
    await service.preview('conn-a', mapping('firstName'));
    await service.save('conn-a', mapping('firstName'));
    // Another connection of the same account shares the account's fields.
    await service.validate('conn-b', mapping('firstName'));
    expect(reads).toBe(1);
    expect(fieldsRead()).toBe(1);

    // A field created since is unknown until the cache is refreshed.
    const id = await newField('Loyalty tier');
    expect(await service.validate('conn-a', mapping(id))).toEqual([
      expect.objectContaining({ code: 'unknown_target' }),
    ]);
    service.refreshCatalogue('conn-a');
    expect(await service.validate('conn-a', mapping(id))).toEqual([]);
    expect(reads).toBe(2);

    // Loading the grid reads live; its edits then reuse that read.
    await service.catalogue('conn-a', 'customer');
    expect(reads).toBe(3);
    await service.catalogue('conn-a', 'customer', { refresh: false });
    expect(reads).toBe(3);

    clock.advance(CATALOGUE_TTL_MS - 1);
    await service.validate('conn-a', mapping(id));
    expect(reads).toBe(3);
    clock.advance(2);
    await service.validate('conn-a', mapping(id));
    expect(reads).toBe(4);
    expect(fieldsRead()).toBe(4);
  });
});

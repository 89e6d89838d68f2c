// Runs in: vitest. Owns: what goes beyond Bloomreach's own integration: the multi-store identity policy, the
// anonymisation policy (preview and bulk run), the wizard's round trip, and the live field catalogue.
import { afterEach, describe, expect, it } from 'vitest';
import { createBloomreachConnector } from '../../../src/main/platforms/bloomreach/index.js';
import { customerRecord, orderRecord, seedStore } from './fixtures.js';
import { harness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('Bloomreach beyond the native integration', () => {
  it('multi-store identity: email is the only hard id; the store-scoped id is a property', async () => {
    h = await harness({ settings: { identity: 'multi-store' } });
    const ctx = { settings: h.settings, connectionId: 'conn-a', storeId: 'store-1' };
    expect(
      h.connector.plan(
        { ...customerRecord(4, 'x@example.com', 'X', 'Y'), data: undefined, deleted: true },
        ctx,
      ),
    ).toEqual([]);
    // The same person in two stores, with different BigCommerce ids: one Bloomreach customer.
    h.enqueue([customerRecord(1, 'zoe@example.com', 'Zoë', 'A')], true);
    await h.drainAll();
    const other = h.connector.plan(
      { ...customerRecord(900, 'zoe@example.com', 'Zoë', 'A', '2025-03-02T10:00:00Z'), storeId: 'store-2' },
      { ...ctx, storeId: 'store-2' },
    );
    await h.connector.deliver(
      other.map((j, i) => ({ ...j, jobId: 9_000 + i, attempts: 1, historical: true })),
      h.ctx,
    );
    h.enqueue([orderRecord({ id: 1001, customerId: 1, email: 'zoe@example.com' })], true);
    await h.drainAll();
    const all = h.sim.customers();
    expect(all).toHaveLength(1);
    expect(all[0]!['ids']).toEqual({ email_id: 'zoe@example.com' });
    expect(all[0]!['properties']).toMatchObject({ bc_customer_id_store_1: 1, bc_customer_id_store_2: 900 });
    expect(h.sim.events('purchase')[0]!.customerId).toBe(all[0]!['internal_id']);
    expect(await h.simGet<unknown[]>('/__sim/conflicts')).toEqual([]);
  });

  it('anonymisation policy: previews subscribers without a customer id and no recent consent, then anonymises them', async () => {
    h = await harness();
    h.enqueue(seedStore(), true);
    await h.drainAll();
    // dave never consented; carol's consent is valid.
    expect((await h.connector.anonymisationPreview(h.ctx, 30)).map((c) => c.email)).toEqual([
      'dave@example.com',
    ]);
    await h.simPost('/__sim/unsubscribe', { customer_ids: { email_id: 'carol@example.com' } });
    // carol's opt-out is recent: only once it is older than 30 days does she qualify.
    expect((await h.connector.anonymisationPreview(h.ctx, 30)).map((c) => c.email)).toEqual([
      'dave@example.com',
    ]);
    const later = { ...h.ctx, clock: { now: () => Date.now() + 31 * 86_400_000 } };
    const candidates = await h.connector.anonymisationPreview(later, 30);
    expect(candidates.map((c) => c.email).sort()).toEqual(['carol@example.com', 'dave@example.com']);
    const [bulkId] = await h.connector.anonymiseCandidates(h.ctx, candidates);
    expect(bulkId).toBeTruthy();
    await h.simPost(`/__sim/jobs/${bulkId}/finish`, {});
    expect(h.sim.findCustomer({ email_id: 'dave@example.com' })).toBeUndefined();
    expect(h.sim.findCustomer({ email_id: 'carol@example.com' })).toBeUndefined();
    expect(h.sim.findCustomer({ email_id: 'zoe@example.com' })).toBeDefined();
  });

  it('the round trip writes a test customer without events, reads it back and anonymises it', async () => {
    h = await harness({ sim: { writeDelayMs: 150 } });
    const connector = createBloomreachConnector({ roundTripPollMs: 20, roundTripMaxWaitMs: 3_000 });
    const checks = await connector.roundTrip(h.ctx);
    expect(checks.map((c) => [c.id, c.ok])).toEqual([
      ['roundtrip-write', true],
      ['roundtrip-read', true],
      ['roundtrip-remove', true],
    ]);
    h.sim.flush();
    expect(h.sim.events().filter((e) => e.type !== 'anonymization')).toEqual([]);
    expect(h.sim.customers().every((c) => c['anonymized_at'] !== null)).toBe(true);
  });

  it('the field catalogue lists the project properties with their types', async () => {
    h = await harness();
    h.enqueue(seedStore(), true);
    await h.drainAll();
    const fields = await h.connector.fieldCatalogue(h.ctx);
    expect(fields).toEqual(
      expect.arrayContaining([
        { key: 'first_name', label: 'first_name', type: 'text', custom: false },
        { key: 'bc_form_favourite_colour', label: 'bc_form_favourite_colour', type: 'text', custom: true },
        { key: 'bc_registered_at', label: 'bc_registered_at', type: 'date', custom: false },
      ]),
    );
  });

  it('reconciliation finds consents whose BigCommerce subscriber is gone and revokes them on request', async () => {
    h = await harness();
    h.enqueue(seedStore(), true);
    await h.drainAll();
    await h.simPost('/__sim/consent', {
      customer_ids: { email_id: 'bob@example.com' },
      category: 'newsletter',
      action: 'accept',
    });
    // BigCommerce still lists bob; carol's subscriber row was deleted there.
    const orphans = await h.connector.orphanConsents(h.ctx, new Set(['bob@example.com']));
    expect(orphans).toEqual(['carol@example.com']);
    expect(await h.connector.revokeConsents(h.ctx, orphans)).toEqual({});
    const carol = h.sim.findCustomer({ email_id: 'carol@example.com' })!;
    expect((carol['consents'] as Record<string, { valid: boolean }>)['newsletter']!.valid).toBe(false);
    expect(await h.connector.orphanConsents(h.ctx, new Set(['bob@example.com']))).toEqual([]);
  });
});

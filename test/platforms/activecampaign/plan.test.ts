// Runs in: vitest. Owns: plan() decisions that need no simulator: priorities and contact keys, guests,
// incomplete orders, products, deleted records, cents per currency.
import { describe, expect, it } from 'vitest';
import type { StagedRecord } from '../../../src/main/engine/connector.js';
import {
  acSettingsSchema,
  activeCampaign,
  type AcSettings,
} from '../../../src/main/platforms/activecampaign/index.js';
import type { OrderPayload } from '../../../src/main/platforms/activecampaign/payloads.js';
import { cartRecord, customerRecord, orderRecord, productRecord } from './fixtures.js';

const base = acSettingsSchema.parse({ storeUrl: 'https://shop.example.com/' });
const plan = (r: StagedRecord, s: Partial<AcSettings> = {}) =>
  activeCampaign.plan(r, { settings: { ...base, ...s }, connectionId: 'c', storeId: 'store-1' });

describe('ActiveCampaign plan', () => {
  it('puts a contact before its orders and carts under one lowercased email key', () => {
    const [c] = plan(customerRecord(1, 'Zoe@Example.com', 'Zoë', 'N'));
    const [o] = plan(orderRecord({ id: 1, customerId: 1, email: 'ZOE@example.com' }));
    const [cart] = plan(cartRecord('k', 'zoe@EXAMPLE.com', 1));
    expect([c?.priority, o?.priority, cart?.priority]).toEqual([0, 1, 1]);
    expect(new Set([c?.contactKey, o?.contactKey, cart?.contactKey])).toEqual(new Set(['zoe@example.com']));
    expect(o).toMatchObject({ entityType: 'order', entityId: '1', kind: 'upsert' });
  });

  it('keys guests by email, and skips them when the setting says so', () => {
    const guest = orderRecord({ id: 2, customerId: 0, email: 'G@x.com' });
    expect((plan(guest)[0]?.payload as OrderPayload).customerExternalId).toBe('guest:g@x.com');
    expect(plan(guest, { includeGuests: false })).toEqual([]);
  });

  it('skips incomplete orders unless asked; products and deleted orders plan nothing', () => {
    const incomplete = orderRecord({ id: 3, customerId: 1, email: 'a@x.com', statusId: 0 });
    expect(plan(incomplete)).toEqual([]);
    expect(plan(incomplete, { includeIncompleteOrders: true })).toHaveLength(1);
    expect(plan(productRecord(77, 'Café Mug'))).toEqual([]);
    expect(
      plan({ ...orderRecord({ id: 4, customerId: 1, email: 'a@x.com' }), deleted: true, data: undefined }),
    ).toEqual([]);
  });

  it('a deleted customer is kept by default, or removes its e-commerce customer record', () => {
    const gone: StagedRecord = {
      storeId: 'store-1',
      resource: 'customers',
      id: '9',
      dateModified: '2025-01-01T00:00:00Z',
      data: undefined,
      deleted: true,
      historical: false,
    };
    expect(plan(gone)).toEqual([]);
    expect(plan(gone, { deletedCustomers: 'remove-ecom-customer' })).toEqual([
      expect.objectContaining({
        kind: 'delete',
        entityType: 'customer',
        entityId: '9',
        payload: { type: 'remove-customer', storeId: 'store-1', customerExternalId: '9' },
      }),
    ]);
  });

  it('writes money in minor units of the order currency, and maps custom fields by type', () => {
    const yen = plan(orderRecord({ id: 5, customerId: 1, email: 'a@x.com', currency: 'JPY' }))[0]
      ?.payload as OrderPayload;
    expect(yen.totalPrice).toBe(55); // 54.5 yen rounds half away from zero to 55; JPY has no minor unit
    const mapped = plan(
      customerRecord(1, 'a@x.com', 'A', 'B', undefined, {
        company: 'Acme',
        date_created: '2024-02-03T04:05:06Z',
      }),
      {
        fieldMappings: [
          { source: 'customer.company', field: '1', type: 'text' },
          { source: 'form_field:Favourite colour', field: '2', type: 'multi' },
          { source: 'customer.date_created', field: '3', type: 'date' },
          { source: 'customer.missing', field: '4', type: 'text' },
        ],
      },
    )[0]?.payload as { fieldValues: unknown };
    expect(mapped.fieldValues).toEqual([
      { field: '1', value: 'Acme' },
      { field: '2', value: '||Teal||' },
      { field: '3', value: '2024-02-03' },
    ]);
  });

  it('carts without an email cannot be held and plan nothing', () => {
    const anon = cartRecord('z', '', 0);
    expect(plan(anon)).toEqual([]);
  });
});

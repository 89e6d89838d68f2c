// Runs in: vitest (unit). Owns: plan() rules: priorities and contact keys, guests by e-mail, ignored domains,
// archive date ranges, fixed event versions, products only with a catalogue.
import { describe, expect, it } from 'vitest';
import type { StagedRecord } from '../../engine/connector.js';
import { planRecord } from './plan.js';
import { salesmanagoSettingsSchema, type SalesmanagoSettingsInput } from './schemas.js';

const settings = (o: Partial<SalesmanagoSettingsInput> = {}) =>
  salesmanagoSettingsSchema.parse({ location: 'bc-1', catalogId: 'cat-1', ...o });
const rec = (resource: StagedRecord['resource'], data: unknown, historical = false): StagedRecord => ({
  storeId: 's',
  resource,
  id: String((data as { id: number }).id),
  dateModified: '2026-01-05T10:00:00.000Z',
  data,
  deleted: false,
  historical,
});
const order = (over: Record<string, unknown> = {}) => ({
  id: 9,
  customer_id: 0,
  date_created: '2025-06-01T00:00:00.000Z',
  date_modified: '2026-01-05T10:00:00.000Z',
  status_id: 11,
  total_inc_tax: '10.0000',
  billing_address: { email: 'Guest@Example.com', first_name: 'G' },
  ...over,
});
const plan = (r: StagedRecord, o: Partial<SalesmanagoSettingsInput> = {}) =>
  planRecord(r, { settings: settings(o), connectionId: 'c', storeId: 's' });

describe('SALESmanago plan', () => {
  it('a guest order: its contact (priority 0) before its PURCHASE (1), keyed by lower-cased e-mail', () => {
    const jobs = plan(rec('orders', order()));
    expect(jobs.map((j) => [j.entityType, j.priority, j.contactKey, j.kind, j.version])).toEqual([
      ['order-contact', 0, 'guest@example.com', 'upsert', '2026-01-05T10:00:00.000Z'],
      ['purchase', 1, 'guest@example.com', 'event', 'purchase'],
    ]);
  });

  it('a cancelled order adds a CANCELLATION event with a version of its own', () => {
    const jobs = plan(rec('orders', order({ status_id: 5, status: 'Cancelled' })));
    expect(jobs.map((j) => `${j.entityType}:${j.version}`)).toEqual([
      'order-contact:2026-01-05T10:00:00.000Z',
      'purchase:purchase',
      'cancellation:CANCELLATION',
    ]);
  });

  it('ignored domains and archive date ranges send nothing', () => {
    expect(plan(rec('orders', order()), { ignoredDomains: 'foo.test, example.com' })).toEqual([]);
    expect(plan(rec('orders', order(), true), { exportOrdersFrom: '2025-07-01T00:00:00Z' })).toHaveLength(0);
    // The ranges only bound the archive export, not live orders.
    expect(plan(rec('orders', order(), false), { exportOrdersFrom: '2025-07-01T00:00:00Z' })).toHaveLength(2);
  });

  it('products only when a catalogue is chosen; a deleted product is shown as gone', () => {
    const p = {
      id: 5,
      name: 'Mug',
      price: '3.0000',
      date_created: '2024-01-01T00:00:00Z',
      date_modified: '2024-01-01T00:00:00Z',
    };
    expect(plan(rec('products', p), { catalogId: null })).toEqual([]);
    expect(plan(rec('products', p))[0]).toMatchObject({ entityType: 'product', priority: 2, kind: 'upsert' });
    expect(plan({ ...rec('products', p), deleted: true, data: undefined })[0]).toMatchObject({
      kind: 'delete',
      payload: { op: 'product-gone', productId: '5' },
    });
  });

  it('double opt-in settings go all three or none', () => {
    expect(() => settings({ doubleOptInTemplateId: 't' })).toThrow(/all three, or none/);
    expect(
      settings({ doubleOptInTemplateId: 't', doubleOptInAccountId: 'a', doubleOptInSubject: 's' }),
    ).toBeTruthy();
  });
});

// Runs in: vitest (pure unit test). Owns: the planning rules the engine relies on: contacts at priority 0
// before their orders and events at 1 with the same lowercased contact key, guests keyed by email, no
// program for history, removed mapping rows not sent.
import { describe, expect, it } from 'vitest';
import type { StagedRecord } from '../../engine/connector.js';
import { planRecord } from './plan.js';
import { dotdigitalSettingsSchema } from './schemas.js';

const settings = dotdigitalSettingsSchema.parse({
  customersAddressBookId: 2,
  subscribersAddressBookId: 3,
  enrolNewCustomersProgramId: 1001,
  enrolEachOrderProgramId: 1004,
  enrolFirstOrderProgramId: 1003,
});
const ctx = { settings, connectionId: 'c', storeId: 's' };
const rec = (
  resource: StagedRecord['resource'],
  id: string,
  data: unknown,
  historical: boolean,
): StagedRecord => ({
  storeId: 's',
  resource,
  id,
  dateModified: '2026-01-05T10:00:00.000Z',
  data,
  deleted: false,
  historical,
});
const guestOrder = {
  id: 9,
  customer_id: 0,
  date_created: '2026-01-05T09:00:00.000Z',
  billing_address: { email: 'Guest@Example.COM', first_name: 'G' },
};

describe('dotdigital plan', () => {
  it('keys a guest by lowercased email, contact first, order and events after', () => {
    const jobs = planRecord(rec('orders', '9', guestOrder, false), ctx);
    expect(jobs.map((j) => [j.entityType, j.entityId, j.priority, j.contactKey])).toEqual([
      ['guest', 'guest@example.com', 0, 'guest@example.com'],
      ['order', '9', 1, 'guest@example.com'],
      ['enrolment', 'each_order:9', 1, 'guest@example.com'],
      ['enrolment', 'first_order:guest@example.com', 1, 'guest@example.com'],
    ]);
    expect(jobs.at(-1)!.payload).toMatchObject({ programId: 1003 });
  });

  it('starts no program for history, but history takes the first-order slot', () => {
    const jobs = planRecord(rec('orders', '9', guestOrder, true), ctx);
    expect(
      jobs
        .filter((j) => j.entityType === 'enrolment')
        .map((j) => [j.entityId, (j.payload as { programId: unknown }).programId]),
    ).toEqual([['first_order:guest@example.com', null]]);
    const customer = { id: 5, email: 'A@b.co', date_created: '2026-01-05T09:59:00.000Z' };
    expect(planRecord(rec('customers', '5', customer, true), ctx).map((j) => j.entityType)).toEqual([
      'customer',
    ]);
    expect(planRecord(rec('customers', '5', customer, false), ctx).map((j) => j.entityType)).toEqual([
      'customer',
      'enrolment',
    ]);
  });

  it('sends only the mapping rows the user kept', () => {
    const s = dotdigitalSettingsSchema.parse({ ...settings, fieldMapping: { first_name: 'firstname' } });
    const [job] = planRecord(
      rec('customers', '5', { id: 5, email: 'a@b.co', first_name: 'Ana', company: 'X' }, true),
      {
        ...ctx,
        settings: s,
      },
    );
    expect((job!.payload as { dataFields: unknown }).dataFields).toEqual({ FIRSTNAME: 'Ana' });
  });

  it('refuses the same address book for customers and subscribers', () => {
    expect(
      dotdigitalSettingsSchema.safeParse({ customersAddressBookId: 3, subscribersAddressBookId: 3 }).success,
    ).toBe(false);
  });
});

// Runs in: vitest. Owns: which country a phone without a country code is read in: the record's own address
// country, else the row's default country (the store's own in default rows), else the connector's US.
import { describe, expect, it } from 'vitest';
import { applyMapping } from './apply.js';
import { buildCatalogue } from './catalogue.js';
import { localiseDefaults } from './defaults.js';
import { mappingRowSchema, type Mapping } from './model.js';
import { countryKeyFor } from './record-country.js';

const cat = buildCatalogue({
  custom: [],
  remote: [{ key: 'mobile', label: 'Mobile', type: 'text', custom: false }],
});
const phoneRow = (source: string, defaultCountry: string) =>
  mappingRowSchema.parse({ source, target: 'mobile', transforms: [{ kind: 'phone', defaultCountry }] });
const map = (record: unknown, rows: Mapping['rows'], entity: Mapping['entity'] = 'customer') =>
  applyMapping(record, { entity, rows }, cat);

describe('the phone transform reads a local number in', () => {
  it("the customer's first address country when there is one, else the row's default country", () => {
    const rows = [phoneRow('bc.customer.phone', 'GB')];
    const spanish = { id: 1, phone: '612 34 56 78', addresses: [{ country_code: 'es' }] };
    expect(map(spanish, rows).payload).toEqual({ mobile: '+34612345678' });
    const noAddress = { id: 2, phone: '020 7946 0958', addresses: [] };
    expect(map(noAddress, rows).payload).toEqual({ mobile: '+442079460958' });
    const blankCountry = { id: 3, phone: '020 7946 0958', addresses: [{ country_code: '' }] };
    expect(map(blankCountry, rows).payload).toEqual({ mobile: '+442079460958' });
  });

  it("an order's billing or shipping address country, whichever the phone belongs to", () => {
    const order = {
      id: 9,
      billing_address: { phone: '612 34 56 78', country_iso2: 'ES' },
      consignments: { shipping: [{ phone: '06 12 34 56 78', country_iso2: 'FR' }] },
    };
    const rows = [phoneRow('bc.order.billing.phone', 'US')];
    expect(map(order, rows, 'order').payload).toEqual({ mobile: '+34612345678' });
    const ship = [phoneRow('bc.order.shipping.phone', 'US')];
    expect(map(order, ship, 'order').payload).toEqual({ mobile: '+33612345678' });
  });

  it('says which country a number did not fit, and leaves international numbers as they are', () => {
    const rows = [phoneRow('bc.customer.phone', 'GB')];
    const r = map({ id: 4, phone: '612 34', addresses: [{ country_code: 'ES' }] }, rows);
    expect(r.payload).toEqual({});
    expect(r.issues[0]?.message).toMatch(/ES numbers have 9/);
    const intl = { id: 5, phone: '+1 415 555 0101', addresses: [{ country_code: 'ES' }] };
    expect(map(intl, rows).payload).toEqual({ mobile: '+14155550101' });
  });

  it('finds the address a source field belongs to', () => {
    expect(countryKeyFor('bc.customer.phone')).toBe('bc.customer.address.country_code');
    expect(countryKeyFor('bc.form_field.Mobile')).toBe('bc.customer.address.country_code');
    expect(countryKeyFor('bc.order.billing.phone')).toBe('bc.order.billing.country_iso2');
    expect(countryKeyFor('bc.order.form_field.Mobile')).toBe('bc.order.billing.country_iso2');
    expect(countryKeyFor('bc.order.shipping.phone')).toBe('bc.order.shipping.country_iso2');
    expect(countryKeyFor(undefined)).toBeUndefined();
  });
});

describe('default rows in the store country', () => {
  const pairs = [
    { source: 'bc.customer.first_name', target: '_name', transforms: [{ kind: 'trim' as const }] },
    {
      source: 'bc.customer.phone',
      target: '_mobilePhone',
      transforms: [{ kind: 'phone' as const, defaultCountry: 'US' }],
    },
  ];

  it("puts the store's country in phone rows only, without changing the connector's own rows", () => {
    const local = localiseDefaults(pairs, 'GB');
    expect(local[1]!.transforms).toEqual([{ kind: 'phone', defaultCountry: 'GB' }]);
    expect(local[0]).toEqual(pairs[0]);
    expect(pairs[1]!.transforms).toEqual([{ kind: 'phone', defaultCountry: 'US' }]);
  });

  it("keeps the connector's country (US) while the store's is unknown", () => {
    expect(localiseDefaults(pairs, undefined)[1]!.transforms).toEqual([
      { kind: 'phone', defaultCountry: 'US' },
    ]);
  });
});

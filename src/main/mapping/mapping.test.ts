// Runs in: vitest. Owns: discovery, the merged catalogue, mapping validation, apply and preview, on records
// shaped as the BigCommerce client normalises them.
import { describe, expect, it } from 'vitest';
import { customer, order, platformFields } from '../../../test/mapping/fixtures.js';
import { applyMapping } from './apply.js';
import { buildCatalogue } from './catalogue.js';
import { discoverCustomFields } from './discover.js';
import { mappingSchema, type MappingInput } from './model.js';
import { previewMapping } from './preview.js';
import { validateMapping } from './validate.js';

const defs = {
  formFields: [
    { name: 'Newsletter topics', type: 'checkboxes' as const, options: ['Running', 'Hiking', 'Cycling'] },
    { name: 'Shoe size', type: 'numbers' as const },
    { name: 'Birthday', type: 'date' as const },
    { name: 'Password hint', type: 'password' as const },
  ],
  attributes: [{ id: 1, name: 'Loyalty tier', type: 'string' as const }],
};
const found = discoverCustomFields({ ...defs, records: { customers: [customer(1)], orders: [order(7)] } });
const cat = buildCatalogue({ custom: found.fields, remote: platformFields, entity: 'customer' });
const m = (x: MappingInput) => mappingSchema.parse(x);

const good = m({
  entity: 'customer',
  rows: [
    { source: 'bc.customer.email', target: 'email', transforms: [{ kind: 'trim' }, { kind: 'lowercase' }] },
    { source: 'bc.customer.first_name', target: 'first_name', transforms: [{ kind: 'trim' }] },
    { source: 'bc.customer.phone', target: 'mobile', transforms: [{ kind: 'phone', defaultCountry: 'BR' }] },
    { source: 'bc.form_field.Birthday', target: 'birthdate', transforms: [{ kind: 'date', format: 'date' }] },
    { source: 'bc.customer.date_created', target: 'signup', transforms: [{ kind: 'date', format: 'date' }] },
    { source: 'bc.customer.accepts_product_review_abandoned_cart_emails', target: 'accepts' },
    { source: 'bc.form_field.Newsletter topics', target: 'topics', transforms: [{ kind: 'optionIndex' }] },
    { source: 'bc.form_field.Shoe size', target: 'shoe_size' },
    { source: 'bc.attribute.1', target: 'tier', transforms: [{ kind: 'uppercase' }] },
  ],
});

describe('field catalogue', () => {
  it('offers standard customer, address and order fields with stable keys and types', () => {
    const all = buildCatalogue({ custom: found.fields, remote: platformFields });
    const byKey = new Map(all.source.map((f) => [f.key, f]));
    expect(byKey.get('bc.customer.first_name')).toMatchObject({
      type: 'text',
      entity: 'customer',
      custom: false,
    });
    expect(byKey.get('bc.customer.date_created')?.type).toBe('date');
    expect(byKey.get('bc.customer.accepts_product_review_abandoned_cart_emails')?.type).toBe('boolean');
    expect(byKey.get('bc.customer.address.postal_code')?.group).toBe('Address');
    expect(byKey.get('bc.order.billing.email')?.entity).toBe('order');
    expect(byKey.get('bc.order.shipping.city')).toBeDefined();
    expect(byKey.get('bc.order.total_inc_tax')?.type).toBe('number');
    expect(all.target.find((t) => t.key === 'email')).toMatchObject({
      required: true,
      group: 'Standard fields',
    });
    // Narrowed to one record kind, the other kind's fields are not offered.
    expect(cat.source.some((f) => f.entity === 'order')).toBe(false);
  });

  it('discovers custom form fields and attributes with types and options in the store order; never passwords', () => {
    const byKey = new Map(found.fields.map((f) => [f.key, f]));
    expect(byKey.get('bc.form_field.Newsletter topics')).toMatchObject({
      type: 'list',
      multi: true,
      options: ['Running', 'Hiking', 'Cycling'],
      optionsFrom: 'definition',
    });
    expect(byKey.get('bc.form_field.Shoe size')?.type).toBe('number');
    expect(byKey.get('bc.attribute.1')).toMatchObject({ label: 'Loyalty tier', type: 'text' });
    expect(byKey.get('bc.address_form_field.Gate code')?.type).toBe('text');
    expect(byKey.get('bc.order.form_field.Gift note')?.entity).toBe('order');
    expect(byKey.has('bc.form_field.Password hint')).toBe(false);
    expect(found.skipped).toEqual([
      { key: 'bc.form_field.Password hint', reason: 'password fields are never synced' },
    ]);
  });

  it('infers types from records alone, marking options as only observed', () => {
    const d = discoverCustomFields({
      records: {
        customers: [
          customer(1),
          customer(2, {
            form_fields: [
              { name: 'Newsletter topics', value: ['Hiking'] },
              { name: 'Shoe size', value: 40 },
            ],
          }),
        ],
      },
    });
    const topics = d.fields.find((f) => f.key === 'bc.form_field.Newsletter topics');
    expect(topics).toMatchObject({
      type: 'list',
      multi: true,
      optionsFrom: 'observed',
      options: ['Cycling', 'Running', 'Hiking'],
    });
    expect(d.fields.find((f) => f.key === 'bc.form_field.Birthday')?.type).toBe('date');
    expect(d.fields.find((f) => f.key === 'bc.form_field.Shoe size')?.type).toBe('number');
    expect(d.fields.find((f) => f.key === 'bc.attribute.1')?.label).toBe('Attribute 1');
  });
});

describe('mapping validation', () => {
  it('accepts a sound mapping without issues', () => {
    expect(validateMapping(good, cat)).toEqual([]);
  });

  it('warns on type mismatches: text to date, free text to number, list to boolean, several answers to text', () => {
    const issues = validateMapping(
      m({
        entity: 'customer',
        rows: [
          { source: 'bc.customer.notes', target: 'birthdate' },
          { source: 'bc.customer.company', target: 'shoe_size' },
          { source: 'bc.form_field.Newsletter topics', target: 'accepts' },
          { source: 'bc.form_field.Newsletter topics', target: 'tier' },
          { source: 'bc.customer.first_name', target: 'email' },
        ],
      }),
      cat,
    );
    const warned = issues
      .filter((i) => i.code === 'type_mismatch')
      .map((i) => [i.row, i.severity, i.message.split(':')[0]]);
    expect(warned).toEqual([
      [0, 'warning', 'text → date'],
      [1, 'warning', 'text → number'],
      [2, 'warning', 'list → boolean'],
      [3, 'warning', 'list → text'],
    ]);
  });

  it('reports duplicate targets, missing required targets, unknown fields and transforms that cannot read their input', () => {
    const issues = validateMapping(
      m({
        entity: 'customer',
        rows: [
          { source: 'bc.customer.first_name', target: 'first_name' },
          { source: 'bc.customer.last_name', target: 'first_name' },
          { source: 'bc.form_field.Favourite colour', target: 'tier' },
          { source: 'bc.customer.first_name', target: 'nope' },
          { source: 'bc.order.total_inc_tax', target: 'shoe_size' },
          {
            source: 'bc.customer.accepts_product_review_abandoned_cart_emails',
            target: 'mobile',
            transforms: [{ kind: 'phone', defaultCountry: 'US' }],
          },
          { target: 'last_name' },
        ],
      }),
      cat,
    );
    const codes = issues.map((i) => `${i.code}@${i.row ?? '-'}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'duplicate_target@1',
        'unknown_source@2',
        'unknown_target@3',
        'unknown_source@4',
        'transform_mismatch@5',
        'no_value@6',
        'required_target_missing@-',
      ]),
    );
    expect(issues.every((i) => i.severity === 'error' || i.code === 'type_mismatch')).toBe(true);
  });

  it('warns that option numbers are unreliable when options were only observed in records', () => {
    const observed = buildCatalogue({
      custom: discoverCustomFields({ records: { customers: [customer(1)] } }).fields,
      remote: platformFields,
    });
    const issues = validateMapping(
      m({
        entity: 'customer',
        rows: [
          { source: 'bc.customer.email', target: 'email' },
          {
            source: 'bc.form_field.Newsletter topics',
            target: 'topics',
            transforms: [{ kind: 'optionIndex' }],
          },
        ],
      }),
      observed,
    );
    expect(issues).toMatchObject([{ code: 'options_unordered', severity: 'warning', row: 1 }]);
  });
});

describe('apply and preview', () => {
  it('maps a customer to a payload with every transform applied', () => {
    const out = applyMapping(customer(1, { email: ' Ana@Example.COM ' }), good, cat);
    expect(out.issues).toEqual([]);
    expect(out.payload).toEqual({
      email: 'ana@example.com',
      first_name: 'Ana',
      mobile: '+5511912345678',
      birthdate: '1990-05-14',
      signup: '2024-03-05',
      accepts: true,
      topics: ['2', '0'],
      shoe_size: 42,
      tier: 'GOLD',
    });
  });

  it('reports each value it leaves out, naming the record and field', () => {
    const bad = customer(5, {
      email: '',
      phone: 'call me',
      form_fields: [
        { name: 'Newsletter topics', value: ['Swimming'] },
        { name: 'Shoe size', value: 'forty' },
      ],
    });
    const out = applyMapping(bad, good, cat);
    expect(out.payload).not.toHaveProperty('email');
    expect(out.payload).not.toHaveProperty('mobile');
    expect(out.payload).not.toHaveProperty('topics');
    expect(out.payload).not.toHaveProperty('shoe_size');
    expect(out.issues.map((i) => [i.recordId, i.target, i.code])).toEqual([
      ['5', 'email', 'required_empty'],
      ['5', 'mobile', 'transform_failed'],
      ['5', 'topics', 'transform_failed'],
      ['5', 'shoe_size', 'type_conflict'],
    ]);
    expect(out.issues[2]!.message).toContain('Swimming');
    // Fields that are simply absent from the record are not errors: birthdate is just left out.
    expect(out.payload).not.toHaveProperty('birthdate');
  });

  it('sends one ticked checkbox into a text field, and reports several', () => {
    const mapping = m({
      entity: 'customer',
      rows: [{ source: 'bc.form_field.Newsletter topics', target: 'tier' }],
    });
    const one = customer(8, { form_fields: [{ name: 'Newsletter topics', value: ['Hiking'] }] });
    expect(applyMapping(one, mapping, cat)).toEqual({ payload: { tier: 'Hiking' }, issues: [] });
    const out = applyMapping(customer(9), mapping, cat);
    expect(out.payload).toEqual({});
    expect(out.issues).toMatchObject([{ recordId: '9', target: 'tier', code: 'type_conflict' }]);
  });

  it('maps a guest order from its billing address and money strings', () => {
    const ocat = buildCatalogue({ custom: found.fields, remote: platformFields, entity: 'order' });
    const mapping = m({
      entity: 'order',
      rows: [
        { source: 'bc.order.billing.email', target: 'email' },
        { source: 'bc.order.total_inc_tax', target: 'total' },
        {
          source: 'bc.order.form_field.Gift note',
          target: 'tier',
          transforms: [{ kind: 'truncate', length: 4 }],
        },
      ],
    });
    expect(validateMapping(mapping, ocat)).toEqual([]);
    const out = applyMapping(order(7), mapping, ocat);
    expect(out.payload).toEqual({ email: 'guest@example.com', total: 69.84, tier: 'Para' });
    expect(out.issues).toMatchObject([{ recordId: '7', code: 'truncated', severity: 'warning' }]);
  });

  it('previews N records as before/after pairs with their issues', () => {
    const records = [customer(1), customer(2, { phone: '123' }), customer(3)];
    const p = previewMapping(records, good, cat, 2);
    expect(p.rows).toHaveLength(2);
    expect(p.rows[0]!.before['bc.customer.first_name']).toBe('  Ana ');
    expect(p.rows[0]!.after['first_name']).toBe('Ana');
    expect(p.rows[1]!.recordId).toBe('2');
    expect(p.rows[1]!.issues.map((i) => i.target)).toEqual(['mobile']);
    expect(p.failing).toBe(1);
  });
});

// Runs in: vitest. Owns: the grid's model: transform presets both ways, grid <-> draft, name suggestions and
// issues placed on their rows.
import { describe, expect, it } from 'vitest';
import {
  draftOf,
  gridFrom,
  issuesBySource,
  presetOf,
  suggestByName,
  transformsOf,
  type CatalogueField,
} from './mapping-model';

const f = (key: string, label: string, custom = false): CatalogueField => ({
  key,
  label,
  type: 'text',
  group: 'g',
  custom,
});
const sources = [
  f('bc.customer.email', 'Email'),
  f('bc.customer.first_name', 'First name'),
  f('bc.customer.phone', 'Phone'),
  f('bc.form_field.Birthday', 'Birthday', true),
];
const targets = [
  f('email', 'Email'),
  f('firstName', 'First name'),
  f('phone', 'Phone'),
  f('7', 'Birthday', true),
];

describe('transform presets', () => {
  it('round-trips every preset through the transforms main takes', () => {
    for (const preset of ['none', 'trim', 'lowercase', 'date', 'datetime', 'optionIndex'] as const)
      expect(presetOf(transformsOf({ source: 's', target: 't', preset, country: '' })).preset).toBe(preset);
    const phone = transformsOf({ source: 's', target: 't', preset: 'phone', country: 'BR' });
    expect(phone).toEqual([{ kind: 'phone', defaultCountry: 'BR' }]);
    expect(presetOf(phone)).toEqual({ preset: 'phone', country: 'BR' });
  });
  it('shows a chain it cannot name as "as is" rather than a wrong preset', () => {
    expect(presetOf([{ kind: 'truncate', length: 3 }, { kind: 'trim' }]).preset).toBe('none');
  });
});

describe('grid and draft', () => {
  it('sends only rows with a target, in catalogue order, with their transforms', () => {
    const g = gridFrom([
      { source: 'bc.customer.phone', target: 'phone', transforms: [{ kind: 'phone', defaultCountry: 'US' }] },
      { source: 'bc.customer.email', target: 'email', transforms: [{ kind: 'trim' }] },
      { target: 'tags', transforms: [{ kind: 'default', value: 'x' }] },
    ]);
    g['bc.customer.first_name'] = {
      source: 'bc.customer.first_name',
      target: null,
      preset: 'trim',
      country: '',
    };
    expect(draftOf('customer', sources, g)).toEqual({
      entity: 'customer',
      rows: [
        { source: 'bc.customer.email', target: 'email', transforms: [{ kind: 'trim' }] },
        {
          source: 'bc.customer.phone',
          target: 'phone',
          transforms: [{ kind: 'phone', defaultCountry: 'US' }],
        },
      ],
    });
  });
  it('suggests standard fields by name, each platform field once, and lowercases emails', () => {
    const rows = suggestByName(sources, targets);
    expect(rows.map((r) => `${r.source}>${r.target}`)).toEqual([
      'bc.customer.email>email',
      'bc.customer.first_name>firstName',
      'bc.customer.phone>phone',
    ]);
    expect(rows[0]!.transforms).toEqual([{ kind: 'trim' }, { kind: 'lowercase' }]);
  });
  it('puts each issue on its row, by source or by row index', () => {
    const draft = draftOf('customer', sources, gridFrom(suggestByName(sources, targets)));
    const by = issuesBySource(draft, [
      { severity: 'warning', code: 'type_mismatch', row: 2, message: 'a' },
      { severity: 'error', code: 'unknown_source', source: 'bc.customer.email', message: 'b' },
      { severity: 'error', code: 'required_target_missing', message: 'c' },
    ]);
    expect(by['bc.customer.phone']![0]!.message).toBe('a');
    expect(by['bc.customer.email']![0]!.message).toBe('b');
    expect(by['']![0]!.message).toBe('c');
  });
});

// Runs in: vitest. Owns: reading platform JSON Schemas into form fields, defaults and the payload sent to main.
import { describe, expect, it } from 'vitest';
import { defaultsOf, fieldsOf, humanize, toPayload } from './schema';

const schema = {
  type: 'object',
  properties: {
    apiUrl: { type: 'string', format: 'uri', description: 'Settings → Developer → URL' },
    apiKey: { type: 'string', minLength: 1 },
    region: { type: 'string', enum: ['r1', 'r2'], default: 'r1' },
    enabled: { type: 'boolean', default: true },
    bookId: { anyOf: [{ type: 'integer' }, { type: 'null' }], default: null },
    tags: { type: 'array', items: { type: 'string' }, default: ['a'] },
    mapping: { type: 'object', default: { a: 'b' } },
  },
  required: ['apiUrl', 'apiKey'],
};

describe('fieldsOf', () => {
  it('picks an input per type, marks required and keeps the help text', () => {
    const f = Object.fromEntries(fieldsOf(schema).map((x) => [x.key, x]));
    expect(f.apiUrl).toMatchObject({
      kind: 'url',
      required: true,
      description: 'Settings → Developer → URL',
    });
    expect(f.apiKey).toMatchObject({ kind: 'secret', required: true });
    expect(f.region).toMatchObject({ kind: 'select', options: ['r1', 'r2'], required: false });
    expect(f.enabled?.kind).toBe('boolean');
    expect(f.bookId).toMatchObject({ kind: 'number', nullable: true });
    expect(f.tags?.kind).toBe('tags');
    expect(f.mapping?.kind).toBe('json');
  });
  it('reads an empty or missing schema as no fields', () => {
    expect(fieldsOf(undefined)).toEqual([]);
    expect(fieldsOf({ type: 'object', properties: {} })).toEqual([]);
  });
});

describe('defaultsOf and toPayload', () => {
  const fields = fieldsOf(schema);
  it('starts from the defaults, JSON fields as text', () => {
    expect(defaultsOf(fields)).toEqual({ region: 'r1', enabled: true, tags: ['a'], mapping: '{"a":"b"}' });
  });
  it('leaves empty optional fields out, parses JSON and sends null for a cleared nullable', () => {
    const values = { ...defaultsOf(fields), apiUrl: 'https://x.example', apiKey: '', bookId: '' };
    expect(toPayload(fields, values)).toEqual({
      apiUrl: 'https://x.example',
      region: 'r1',
      enabled: true,
      bookId: null,
      tags: ['a'],
      mapping: { a: 'b' },
    });
  });
  it('names the field whose JSON does not parse', () => {
    expect(() => toPayload(fields, { mapping: '{nope' })).toThrow('Mapping is not valid JSON');
  });
});

it('humanizes camelCase and snake_case keys', () => {
  expect(humanize('storeUrl')).toBe('Store url');
  expect(humanize('customers_address_book')).toBe('Customers address book');
});

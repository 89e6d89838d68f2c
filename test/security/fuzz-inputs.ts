// Runs in: vitest. Owns: fast-check arbitraries read off the contract: arbitrary JSON, and inputs shaped like a
// channel's schema (its keys, some values of the declared type, some of the wrong type, nasty strings, extra keys).
import fc from 'fast-check';
import { z } from 'zod';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  enum?: unknown[];
  items?: JsonSchema;
};

/** Strings that have broken parsers, paths and SQL elsewhere. */
const nasty = [
  '',
  ' ',
  '\u0000',
  '../../../../etc/passwd',
  "'; DROP TABLE stores; --",
  '%00',
  '__proto__',
  'constructor',
  '\u202e\u0000\ud800',
  'x'.repeat(2_000),
  '2026-13-45',
  'NaN',
  '-1',
  'a@b',
  'someone@example.com',
  'EUR',
  'customer',
  'order',
];

function valueOfType(type: string | undefined, s: JsonSchema, pool: string[]): fc.Arbitrary<unknown> {
  if (s.enum) return fc.oneof(fc.constantFrom(...s.enum), fc.string());
  switch (type) {
    case 'string':
      return fc.oneof(
        fc.string(),
        fc.constantFrom(...nasty),
        ...(pool.length ? [fc.constantFrom(...pool)] : []),
      );
    case 'integer':
    case 'number':
      return fc.oneof(
        fc.integer({ min: -5, max: 200 }),
        fc.constantFrom(0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER, 1.5),
        fc.double(),
      );
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(s.items ? valueOfType(first(s.items.type), s.items, pool) : fc.jsonValue(), {
        maxLength: 4,
      });
    case 'object':
      return s.properties
        ? shapedObject(s, pool)
        : fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 });
    default:
      return fc.jsonValue();
  }
}

function first(t: string | string[] | undefined): string | undefined {
  return Array.isArray(t) ? t[0] : t;
}

function shapedObject(s: JsonSchema, pool: string[]): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(s.properties ?? {});
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, p] of props) {
    // Mostly the declared type (so validation reaches deeper fields), sometimes any JSON at all.
    record[key] = fc.oneof(
      { weight: 3, arbitrary: valueOfType(first(p.type), p, pool) },
      { weight: 1, arbitrary: fc.jsonValue() },
    );
  }
  return fc
    .tuple(
      fc.record(record, { requiredKeys: [] }),
      fc.option(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue(), { maxKeys: 2 }), { freq: 4 }),
    )
    .map(([obj, extra]) => ({ ...(extra ?? {}), ...obj }));
}

/** Inputs shaped like `schema` (its properties with right and wrong values), for one channel. */
export function shapedInput(schema: z.ZodType, pool: string[]): fc.Arbitrary<unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return shapedObject(json, pool);
}

/** Anything a hostile renderer could send: any JSON value, undefined, or a prototype-polluting object. */
export const arbitraryInput: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.jsonValue() },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{}}')) },
);

// Runs in: main (Electron-free); zod only. Owns: the transform specs a mapping row carries, with the checks
// that make a bad parameter (an unknown time zone, a pattern with no date in it) an input error, not a crash.
import { z } from 'zod';

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const timeZone = z
  .string()
  .refine(isTimeZone, { message: 'Use an IANA time zone such as "UTC" or "Europe/Madrid"' });

/** Tokens the date patterns understand; anything else between quotes is literal text. */
export const PATTERN_TOKEN = /yyyy|yy|MM|M|dd|d|HH|H|mm|ss|SSS|XXX|'[^']*'/g;

const pattern = z
  .string()
  .min(1)
  .refine((p) => /yy|M|d/.test(p.replace(/'[^']*'/g, '')), {
    message: 'A date pattern needs at least a year, month or day token (yyyy, MM, dd)',
  });

export const transformSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('trim') }),
  z.object({ kind: z.literal('lowercase') }),
  z.object({ kind: z.literal('uppercase') }),
  z.object({
    kind: z.literal('date'),
    format: z.enum(['iso', 'date', 'epoch_s', 'epoch_ms', 'pattern']),
    /** Output pattern when format is 'pattern', e.g. "dd/MM/yyyy". */
    pattern: pattern.optional(),
    /** How to read text the BigCommerce parser does not know, e.g. a form field typed as "dd/MM/yyyy". */
    inputPattern: pattern.optional(),
    /** Zone for output wall-clock values; never the machine's own zone. */
    timeZone: timeZone.default('UTC'),
  }),
  z.object({
    kind: z.literal('optionIndex'),
    /** BigCommerce's option order; taken from the source field's definition when absent. */
    options: z.array(z.string()).optional(),
  }),
  z.object({
    kind: z.literal('phone'),
    /** ISO 3166-1 alpha-2 country for numbers written without a country code. */
    defaultCountry: z
      .string()
      .regex(/^[A-Za-z]{2}$/, { message: 'Use a two-letter country code such as "US" or "BR"' })
      .transform((s) => s.toUpperCase()),
  }),
  z.object({ kind: z.literal('boolean') }),
  z.object({
    kind: z.literal('number'),
    /** The decimal separator; 'auto' refuses to guess when "1,234" could be either. */
    decimal: z.enum(['auto', '.', ',']).default('auto'),
  }),
  z.object({
    kind: z.literal('default'),
    value: z.union([z.string(), z.number(), z.boolean()]),
  }),
  z.object({ kind: z.literal('truncate'), length: z.number().int().min(1) }),
]);
export type TransformSpec = z.infer<typeof transformSchema>;
export type TransformKind = TransformSpec['kind'];
export type SpecOf<K extends TransformKind> = Extract<TransformSpec, { kind: K }>;

// Runs in: main (Electron-free). Owns: the zod building blocks every BigCommerce schema uses (dates and
// money normalised at the edge, loose objects that keep unknown fields) and parseRecord's error message.
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { normaliseBcDate } from '../dates.js';
import { toDecimal } from '../money.js';

/** Any BigCommerce date (RFC 2822, ISO 8601, unix seconds) -> ISO 8601 UTC string. */
export const bcDate = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const out = normaliseBcDate(v);
  if (out === undefined || out === null) {
    ctx.addIssue({ code: 'custom', message: `"${String(v)}" is not a date` });
    return z.NEVER;
  }
  return out;
});

/** Like bcDate, but "" (v2 `date_shipped`) and null become null. */
export const bcDateOrNull = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v, ctx) => {
    const out = normaliseBcDate(v);
    if (out === undefined) {
      ctx.addIssue({ code: 'custom', message: `"${String(v)}" is not a date` });
      return z.NEVER;
    }
    return out;
  });

/** v2 "69.8400" or v3 69.84 -> "69.8400" (decimal string, 4 places). */
export const money = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const out = toDecimal(v);
  if (out === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${String(v)}" is not an amount` });
    return z.NEVER;
  }
  return out;
});

export const moneyOpt = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === '') return null;
    const out = toDecimal(v);
    if (out === undefined) {
      ctx.addIssue({ code: 'custom', message: `"${String(v)}" is not an amount` });
      return z.NEVER;
    }
    return out;
  });

export const id = z.number().int();
export const str = z.string().nullish();
export const int = z.number().int().nullish();
export const bool = z.boolean().nullish();

/** A `{url, resource}` link (v2) kept as is. */
export const link = z.looseObject({ url: z.string().optional(), resource: z.string().optional() });

/**
 * Parses one record. On failure the error names the resource, the record's id and the field, so a user (or
 * a bug report) can point at the exact record in the store.
 */
export function parseRecord<S extends z.ZodType>(schema: S, resource: string, raw: unknown): z.output<S> {
  const res = schema.safeParse(raw);
  if (res.success) return res.data;
  const rid = raw && typeof raw === 'object' && 'id' in raw ? String((raw as { id: unknown }).id) : '?';
  const issue = res.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(record)';
  throw new AppError(
    'upstream',
    `BigCommerce sent a ${resource} record (id ${rid}) this version cannot read: field "${field}": ` +
      `${issue?.message ?? 'invalid'}.`,
    { fields: { resource, id: rid, field } },
  );
}

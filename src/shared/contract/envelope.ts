// Runs everywhere. Owns: the result envelope every channel answers with, and its error codes.
import { z } from 'zod';

/** Error kinds the UI can act on; `message` says what to fix, `retryable` whether trying again may help. */
export const errorCodes = [
  'invalid_input',
  'not_found',
  'conflict',
  'keychain_unavailable',
  'unauthorized',
  'forbidden',
  'rate_limited',
  'network',
  'upstream',
  'cancelled',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  retryable: z.boolean(),
  /** Field path -> message, for forms. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type AppErrorShape = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, extra: Partial<AppErrorShape> = {}): Result<never> {
  return { ok: false, error: { code, message, retryable: extra.retryable ?? false, ...extra } };
}

// Runs in: renderer. Owns: checking an answer the contract carries as unknown against the shape a screen
// renders, so a screen never shows a field main did not send; the error names the channel.
import type { z } from 'zod';
import { unwrap } from '../state/api-context';
import type { Result } from '../../shared/contract/index';

export function parseAnswer<T>(schema: z.ZodType<T>, value: unknown, channel: string): T {
  const r = schema.safeParse(value);
  if (!r.success)
    throw new Error(
      `Storebridge answered ${channel} in a shape this console does not know: ${r.error.issues[0]?.message ?? ''}`,
    );
  return r.data;
}

/** Unwraps a channel's result and parses it. */
export async function ask<T>(result: Promise<Result<unknown>>, schema: z.ZodType<T>, channel: string) {
  return parseAnswer(schema, await unwrap(result), channel);
}

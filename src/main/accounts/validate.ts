// Runs in: main (Electron-free). Owns: turning a connector's zod schema failure into an error that names
// each field and what to fix.
import type { z } from 'zod';
import { AppError } from '../core/errors.js';

export function parseOrExplain<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) fields[issue.path.join('.') || '(value)'] ??= issue.message;
  throw new AppError(
    'invalid_input',
    `${what}: ${Object.entries(fields)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; ')}`,
    { fields },
  );
}

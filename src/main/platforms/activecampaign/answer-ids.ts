// Runs in: main (Electron-free). Owns: reading the id ActiveCampaign sends back for a record it wrote. A body
// of the wrong shape becomes a client failure (the job is dead-lettered with a readable reason) instead of an
// id like "[object Object]" that is stored, or that makes the next call fail for an unrelated-looking reason.
import { z } from 'zod';
import { AcCallError } from './client.js';

// ActiveCampaign sends ids as digit strings; a number is accepted too.
const acId = z.union([z.string().regex(/^\d+$/), z.number().int().positive()]);

const preview = (v: unknown): string => {
  const s = v === undefined ? 'nothing' : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
};

/** `{ [key]: { id } }` from the answer to `call` (e.g. "POST /contact/sync"), as a string. */
export function answeredId(body: unknown, key: string, call: string): string {
  const record = z.object({ [key]: z.object({ id: z.unknown() }) }).safeParse(body);
  if (!record.success)
    throw new AcCallError('client', `ActiveCampaign answered ${call} without a ${key} record`, 200);
  const raw = (record.data[key] as { id: unknown }).id;
  const id = acId.safeParse(raw);
  if (!id.success)
    throw new AcCallError(
      'client',
      `ActiveCampaign answered ${call} with a ${key} id of the wrong type (${preview(raw)}, expected a number); nothing was stored for it`,
      200,
    );
  return String(id.data);
}

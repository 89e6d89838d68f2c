// Runs in: renderer. Owns: turning a thrown value into the sentence a screen shows.
import { ApiError } from '../state/api-context';

export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    const fields = Object.entries(err.shape.fields ?? {}).filter(([, v]) => !err.message.includes(v));
    const detail = fields.map(([k, v]) => `${k}: ${v}`).join('; ');
    return detail ? `${err.message} (${detail})` : err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

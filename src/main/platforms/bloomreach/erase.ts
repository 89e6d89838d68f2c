// Runs in: main (Electron-free). Owns: the GDPR erase of one person in Bloomreach, with its own mechanism:
// anonymisation (PII properties and every external id removed; events kept without PII). Bloomreach has no
// delete-customer API.
import type { EraseReceipt } from '../../engine/connector.js';
import { BrCallError, type BrClient } from './client.js';
import type { BloomreachSettings } from './schemas.js';
import { emailKey } from './values.js';

export async function erasePerson(
  c: BrClient,
  s: BloomreachSettings,
  email: string,
  now: () => number,
): Promise<EraseReceipt> {
  const at = now();
  try {
    const res = await c.call(
      'POST',
      c.path('data', '/customers/anonymize'),
      { customer_ids: { [s.idTypes.email]: emailKey(email) } },
      [404],
    );
    if (res.status === 404)
      return {
        system: 'Bloomreach Engagement',
        outcome: 'not_found',
        detail: 'no customer with this email id',
        at,
      };
    return {
      system: 'Bloomreach Engagement',
      outcome: 'anonymised',
      detail: 'anonymisation accepted: PII properties and external ids removed, events kept without PII',
      at,
    };
  } catch (err) {
    const detail =
      err instanceof BrCallError
        ? `${err.kind === 'auth' ? 'the API group may lack GDPR > Anonymize customer: ' : ''}${err.message}`
        : String(err);
    return {
      system: 'Bloomreach Engagement',
      outcome: 'failed',
      detail: detail.replaceAll(email, '<email>'),
      at,
    };
  }
}

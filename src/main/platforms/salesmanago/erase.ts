// Runs in: main (Electron-free). Owns: a GDPR erase of one person with SALESmanago's own mechanism:
// contact/delete marks the contact removed, and SALESmanago purges removed contacts overnight (02:00-04:00).
import type { EraseReceipt } from '../../engine/connector.js';
import { type SalesmanagoClient, TransportFailure } from './client.js';
import { isObject, platformMessage, verdictOf } from './outcome.js';

export async function eraseContact(
  client: SalesmanagoClient,
  email: string,
  now: () => number,
): Promise<EraseReceipt> {
  const receipt = (outcome: EraseReceipt['outcome'], detail: string): EraseReceipt => ({
    system: 'SALESmanago',
    outcome,
    detail,
    at: now(),
  });
  try {
    const a = await client.v2('contact/delete', { email: email.trim() });
    const v = verdictOf(a, 'erase');
    if (v.kind === 'ok')
      return receipt(
        'erased',
        'contact/delete accepted: the contact is removed now and purged permanently by SALESmanago overnight (02:00-04:00), with its events. Do not re-send it before then: that restores it.',
      );
    const msg = platformMessage(a);
    if (isObject(a.body) && /not found/i.test(msg))
      return receipt('not_found', `SALESmanago: ${msg.replace(/:.*$/, '')}`);
    return receipt('failed', v.reason.split(email).join('<email>'));
  } catch (err) {
    if (err instanceof TransportFailure)
      return receipt('failed', `SALESmanago could not be reached: ${err.message}`);
    throw err;
  }
}

// Runs in: main (Electron-free). Owns: a GDPR erase request on dotdigital: delete the contact (v3), which
// also removes its contact-scoped Insight data (orders, carts, consent), and a receipt without personal data.
import type { EraseReceipt } from '../../engine/connector.js';
import { type DotdigitalClient, platformMessage, TransportFailure } from './client.js';

export async function eraseContact(
  client: DotdigitalClient,
  email: string,
  now: () => number,
): Promise<EraseReceipt> {
  const receipt = (outcome: EraseReceipt['outcome'], detail: string): EraseReceipt => ({
    system: 'dotdigital',
    outcome,
    detail,
    at: now(),
  });
  const path = `/contacts/v3/email/${encodeURIComponent(email.trim())}`;
  try {
    const found = await client.call('GET', path);
    if (found.status === 404)
      return receipt('not_found', 'dotdigital holds no contact with this email address');
    if (found.status !== 200)
      return receipt('failed', `lookup answered ${found.status}: ${platformMessage(found)}`);
    const id = String((found.body as { contactId?: unknown }).contactId);
    const del = await client.call('DELETE', path);
    if (del.status === 404) return receipt('not_found', `contact ${id} was already gone`);
    if (del.status >= 300) return receipt('failed', `delete answered ${del.status}: ${platformMessage(del)}`);
    return receipt(
      'erased',
      `contact ${id} deleted with DELETE /contacts/v3/email/{email}; its contact-scoped Insight data (orders, carts, consent) goes with it`,
    );
  } catch (err) {
    if (err instanceof TransportFailure)
      return receipt('failed', `dotdigital could not be reached: ${err.message}`);
    throw err;
  }
}

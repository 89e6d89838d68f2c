// Runs in: main (Electron-free). Owns: the GDPR erase of one person in Connectif (the contact profile is
// deleted; Connectif keeps their purchases for store analytics, detached from the person).
import type { EraseReceipt } from '../../engine/connector.js';
import { CfCallError, enc, type CfClient } from './client.js';
import { emailKey } from './values.js';

/** The delete path is [UNVERIFIED] (Connectif advertises deletion; its path is not in readable docs). */
export async function erasePerson(c: CfClient, email: string, now: () => number): Promise<EraseReceipt> {
  const at = now();
  try {
    const res = await c.call('DELETE', `/contacts/${enc(emailKey(email))}`, undefined, true);
    if (res.status === 404)
      return {
        system: 'Connectif',
        outcome: 'not_found',
        detail: 'Connectif has no contact with this email',
        at,
      };
    return { system: 'Connectif', outcome: 'erased', detail: `contact profile deleted (${res.status})`, at };
  } catch (err) {
    const detail =
      err instanceof CfCallError
        ? `${err.kind === 'auth' ? 'the API key may not delete contacts: ' : ''}${err.message}`
        : String(err);
    return { system: 'Connectif', outcome: 'failed', detail: detail.replaceAll(email, '<email>'), at };
  }
}

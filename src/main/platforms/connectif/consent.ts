// Runs in: main (Electron-free). Owns: pulling newsletter and SMS opt-outs made in Connectif (an unsubscribe
// link, a preference change) back as consent facts, from a contacts export.
import type { ConsentFact } from '../../engine/connector.js';
import type { CfClient } from './client.js';
import { parseCsv } from './csv.js';
import { exportContacts, type ExportWait } from './exports.js';
import { emailKey, ms } from './values.js';

/**
 * Connectif's contact has no per-change history in the API, so the export is read: an email unsubscribe is
 * dated by `_emailLastUnsubscribedDate` (the person's click); an SMS unsubscribe has no date of its own and
 * is dated by `_updatedAt` [UNVERIFIED]. Subscribes are not pulled: Connectif cannot say whether a person or
 * an import (this connector included) made them, and an import never upgrades consent.
 */
export async function pullOptOuts(c: CfClient, w: ExportWait, sinceMs: number): Promise<ConsentFact[]> {
  const rows = parseCsv(await exportContacts(c, w));
  const facts: ConsentFact[] = [];
  for (const r of rows) {
    const email = r['_email'] ? emailKey(r['_email']) : '';
    if (!email) continue;
    const unsubAt = ms(r['_emailLastUnsubscribedDate']);
    if (r['_newsletterSubscriptionStatus'] === 'unsubscribed' && unsubAt !== undefined && unsubAt >= sinceMs)
      facts.push({
        email,
        channel: 'email',
        state: 'unsubscribed',
        at: unsubAt,
        mechanism: 'unsubscribed in Connectif',
        explicit: true,
      });
    const updatedAt = ms(r['_updatedAt']);
    if (r['_smsSubscriptionStatus'] === 'unsubscribed' && updatedAt !== undefined && updatedAt >= sinceMs)
      facts.push({
        email,
        channel: 'sms',
        state: 'unsubscribed',
        at: updatedAt,
        mechanism: 'SMS unsubscribed in Connectif',
        explicit: true,
      });
  }
  return facts;
}

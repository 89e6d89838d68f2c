// Runs in: main (Electron-free). Owns: reconciling newsletter consent after BigCommerce subscribers were
// deleted (a delete-all there revokes nothing on Bloomreach): finding who still has a valid consent without a
// BigCommerce subscriber, and revoking it when the merchant agrees.
import type { BrClient } from './client.js';
import { messageOf } from './client.js';
import type { BloomreachSettings } from './schemas.js';
import { emailKey } from './values.js';

/** Emails with a valid newsletter consent on Bloomreach that are not among `subscribed` (lowercased emails). */
export async function orphanConsents(
  c: BrClient,
  s: BloomreachSettings,
  subscribed: Set<string>,
): Promise<string[]> {
  const res = await c.call('POST', c.path('data', '/customers/export'), {
    attributes: { type: 'some', list: [{ type: 'id', id: s.idTypes.email }] },
    format: 'native_json',
  });
  const emails = ((res.body as { data?: unknown[][] })?.data ?? [])
    .map((r) => r[0])
    .filter((v): v is string => typeof v === 'string' && v !== '');
  const out: string[] = [];
  for (const email of emails) {
    if (subscribed.has(emailKey(email))) continue;
    const attrs = await c.call('POST', c.path('data', '/customers/attributes'), {
      customer_ids: { [s.idTypes.email]: email },
      attributes: [{ type: 'consent', category: s.newsletterCategory, mode: 'valid' }],
    });
    const first = ((attrs.body as { results?: Array<{ success?: boolean; value?: unknown }> })?.results ??
      [])[0];
    if (first?.success && first.value === true) out.push(email);
  }
  return out;
}

/**
 * Revokes with `reject` consent events (the merchant's recorded decision, source `crm`), 50 a request.
 * Returns per email the platform's error, or nothing when all were accepted.
 */
export async function revokeConsents(
  c: BrClient,
  s: BloomreachSettings,
  emails: string[],
  nowMs: number,
): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  for (let i = 0; i < emails.length; i += 50) {
    const chunk = emails.slice(i, i + 50);
    const res = await c.call('POST', c.path('track', '/batch'), {
      commands: chunk.map((email) => ({
        name: 'customers/events',
        data: {
          customer_ids: { [s.idTypes.email]: emailKey(email) },
          event_type: 'consent',
          timestamp: nowMs / 1000,
          properties: {
            action: 'reject',
            category: s.newsletterCategory,
            source: 'crm',
            message: 'Subscriber deleted in BigCommerce (revoked by Storebridge reconciliation)',
          },
        },
      })),
    });
    const results = (res.body as { results?: unknown[] })?.results ?? [];
    chunk.forEach((email, k) => {
      const r = results[k] as { success?: unknown } | undefined;
      if (r?.success !== true) errors[email] = r ? messageOf(r) : 'no result for this command';
    });
  }
  return errors;
}

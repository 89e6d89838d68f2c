// Runs in: main (Electron-free). Owns: the anonymisation policy Bloomreach's docs leave to the user: a
// subscriber without a customer id, with no valid consent, whose last consent is older than N days, is
// anonymised. The preview lists who would be; the run sends them to anonymize_bulk (≤ 1000 a request).
import type { BrClient } from './client.js';
import type { BloomreachSettings } from './schemas.js';

export interface PolicyCandidate {
  email: string;
  subscriberId: string;
  /** Epoch ms of the last consent event for the newsletter category, or null when there was none. */
  lastConsentAt: number | null;
}

const BULK_MAX = 1_000;

export async function anonymisationPreview(
  c: BrClient,
  s: BloomreachSettings,
  olderThanDays: number,
  now: number,
): Promise<PolicyCandidate[]> {
  const t = s.idTypes;
  const res = await c.call('POST', c.path('data', '/customers/export'), {
    attributes: {
      type: 'some',
      list: [
        { type: 'id', id: t.email },
        { type: 'id', id: t.customer },
        { type: 'id', id: t.subscriber },
      ],
    },
    format: 'native_json',
  });
  const rows = (res.body as { data?: unknown[][] })?.data ?? [];
  const cutoff = now - olderThanDays * 86_400_000;
  const out: PolicyCandidate[] = [];
  for (const [email, customerId, subscriberId] of rows) {
    if (typeof email !== 'string' || !email || customerId || !subscriberId) continue;
    const attrs = await c.call('POST', c.path('data', '/customers/attributes'), {
      customer_ids: { [t.email]: email },
      attributes: [
        { type: 'consent', category: s.newsletterCategory, mode: 'valid' },
        { type: 'consent', category: s.newsletterCategory, mode: 'timestamp' },
      ],
    });
    const [valid, ts] = (
      (attrs.body as { results?: Array<{ success?: boolean; value?: unknown }> })?.results ?? []
    ).map((r) => (r.success ? r.value : undefined));
    if (valid !== false) continue;
    const lastConsentAt = typeof ts === 'number' ? Math.round(ts * 1000) : null;
    if (lastConsentAt !== null && lastConsentAt > cutoff) continue;
    out.push({ email, subscriberId: String(subscriberId), lastConsentAt });
  }
  return out;
}

/** Returns Bloomreach's bulk ids (they identify the request, not its outcome: the docs give no status route). */
export async function anonymiseCandidates(
  c: BrClient,
  s: BloomreachSettings,
  candidates: PolicyCandidate[],
): Promise<string[]> {
  const bulkIds: string[] = [];
  for (let i = 0; i < candidates.length; i += BULK_MAX) {
    const res = await c.call('POST', c.path('data', '/customers/anonymize_bulk'), {
      customers: candidates
        .slice(i, i + BULK_MAX)
        .map((x) => ({ customer_ids: { [s.idTypes.email]: x.email } })),
    });
    const id = (res.body as { bulk_id?: unknown })?.bulk_id;
    if (typeof id === 'string') bulkIds.push(id);
  }
  return bulkIds;
}

// Runs in: main (Electron-free). Owns: pulling opt-outs made on dotdigital (unsubscribe links, preference
// centre, complaints, bounces; leaving the subscribers book) as consent facts for the ledger and BigCommerce.
import type { ConsentFact } from '../../engine/connector.js';
import { type DotdigitalClient, platformMessage } from './client.js';

interface Suppression {
  suppressedContact?: { email?: string };
  dateRemoved?: string;
  reason?: string;
}

const mechanisms: Record<string, string> = {
  Unsubscribed: 'unsubscribed on dotdigital (unsubscribe link or preference centre)',
  IspComplained: 'spam complaint through the mailbox provider',
  HardBounced: 'address hard-bounced on dotdigital',
};

/** dotdigital dates carry no offset and are UTC. */
const utc = (d: string) => Date.parse(/(Z|[+-]\d\d:?\d\d)$/i.test(d) ? d : `${d}Z`);

async function pageAll(client: DotdigitalClient, path: string): Promise<Suppression[]> {
  const out: Suppression[] = [];
  for (let skip = 0; ; skip += 1000) {
    const a = await client.call('GET', `${path}?select=1000&skip=${skip}`);
    if (a.status !== 200 || !Array.isArray(a.body))
      throw new Error(`dotdigital would not list opt-outs (${path}): ${platformMessage(a)}`);
    out.push(...(a.body as Suppression[]));
    if (a.body.length < 1000) return out;
  }
}

/**
 * Opt-outs since `since` (epoch ms): account-wide suppressions plus unsubscribes from the subscribers book.
 * A bounce is not the person's choice, so it is reported as not explicit. One fact per email: the latest.
 */
export async function pullOptOuts(
  client: DotdigitalClient,
  since: number,
  subscribersBookId: number,
): Promise<ConsentFact[]> {
  const date = new Date(since).toISOString().slice(0, 19);
  const facts = new Map<string, ConsentFact>();
  const add = (rows: Suppression[], mechanism: (s: Suppression) => string) => {
    for (const s of rows) {
      const email = s.suppressedContact?.email?.trim().toLowerCase();
      const at = s.dateRemoved ? utc(s.dateRemoved) : NaN;
      if (!email || !Number.isFinite(at)) continue;
      const prev = facts.get(email);
      if (prev && prev.at >= at) continue;
      facts.set(email, {
        email,
        channel: 'email',
        state: 'unsubscribed',
        at,
        mechanism: mechanism(s),
        explicit: s.reason !== 'HardBounced',
      });
    }
  };
  add(
    await pageAll(client, `/v2/contacts/suppressed-since/${date}`),
    (s) => mechanisms[s.reason ?? ''] ?? `suppressed on dotdigital (${s.reason})`,
  );
  add(
    await pageAll(client, `/v2/address-books/${subscribersBookId}/contacts/unsubscribed-since/${date}`),
    (s) =>
      s.reason && s.reason !== 'Unsubscribed'
        ? (mechanisms[s.reason] ?? s.reason)
        : 'unsubscribed from the subscribers address book on dotdigital',
  );
  return [...facts.values()].sort((a, b) => a.at - b.at);
}

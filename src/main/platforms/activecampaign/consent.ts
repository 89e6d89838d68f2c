// Runs in: main (Electron-free). Owns: pulling opt-outs made in ActiveCampaign (unsubscribed from the list)
// back as consent facts for the ledger and BigCommerce.
import type { ConsentFact } from '../../engine/connector.js';
import type { AcClient } from './client.js';
import { findList } from './setup.js';

type Row = Record<string, unknown> & { id: string };

/**
 * Contacts whose status on the list is "unsubscribed" and who changed since `sinceMs`; the time is the
 * membership's own `udate`. An unsubscribe in ActiveCampaign is taken by the person (a link, a preference
 * centre) or by staff on their behalf, so it counts as explicit.
 */
export async function pullOptOuts(c: AcClient, listName: string, sinceMs: number): Promise<ConsentFact[]> {
  const listId = await findList(c, listName);
  if (!listId) return [];
  const since = new Date(sinceMs).toISOString();
  const facts: ConsentFact[] = [];
  for (let offset = 0; ; offset += 100) {
    const q = `listid=${listId}&status=2&filters[updated_after]=${encodeURIComponent(since)}&limit=100&offset=${offset}`;
    const body = (await c.get(`/contacts?${q}`)).body as { contacts?: Row[]; meta?: { total?: string } };
    const page = body.contacts ?? [];
    for (const contact of page) {
      const lists =
        ((await c.get(`/contacts/${contact.id}/contactLists`)).body as { contactLists?: Row[] })
          .contactLists ?? [];
      const m = lists.find((l) => String(l['list']) === listId && String(l['status']) === '2');
      if (!m) continue;
      const at = Date.parse(String(m['udate'] ?? contact['udate']));
      // ActiveCampaign writes dates to the second: a change in the same second as `sinceMs` still counts.
      if (Number.isNaN(at) || at < Math.floor(sinceMs / 1000) * 1000) continue;
      const reason = String(m['unsubreason'] ?? '');
      facts.push({
        email: String(contact['email']),
        channel: 'email',
        state: 'unsubscribed',
        at,
        mechanism: `unsubscribed from "${listName}" in ActiveCampaign${reason ? ` (${reason})` : ''}`,
        explicit: true,
      });
    }
    if (page.length < 100 || offset + 100 >= Number(body.meta?.total ?? 0)) break;
  }
  return facts;
}

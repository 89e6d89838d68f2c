// Runs in: main (Electron-free). Owns: a GDPR erase in ActiveCampaign: the contact is deleted (there is no
// documented anonymise call), and so are the e-commerce customers and orders that carry the same email.
import type { EraseReceipt } from '../../engine/connector.js';
import type { AcClient } from './client.js';

type Row = Record<string, unknown> & { id: string };
const rows = (body: unknown, key: string): Row[] => ((body as Record<string, unknown>)[key] as Row[]) ?? [];

async function all(c: AcClient, path: string, key: string): Promise<Row[]> {
  const out: Row[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = rows((await c.get(`${path}&limit=100&offset=${offset}`)).body, key);
    out.push(...page);
    if (page.length < 100) return out;
  }
}

export async function erasePerson(c: AcClient, email: string, now: number): Promise<EraseReceipt> {
  const e = encodeURIComponent(email.trim());
  const contacts = rows((await c.get(`/contacts?email=${e}`)).body, 'contacts');
  // Orders first: each delete is one request, and the customer they point to goes after them.
  const orders = await all(c, `/ecomOrders?filters[email]=${e}`, 'ecomOrders');
  for (const o of orders) await c.delete(`/ecomOrders/${o.id}`);
  const customers = await all(c, `/ecomCustomers?filters[email]=${e}`, 'ecomCustomers');
  for (const cu of customers) await c.delete(`/ecomCustomers/${cu.id}`);
  for (const ct of contacts) await c.delete(`/contacts/${ct.id}`);
  const total = contacts.length + orders.length + customers.length;
  return {
    system: 'ActiveCampaign',
    outcome: total === 0 ? 'not_found' : 'erased',
    detail:
      total === 0
        ? 'no contact, e-commerce customer or order with this email'
        : `deleted ${contacts.length} contact(s), ${customers.length} e-commerce customer(s), ${orders.length} order(s)`,
    at: now,
  };
}

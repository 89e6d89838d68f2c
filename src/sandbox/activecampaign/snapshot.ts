// Runs in: Node (simulators). Owns: plain views of an account's records for tests and /__sim/ inspection.
import type { Ctx } from './http.js';

export function snapshot(ctx: Ctx) {
  const s = ctx.store;
  return {
    contacts: [...s.contacts.values()].map((c) => ({
      ...c,
      lists: [...s.contactLists.values()]
        .filter((cl) => cl.contact === c.id)
        .map(({ list, status, changedBy, unsubreason, sourceid }) => ({
          list,
          status,
          changedBy,
          unsubreason,
          sourceid,
        })),
      tags: [...s.contactTags.values()]
        .filter((ct) => ct.contact === c.id)
        .map((ct) => s.tags.get(ct.tag)?.tag ?? ''),
      fieldValues: Object.fromEntries(
        [...s.fieldValues.values()].filter((v) => v.contact === c.id).map((v) => [String(v.field), v.value]),
      ),
    })),
    lists: [...s.lists.values()],
    tags: [...s.tags.values()],
    fields: [...s.fields.values()],
    connections: [...s.connections.values()],
    customers: [...s.ecomCustomers.values()],
    orders: [...s.ecomOrders.values()].map((o) => ({
      ...o,
      lines: o.products.map((id) => s.ecomOrderProducts.get(id)).filter((p) => p !== undefined),
      discountLines: o.discounts.map((id) => s.ecomOrderDiscounts.get(id)).filter((d) => d !== undefined),
    })),
    events: s.automationEvents,
    consent: s.consentLog,
    jobs: [...s.jobs.values()].map(({ contacts, ...j }) => ({ ...j, contacts: contacts.length })),
  };
}

export type Snapshot = ReturnType<typeof snapshot>;

// Runs in: main (Electron-free). Owns: writing orders and abandoned carts to Deep Data. The API stores a
// second order with the same externalid, so every write looks the order (or cart) up first and updates it.
import { answeredId } from './answer-ids.js';
import type { AcClient } from './client.js';
import type { OrderPayload } from './payloads.js';
import { findEcomCustomer, setMarketing, syncContact, upsertEcomCustomer } from './people.js';
import type { AccountIds } from './setup.js';

type Row = Record<string, unknown> & { id: string };
const list = (body: unknown): Row[] => ((body as Record<string, unknown>)['ecomOrders'] as Row[]) ?? [];

export async function findOrder(
  c: AcClient,
  connectionId: string,
  by: 'externalid' | 'externalcheckoutid',
  value: string,
): Promise<Row | undefined> {
  const q = `filters[connectionid]=${connectionId}&filters[${by}]=${encodeURIComponent(value)}`;
  return list((await c.get(`/ecomOrders?${q}`)).body).find((o) => String(o[by] ?? '') === value);
}

function body(p: OrderPayload, connectionId: string, customerId: string): Record<string, unknown> {
  return {
    ...(p.externalid ? { externalid: p.externalid } : {}),
    ...(p.externalcheckoutid ? { externalcheckoutid: p.externalcheckoutid } : {}),
    ...(p.type === 'cart' && p.abandonedDate ? { abandoned_date: p.abandonedDate } : {}),
    email: p.email,
    connectionid: Number(connectionId),
    customerid: Number(customerId),
    totalPrice: p.totalPrice,
    shippingAmount: p.shippingAmount,
    taxAmount: p.taxAmount,
    discountAmount: p.discountAmount,
    currency: p.currency,
    ...(p.orderNumber ? { orderNumber: p.orderNumber } : {}),
    orderUrl: p.orderUrl,
    shippingMethod: p.shippingMethod,
    externalCreatedDate: p.externalCreatedDate,
    externalUpdatedDate: p.externalUpdatedDate,
    orderProducts: p.lines,
    orderDiscounts: p.discounts,
  };
}

/** The person behind an order: created (contact, tag, customer) the first time this connection sees them. */
async function customerFor(c: AcClient, ids: AccountIds, p: OrderPayload): Promise<string> {
  const existing = await findEcomCustomer(c, ids.connectionId, p.customerExternalId);
  if (!existing || p.marketing) {
    const contactId = await syncContact(
      c,
      { email: p.email, firstName: p.firstName, lastName: p.lastName, phone: '', fieldValues: [] },
      ids.tagId,
    );
    // Ticking "accept marketing" at checkout is the person's own action: it subscribes them.
    if (p.marketing && ids.listId) await setMarketing(c, contactId, ids.listId, true);
  }
  return upsertEcomCustomer(
    c,
    ids.connectionId,
    p.customerExternalId,
    p.email,
    p.marketing || undefined,
    existing,
  );
}

/** Returns the ActiveCampaign order id. `historical` orders are sent with source 0: no automation fires. */
export async function writeOrder(
  c: AcClient,
  ids: AccountIds,
  p: OrderPayload,
  historical: boolean,
): Promise<string> {
  const customerId = await customerFor(c, ids, p);
  const b = body(p, ids.connectionId, customerId);
  if (p.type === 'order') {
    const existing = await findOrder(c, ids.connectionId, 'externalid', p.externalid!);
    if (existing) {
      await c.put(`/ecomOrders/${existing.id}`, { ecomOrder: b });
      return existing.id;
    }
    // An order placed from a tracked cart turns that cart into a recovered one instead of a second record.
    const cart = p.externalcheckoutid
      ? await findOrder(c, ids.connectionId, 'externalcheckoutid', p.externalcheckoutid)
      : undefined;
    if (cart && !cart['externalid']) {
      await c.put(`/ecomOrders/${cart.id}`, { ecomOrder: b });
      return cart.id;
    }
  } else {
    const existing = await findOrder(c, ids.connectionId, 'externalcheckoutid', p.externalcheckoutid!);
    // A cart already checked out stays an order; an open one is updated in place.
    if (existing && existing['externalid']) return existing.id;
    if (existing) {
      await c.put(`/ecomOrders/${existing.id}`, { ecomOrder: b });
      return existing.id;
    }
  }
  const res = await c.post('/ecomOrders', { ecomOrder: { ...b, source: historical ? 0 : 1 } });
  return answeredId(res.body, 'ecomOrder', 'POST /ecomOrders');
}

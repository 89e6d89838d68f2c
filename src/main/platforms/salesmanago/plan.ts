// Runs in: main (Electron-free). Owns: StagedRecord -> PlannedJob[] for SALESmanago: contacts (priority 0,
// keyed by lower-cased e-mail) before their events (priority 1), products (2); the archive date ranges and
// ignored domains; live vs archive tags.
import { cartSchema } from '../../bigcommerce/schemas/cart.js';
import type { Product } from '../../bigcommerce/schemas/catalog.js';
import type { Customer, Subscriber } from '../../bigcommerce/schemas/customers.js';
import type { Order } from '../../bigcommerce/schemas/orders.js';
import type { MappedValues, PlanContext, PlannedJob, StagedRecord } from '../../engine/connector.js';
import { cartEvent, customerDetail, orderContactDetail, orderEvent, subscriberDetail } from './mapping.js';
import { withMappedDetail } from './mapped.js';
import type { Payload } from './payloads.js';
import { productFields } from './product-map.js';
import type { SalesmanagoSettings } from './schemas.js';

type Job = PlannedJob & { payload: Payload };
const DAY = 86_400_000;
/** BigCommerce order statuses that become events of their own. */
const statusEvents: Record<number, 'CANCELLATION' | 'RETURN'> = { 5: 'CANCELLATION', 4: 'RETURN' };

export const keyOf = (email: string) => email.trim().toLowerCase();

export function isIgnored(email: string, s: SalesmanagoSettings): boolean {
  const domain = keyOf(email).split('@')[1] ?? '';
  return s.ignoredDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

function inRange(iso: string | null | undefined, from: string | null, to: string | null): boolean {
  const t = iso ? Date.parse(iso) : NaN;
  if (!Number.isFinite(t)) return true;
  return (!from || t >= Date.parse(from)) && (!to || t <= Date.parse(to));
}

export function planRecord(r: StagedRecord, ctx: PlanContext<SalesmanagoSettings>): PlannedJob[] {
  const s = ctx.settings;
  switch (r.resource) {
    case 'customers':
      return planCustomer(r, s, ctx.mapped);
    case 'subscribers':
      return planSubscriber(r, s);
    case 'orders':
      return planOrder(r, s);
    case 'carts':
      return planCart(r, s);
    case 'products':
      return planProduct(r, s);
  }
}

function planCustomer(r: StagedRecord, s: SalesmanagoSettings, mapped?: MappedValues): Job[] {
  // A deleted customer row carries no e-mail, and a store deletion is not an erase request: the contact
  // stays in SALESmanago (as with the vendor's plugin). GDPR erasure goes through erase().
  if (r.deleted || r.data === undefined) return [];
  const c = r.data as Customer;
  if (!c.email?.trim() || isIgnored(c.email, s)) return [];
  if (r.historical && !inRange(c.date_created, s.exportContactsFrom, s.exportContactsTo)) return [];
  const isNew = Date.parse(r.dateModified) - Date.parse(c.date_created) < DAY;
  const tags = r.historical ? s.exportTags : isNew ? s.tagsOnRegistration : [];
  return [
    {
      entityType: 'customer',
      entityId: r.id,
      version: r.dateModified,
      kind: 'upsert',
      contactKey: keyOf(c.email),
      priority: 0,
      payload: {
        op: 'contact',
        label: `customer ${r.id}`,
        detail: withMappedDetail(customerDetail(c, tags, s), mapped),
      },
    },
  ];
}

function planSubscriber(r: StagedRecord, s: SalesmanagoSettings): Job[] {
  // A deleted subscriber row carries no e-mail: there is nobody to find in SALESmanago.
  if (r.deleted || r.data === undefined) return [];
  const sub = r.data as Subscriber;
  if (!sub.email?.trim() || isIgnored(sub.email, s)) return [];
  const subscribed = sub.consents.includes('marketing_newsletter');
  // The archive only carries opt-ins the shopper gave; an empty consent list there proves nothing.
  if (!subscribed && r.historical) return [];
  const tags = !subscribed ? [] : r.historical ? s.exportTags : s.tagsOnNewsletter;
  const detail = subscriberDetail(sub, tags, subscribed ? 'in' : 'out', s.doubleOptIn && !r.historical, s);
  return [
    {
      entityType: 'subscriber',
      entityId: r.id,
      version: r.dateModified,
      kind: 'upsert',
      contactKey: keyOf(sub.email),
      priority: 0,
      payload: { op: 'contact', label: `subscriber ${r.id}`, detail, fillOnly: ['name'] },
    },
  ];
}

function planOrder(r: StagedRecord, s: SalesmanagoSettings): Job[] {
  // SALESmanago events cannot be looked up by order id to remove them; a deleted order keeps its PURCHASE.
  if (r.deleted || r.data === undefined) return [];
  const o = r.data as Order;
  if (o.is_deleted) return [];
  if (r.historical && !inRange(o.date_created, s.exportOrdersFrom, s.exportOrdersTo)) return [];
  const label = `order ${o.id}`;
  const email = o.billing_address?.email?.trim() ?? '';
  if (!email)
    return [
      {
        entityType: 'purchase',
        entityId: r.id,
        version: 'purchase',
        kind: 'event',
        priority: 1,
        payload: {
          op: 'invalid',
          label,
          reason: `${label}: no e-mail in the billing address, nobody to send it for`,
        },
      },
    ];
  if (isIgnored(email, s)) return [];
  const guest = o.customer_id === 0;
  const tags = r.historical ? s.exportTags : guest ? s.tagsOnGuestPurchase : s.tagsOnPurchase;
  const contactKey = keyOf(email);
  const jobs: Job[] = [
    {
      entityType: 'order-contact',
      entityId: r.id,
      version: r.dateModified,
      kind: 'upsert',
      contactKey,
      priority: 0,
      payload: { op: 'contact', label, detail: orderContactDetail(o, email, tags, s) },
    },
    // The version is fixed: a status change must not become a second PURCHASE.
    {
      entityType: 'purchase',
      entityId: r.id,
      version: 'purchase',
      kind: 'event',
      contactKey,
      priority: 1,
      payload: { op: 'event', label, email, event: orderEvent(o, 'PURCHASE', s) },
    },
  ];
  const status = statusEvents[o.status_id];
  if (status)
    jobs.push({
      entityType: status.toLowerCase(),
      entityId: r.id,
      version: status,
      kind: 'event',
      contactKey,
      priority: 1,
      payload: { op: 'event', label, email, event: orderEvent(o, status, s) },
    });
  return jobs;
}

function planCart(r: StagedRecord, s: SalesmanagoSettings): Job[] {
  if (r.deleted || r.data === undefined) return [];
  const parsed = cartSchema.safeParse(r.data);
  if (!parsed.success)
    return [
      {
        entityType: 'cart',
        entityId: r.id,
        version: r.dateModified,
        kind: 'upsert',
        priority: 1,
        payload: { op: 'invalid', label: `cart ${r.id}`, reason: `cart ${r.id}: ${parsed.error.message}` },
      },
    ];
  const c = parsed.data;
  // An anonymous cart has no e-mail to attach it to; the monitoring code covers those visitors.
  const email = c.email?.trim();
  if (!email || isIgnored(email, s)) return [];
  const contactKey = keyOf(email);
  const label = `cart ${c.id}`;
  return [
    {
      entityType: 'cart-contact',
      entityId: contactKey,
      version: 'contact',
      kind: 'upsert',
      contactKey,
      priority: 0,
      payload: {
        op: 'contact',
        label,
        // A v3 cart carries no names (carts.v3.yml): the e-mail alone, so a known contact keeps its name.
        detail: { contact: { email }, tags: [] },
      },
    },
    {
      entityType: 'cart',
      entityId: c.id,
      version: r.dateModified,
      kind: 'upsert',
      contactKey,
      priority: 1,
      payload: { op: 'cart', label, email, cartId: c.id, event: cartEvent(c, s) },
    },
  ];
}

function planProduct(r: StagedRecord, s: SalesmanagoSettings): Job[] {
  if (!s.catalogId) return [];
  const label = `product ${r.id}`;
  if (r.deleted || r.data === undefined)
    return [
      {
        entityType: 'product',
        entityId: r.id,
        version: `deleted:${r.dateModified}`,
        kind: 'delete',
        priority: 2,
        payload: { op: 'product-gone', label, catalogId: s.catalogId, productId: r.id },
      },
    ];
  return [
    {
      entityType: 'product',
      entityId: r.id,
      version: r.dateModified,
      kind: 'upsert',
      priority: 2,
      payload: { op: 'product', label, catalogId: s.catalogId, product: productFields(r.data as Product, s) },
    },
  ];
}

// Runs in: main (Electron-free). Owns: StagedRecord → Connectif jobs. Contacts go first (priority 0) and their
// purchases and carts after (priority 1, same contact key: the lower-cased email); products have no contact.
import type { Product } from '../../bigcommerce/schemas/catalog.js';
import type { Customer, Subscriber } from '../../bigcommerce/schemas/customers.js';
import type { Order } from '../../bigcommerce/schemas/orders.js';
import type { MappedValues, PlanContext, PlannedJob, StagedRecord } from '../../engine/connector.js';
import { cartSchema } from '../../bigcommerce/schemas/cart.js';
import { customerPatch, guestPatch, newsletterIntent, subscriberPatch } from './contacts.js';
import { withMappedPatch } from './mapped.js';
import { purchasePayload } from './orders.js';
import type { CartPayload, ContactPayload, ProductPayload, PurchaseRemovalPayload } from './payloads.js';
import { productBodies } from './products.js';
import type { ConnectifSettings } from './schemas.js';
import { absoluteUrl, amount, emailKey, ms } from './values.js';

/** BigCommerce's "Incomplete" status: a checkout abandoned at payment, not a purchase. */
const INCOMPLETE = 0;

export function planRecord(r: StagedRecord, ctx: PlanContext<ConnectifSettings>): PlannedJob[] {
  const s = ctx.settings;
  switch (r.resource) {
    case 'customers':
      return planCustomer(r, s, ctx.mapped);
    case 'subscribers':
      return planSubscriber(r, s);
    case 'orders':
      return planOrder(r, s, ctx.mapped);
    case 'products':
      return planProduct(r, s);
    case 'carts':
      return planCart(r, s);
  }
}

const contactJob = (entityId: string, version: string, p: ContactPayload): PlannedJob => ({
  entityType: 'contact',
  entityId,
  version,
  kind: 'upsert',
  contactKey: p.email,
  priority: 0,
  payload: p,
});

const inChannel = (s: ConnectifSettings, channel: number | null | undefined): boolean =>
  s.channelId === null || channel === null || channel === undefined || channel === s.channelId;

/**
 * A deleted customer arrives without data (no email), so there is nothing to address in Connectif: the
 * contact stays, as it does with Connectif's own app. Removing a person is the GDPR erase.
 */
function planCustomer(r: StagedRecord, s: ConnectifSettings, mapped?: MappedValues): PlannedJob[] {
  if (r.deleted || !r.data) return [];
  const c = r.data as Customer;
  const channels = c.channel_ids;
  if (s.channelId !== null && channels && !channels.includes(s.channelId)) return [];
  if (!c.email?.trim()) return [];
  const email = emailKey(c.email);
  return [
    contactJob(`customer:${c.id}`, r.dateModified, {
      type: 'contact',
      email,
      patch: withMappedPatch(customerPatch(c, s), mapped),
    }),
  ];
}

function planSubscriber(r: StagedRecord, s: ConnectifSettings): PlannedJob[] {
  if (r.deleted || !r.data) return [];
  const sub = r.data as Subscriber;
  if (!inChannel(s, sub.channel_id) || !sub.email?.trim()) return [];
  const intent = s.newsletter ? newsletterIntent(sub, r.historical) : undefined;
  const payload: ContactPayload = {
    type: 'contact',
    email: emailKey(sub.email),
    patch: subscriberPatch(sub, intent),
    subscribedAt: intent === 'subscribed' ? ms(sub.date_modified) : undefined,
  };
  return [contactJob(`subscriber:${sub.id}`, r.dateModified, payload)];
}

function removal(id: string): PlannedJob {
  const payload: PurchaseRemovalPayload = { type: 'purchase-removal', purchaseId: id };
  return { entityType: 'purchase', entityId: id, version: 'removed', kind: 'delete', priority: 2, payload };
}

function planOrder(r: StagedRecord, s: ConnectifSettings, mapped?: MappedValues): PlannedJob[] {
  // A deleted order's purchase leaves Connectif too (a 404 there is fine: it may never have been sent).
  if (r.deleted) return [removal(r.id)];
  if (!r.data) return [];
  const o = r.data as Order;
  if (!inChannel(s, o.channel_id)) return [];
  if (s.currency !== null && o.currency_code && o.currency_code !== s.currency) return [];
  if (o.status_id === INCOMPLETE) return [];
  if (s.removeOnStatusIds.includes(o.status_id)) return [removal(String(o.id))];
  if (s.purchases === 'offline' && !s.offlineStatusIds.includes(o.status_id)) return [];
  const guest = o.customer_id === 0;
  if (guest && !s.includeGuests) return [];
  const raw = o.billing_address?.email?.trim();
  const email = raw ? emailKey(raw) : '';
  const contact = guest ? withMappedPatch(guestPatch(o, s), mapped) : {};
  const payload = purchasePayload(o, email, contact, s);
  if (!email) payload.problem = 'has no billing email, so Connectif cannot tell whose purchase it is';
  const jobs: PlannedJob[] = [];
  if (guest && email)
    jobs.push(contactJob(`guest:${email}`, r.dateModified, { type: 'contact', email, patch: contact }));
  // A purchase is registered once: Connectif has no update and stores a repeated purchaseId twice.
  jobs.push({
    entityType: 'purchase',
    entityId: String(o.id),
    version: 'registered',
    kind: 'event',
    contactKey: email || undefined,
    priority: 1,
    payload,
  });
  return jobs;
}

function planProduct(r: StagedRecord, s: ConnectifSettings): PlannedJob[] {
  if (r.deleted || !r.data) {
    // By SKU the removed product's SKUs are unknown without its data; by id it can still be hidden.
    if (s.productId === 'sku') return [];
    const payload: ProductPayload = {
      type: 'product',
      productId: r.id,
      body: { availability: 'outofstock', isBlacklisted: true },
      onlyIfExists: true,
    };
    return [
      {
        entityType: 'product',
        entityId: r.id,
        version: `deleted:${r.dateModified}`,
        kind: 'upsert',
        priority: 0,
        payload,
      },
    ];
  }
  return productBodies(r.data as Product, s).map(({ productId, body }) => ({
    entityType: 'product',
    entityId: productId,
    version: r.dateModified,
    kind: 'upsert' as const,
    priority: 0 as const,
    payload: { type: 'product', productId, body } satisfies ProductPayload,
  }));
}

/**
 * Connectif has no cart API (its script tracks carts in the browser), so an abandoned cart goes as the
 * merchant's custom event, once per cart. Historical carts are not sent: they would start abandonment workflows.
 */
function planCart(r: StagedRecord, s: ConnectifSettings): PlannedJob[] {
  if (!s.cartEvent || r.deleted || r.historical || !r.data) return [];
  const parsed = cartSchema.safeParse(r.data);
  if (!parsed.success) return [];
  const c = parsed.data;
  if (!c.email?.trim() || !inChannel(s, c.channel_id)) return [];
  const email = emailKey(c.email);
  const items = [...(c.line_items?.physical_items ?? []), ...(c.line_items?.digital_items ?? [])];
  const f = s.cartEvent;
  const ids = items
    .map((i) => (s.productId === 'sku' ? (i.sku ?? '') : String(i.product_id ?? '')))
    .filter(Boolean);
  const payload: CartPayload = {
    type: 'cart',
    alias: f.alias,
    body: {
      [f.emailField]: email,
      [f.cartIdField]: c.id,
      [f.recoveryUrlField]: c.redirect_urls?.cart_url ?? absoluteUrl(s.storeUrl, '/cart.php'),
      [f.totalPriceField]: amount(c.cart_amount) ?? 0,
      [f.totalQuantityField]: items.reduce((n, i) => n + (i.quantity ?? 1), 0),
      [f.productIdsField]: ids.join(','),
    },
  };
  return [
    {
      entityType: 'cart',
      entityId: c.id,
      version: c.updated_time ?? r.dateModified,
      kind: 'event',
      contactKey: email,
      priority: 1,
      payload,
    },
  ];
}

// Runs in: main (Electron-free). Owns: StagedRecord → Bloomreach jobs. People go first (priority 0) and
// their purchases, consents and carts after (priority 1, same contact key: the lowercased email).
import type { Product } from '../../bigcommerce/schemas/catalog.js';
import type { Customer, Subscriber } from '../../bigcommerce/schemas/customers.js';
import type { Order } from '../../bigcommerce/schemas/orders.js';
import type { MappedValues, PlanContext, PlannedJob, StagedRecord } from '../../engine/connector.js';
import { cartSchema } from '../../bigcommerce/schemas/cart.js';
import { withMappedProperties, writtenAt } from './mapped.js';
import { customerProperties, guestProperties, personIds, subscriberProperties } from './mapping.js';
import { lineItems, purchaseCommands } from './orders.js';
import { type BrPayload, type Command, type TrackPayload } from './payloads.js';
import { catalogItems } from './products.js';
import type { BloomreachSettings } from './schemas.js';
import { compact, emailKey, num, secs } from './values.js';

/** BigCommerce's "Incomplete" status: a checkout abandoned at payment, not a purchase. */
const INCOMPLETE = 0;

export function planRecord(r: StagedRecord, ctx: PlanContext<BloomreachSettings>): PlannedJob[] {
  const s = ctx.settings;
  switch (r.resource) {
    case 'customers':
      return planCustomer(r, s, ctx.storeId, ctx.mapped);
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

const job = (
  entityType: string,
  entityId: string,
  version: string,
  kind: PlannedJob['kind'],
  priority: PlannedJob['priority'],
  payload: BrPayload,
  contactKey?: string,
): PlannedJob => ({
  entityType,
  entityId,
  version,
  kind,
  priority,
  payload,
  ...(contactKey ? { contactKey } : {}),
});

const updateCommand = (
  ids: Record<string, string>,
  properties: Record<string, unknown>,
  at: string,
): Command => ({
  name: 'customers',
  // A property is only written when its stored value is older: a replayed old version never wins.
  data: compact({ customer_ids: ids, properties, update_timestamp: secs(at) }),
});

/**
 * A deleted customer arrives without data, but its BigCommerce id is a hard id in single-store identity, so
 * the person is anonymised by it, as Bloomreach's integration does.
 */
function planCustomer(
  r: StagedRecord,
  s: BloomreachSettings,
  storeId: string,
  mapped?: MappedValues,
): PlannedJob[] {
  if (r.deleted || !r.data) {
    if (!s.anonymiseOnDelete || s.identity !== 'single-store') return [];
    return [
      job('customer', r.id, 'anonymised', 'delete', 2, {
        type: 'anonymise',
        label: `customer ${r.id} (deleted in BigCommerce)`,
        customerIds: { [s.idTypes.customer]: r.id },
      }),
    ];
  }
  const c = r.data as Customer;
  if (!c.email?.trim()) return [];
  const email = emailKey(c.email);
  const payload: TrackPayload = {
    type: 'track',
    label: `customer ${c.id}`,
    commands: [
      updateCommand(
        personIds(s, email, c.id),
        withMappedProperties(customerProperties(c, s, r.storeId || storeId), mapped),
        writtenAt(r.dateModified, mapped),
      ),
    ],
  };
  return [job('customer', String(c.id), r.dateModified, 'upsert', 0, payload, email)];
}

/**
 * A subscriber becomes a profile keyed by email with the subscriber id as a soft id, and a `consent` event
 * dated when BigCommerce recorded the choice, so a later opt-out made in Bloomreach still wins. History with
 * no consent sends none: BigCommerce creates an empty subscriber row at every checkout.
 */
function planSubscriber(r: StagedRecord, s: BloomreachSettings): PlannedJob[] {
  if (r.deleted || !r.data) return [];
  const sub = r.data as Subscriber;
  if (!sub.email?.trim()) return [];
  const email = emailKey(sub.email);
  const ids = personIds(s, email, undefined, { [s.idTypes.subscriber]: String(sub.id) });
  const jobs = [
    job(
      'subscriber',
      String(sub.id),
      r.dateModified,
      'upsert',
      0,
      {
        type: 'track',
        label: `subscriber ${sub.id}`,
        commands: [updateCommand(ids, subscriberProperties(sub), r.dateModified)],
      },
      email,
    ),
  ];
  const accepted = sub.consents.length > 0;
  if (!accepted && r.historical) return jobs;
  const action = accepted ? 'accept' : 'reject';
  const version = `${action}:${r.dateModified}`;
  const key = `consent:${sub.id}:${version}`;
  const emailIds = { [s.idTypes.email]: email };
  const consent: TrackPayload = {
    type: 'track',
    label: `subscriber ${sub.id} (newsletter consent)`,
    commands: [
      {
        name: 'customers/events',
        data: {
          customer_ids: emailIds,
          event_type: 'consent',
          timestamp: secs(sub.date_modified),
          properties: compact({
            action,
            category: s.newsletterCategory,
            valid_until: accepted ? 'unlimited' : undefined,
            source: 'private_api',
            message: `BigCommerce newsletter (${sub.source || 'storefront'})`,
          }),
        },
      },
    ],
    lookup: { customerIds: emailIds, key },
  };
  // The ledger sends an event entity once, so each choice is its own entity.
  jobs.push(job('consent', `${sub.id}@${version}`, version, 'event', 1, consent, email));
  return jobs;
}

function planOrder(r: StagedRecord, s: BloomreachSettings, mapped?: MappedValues): PlannedJob[] {
  if (r.deleted || !r.data) return [];
  const o = r.data as Order;
  if (o.status_id === INCOMPLETE) return [];
  if (s.purchaseStatusIds.length > 0 && !s.purchaseStatusIds.includes(o.status_id)) return [];
  const guest = o.customer_id === 0;
  if (guest && !s.includeGuests) return [];
  const raw = o.billing_address?.email?.trim();
  const email = raw ? emailKey(raw) : '';
  const ids = personIds(s, email || undefined, guest ? undefined : o.customer_id);
  const version = `status:${o.status_id}`;
  const key = `purchase:${o.id}:${version}`;
  const payload: TrackPayload = {
    type: 'track',
    label: `order ${o.id}`,
    commands: Object.keys(ids).length > 0 ? purchaseCommands(o, ids) : [],
    lookup: { customerIds: ids, key },
  };
  if (Object.keys(ids).length === 0)
    payload.problem = 'has no billing email, so Bloomreach cannot tell whose purchase it is';
  else if (lineItems(o).length === 0 && !o.consignments)
    payload.problem =
      'arrived without its line items (consignments), so purchase_item events cannot be built';
  const jobs: PlannedJob[] = [];
  if (guest && email)
    jobs.push(
      job(
        'guest',
        email,
        r.dateModified,
        'upsert',
        0,
        {
          type: 'track',
          label: `order ${o.id} (guest ${email})`,
          commands: [
            updateCommand(
              ids,
              withMappedProperties(guestProperties(o, email), mapped),
              writtenAt(r.dateModified, mapped),
            ),
          ],
        },
        email,
      ),
    );
  // One purchase per order status: Bloomreach stores every event, so the ledger keeps each from repeating.
  jobs.push(job('purchase', `${o.id}@${version}`, version, 'event', 1, payload, email || undefined));
  return jobs;
}

function planProduct(r: StagedRecord, s: BloomreachSettings): PlannedJob[] {
  if (!s.catalogName) return [];
  if (r.deleted || !r.data)
    return [
      job('product', r.id, `deleted:${r.dateModified}`, 'delete', 0, {
        type: 'product-delete',
        label: `product ${r.id}`,
        productId: r.id,
      }),
    ];
  const p = r.data as Product;
  return [
    job('product', String(p.id), r.dateModified, 'upsert', 0, {
      type: 'product',
      label: `product ${p.id}`,
      items: catalogItems(p, s.storeUrl),
    }),
  ];
}

/** Carts are live signals: a historical cart would start abandonment scenarios for stale carts. */
function planCart(r: StagedRecord, s: BloomreachSettings): PlannedJob[] {
  if (r.deleted || r.historical || !r.data) return [];
  const parsed = cartSchema.safeParse(r.data);
  if (!parsed.success) return [];
  const c = parsed.data;
  if (!c.email?.trim()) return [];
  const email = emailKey(c.email);
  const items = [...(c.line_items?.physical_items ?? []), ...(c.line_items?.digital_items ?? [])];
  const ids = personIds(s, email, c.customer_id ?? undefined, { [s.idTypes.cart]: c.id });
  const version = c.updated_time ?? r.dateModified;
  const key = `cart:${c.id}:${version}`;
  const payload: TrackPayload = {
    type: 'track',
    label: `cart ${c.id}`,
    commands: [
      {
        name: 'customers/events',
        data: {
          customer_ids: ids,
          event_type: 'cart_update',
          timestamp: secs(version),
          properties: compact({
            action: items.length > 0 ? 'update' : 'empty',
            cart_id: c.id,
            cart_url: c.redirect_urls?.cart_url,
            checkout_url: c.redirect_urls?.checkout_url,
            product_ids: items.map((i) => String(i.product_id ?? '')),
            variant_ids: items.map((i) => String(i.variant_id ?? '')),
            product_list: items.map((i) => ({
              product_id: String(i.product_id ?? ''),
              quantity: i.quantity ?? 1,
            })),
            total_quantity: items.reduce((n, i) => n + (i.quantity ?? 1), 0),
            total_price: num(c.cart_amount),
            local_currency: c.currency?.code,
          }),
        },
      },
    ],
    lookup: { customerIds: { [s.idTypes.email]: email }, key },
  };
  return [job('cart', `${c.id}@${version}`, version, 'event', 1, payload, email)];
}

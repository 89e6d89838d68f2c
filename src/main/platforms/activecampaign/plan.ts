// Runs in: main (Electron-free). Owns: StagedRecord → PlannedJob[] for ActiveCampaign. Contacts go with
// priority 0 and their orders and carts with priority 1 under the same contact key (lowercased email).
import type { MappedValues, PlanContext, PlannedJob, StagedRecord } from '../../engine/connector.js';
import type { Customer, Subscriber } from '../../bigcommerce/schemas/customers.js';
import type { Order, OrderProduct } from '../../bigcommerce/schemas/orders.js';
import { bcCart } from './cart.js';
import { orderNames, withMapped } from './mapped.js';
import { cents, mappedFieldValues } from './mapping.js';
import type { ContactPayload, LinePayload, OrderPayload, RemoveCustomerPayload } from './payloads.js';
import type { AcSettings } from './schemas.js';

const key = (email: string): string => email.trim().toLowerCase();
const version = (r: StagedRecord): string => `${r.dateModified}${r.deleted ? ':deleted' : ''}`;

export function planRecord(r: StagedRecord, ctx: PlanContext<AcSettings>): PlannedJob[] {
  switch (r.resource) {
    case 'customers':
      return planCustomer(r, ctx);
    case 'subscribers':
      return planSubscriber(r);
    case 'orders':
      return planOrder(r, ctx.settings, ctx.mapped);
    case 'carts':
      return planCart(r, ctx.settings);
    default:
      // Products: API v3 has no catalogue; products reach ActiveCampaign as order lines.
      return [];
  }
}

function planCustomer(r: StagedRecord, ctx: PlanContext<AcSettings>): PlannedJob[] {
  if (r.deleted || r.data === undefined) {
    if (ctx.settings.deletedCustomers === 'keep') return [];
    const payload: RemoveCustomerPayload = {
      type: 'remove-customer',
      storeId: r.storeId,
      customerExternalId: r.id,
    };
    return [
      { entityType: 'customer', entityId: r.id, version: version(r), kind: 'delete', priority: 0, payload },
    ];
  }
  const c = r.data as Customer;
  if (!c.email) return [];
  const payload: ContactPayload = withMapped(
    {
      type: 'customer',
      storeId: r.storeId,
      email: c.email.trim(),
      firstName: c.first_name ?? '',
      lastName: c.last_name ?? '',
      phone: c.phone ?? '',
      fieldValues: mappedFieldValues(c, ctx.settings.fieldMappings),
      customerExternalId: String(c.id),
    },
    ctx.mapped,
  );
  return [
    {
      entityType: 'customer',
      entityId: r.id,
      version: version(r),
      kind: 'upsert',
      contactKey: key(c.email),
      priority: 0,
      payload,
    },
  ];
}

function planSubscriber(r: StagedRecord): PlannedJob[] {
  // A deleted subscriber row carries no email; the consent ledger, not this platform, keeps that history.
  if (r.deleted || r.data === undefined) return [];
  const s = r.data as Subscriber;
  if (!s.email) return [];
  const payload: ContactPayload = {
    type: 'subscriber',
    storeId: r.storeId,
    email: s.email.trim(),
    firstName: s.first_name ?? '',
    lastName: s.last_name ?? '',
    phone: '',
    fieldValues: [],
    marketing: s.consents.includes('marketing_newsletter'),
    consentAt: r.dateModified,
  };
  return [
    {
      entityType: 'subscriber',
      entityId: r.id,
      version: version(r),
      kind: 'upsert',
      contactKey: key(s.email),
      priority: 0,
      payload,
    },
  ];
}

interface Consignment {
  shipping_method?: string | null;
  line_items?: unknown[];
}

/** The consignments the BigCommerce client normalised (shipping and pickups), typed for what is read here. */
function consignments(o: Order): { shipping: Consignment[]; pickups: Consignment[] } {
  const c = o.consignments as { shipping?: Consignment[]; pickups?: Consignment[] } | undefined;
  return { shipping: c?.shipping ?? [], pickups: c?.pickups ?? [] };
}

function orderLines(o: Order, currency: string): LinePayload[] {
  const { shipping, pickups } = consignments(o);
  const items = [
    ...shipping.flatMap((s) => s.line_items ?? []),
    ...pickups.flatMap((p) => p.line_items ?? []),
  ].filter(
    (i): i is OrderProduct =>
      typeof (i as OrderProduct).product_id === 'number' && typeof (i as OrderProduct).quantity === 'number',
  );
  return items.map((i) => ({
    externalid: String(i.product_id),
    name: i.name ?? `Product ${String(i.product_id)}`,
    price: cents(i.price_inc_tax ?? i.base_price, currency),
    quantity: i.quantity,
    sku: i.sku ?? '',
    category: String((i as Record<string, unknown>)['category_name'] ?? ''),
    productUrl: '',
    imageUrl: '',
  }));
}

function planOrder(r: StagedRecord, s: AcSettings, mapped?: MappedValues): PlannedJob[] {
  // Deleted or archived orders keep what was sent, as ActiveCampaign's own integration does.
  if (r.deleted || r.data === undefined) return [];
  const o = r.data as Order;
  if (o.status_id === 0 && !s.includeIncompleteOrders) return [];
  const guest = o.customer_id === 0;
  if (guest && !s.includeGuests) return [];
  const email = o.billing_address?.email?.trim() ?? '';
  if (!email) return [];
  const currency = (o.currency_code || o.default_currency_code || 'USD').toUpperCase();
  const discount = cents(o.discount_amount, currency) + cents(o.coupon_discount, currency);
  const payload: OrderPayload = {
    type: 'order',
    storeId: r.storeId,
    externalid: String(o.id),
    ...(o.cart_id ? { externalcheckoutid: o.cart_id } : {}),
    email,
    ...orderNames(
      { firstName: o.billing_address?.first_name ?? '', lastName: o.billing_address?.last_name ?? '' },
      mapped,
    ),
    guest,
    customerExternalId: guest ? `guest:${key(email)}` : String(o.customer_id),
    marketing: o.is_email_opt_in === true,
    totalPrice: cents(o.total_inc_tax, currency),
    shippingAmount: cents(o.shipping_cost_ex_tax, currency),
    taxAmount: cents(o.total_tax, currency),
    discountAmount: discount,
    currency,
    orderNumber: String(o.id),
    orderUrl: `${s.storeUrl.replace(/\/+$/, '')}/account.php?action=view_order&order_id=${o.id}`,
    shippingMethod: consignments(o).shipping[0]?.shipping_method ?? '',
    externalCreatedDate: o.date_created,
    externalUpdatedDate: o.date_modified,
    lines: orderLines(o, currency),
    discounts:
      discount > 0 ? [{ name: 'Discounts and coupons', type: 'order', discountAmount: discount }] : [],
  };
  return [
    {
      entityType: 'order',
      entityId: r.id,
      version: version(r),
      kind: 'upsert',
      contactKey: key(email),
      priority: 1,
      payload,
    },
  ];
}

function planCart(r: StagedRecord, s: AcSettings): PlannedJob[] {
  // A converted cart is recovered by its order (cart_id); a deleted one has nothing left to recover.
  if (r.deleted || r.data === undefined) return [];
  const parsed = bcCart.safeParse(r.data);
  if (!parsed.success) return [];
  const c = parsed.data;
  const email = c.email?.trim() ?? '';
  const items = [...(c.line_items?.physical_items ?? []), ...(c.line_items?.digital_items ?? [])];
  // ActiveCampaign keys a cart by email: an anonymous cart cannot be held.
  if (!email || items.length === 0) return [];
  const guest = c.customer_id === 0;
  if (guest && !s.includeGuests) return [];
  const currency = (c.currency?.code ?? 'USD').toUpperCase();
  const money = (v: number | string | null | undefined): number => cents(v, currency);
  const payload: OrderPayload = {
    type: 'cart',
    storeId: r.storeId,
    externalcheckoutid: c.id,
    email,
    firstName: c.first_name ?? '',
    lastName: c.last_name ?? '',
    guest,
    customerExternalId: guest ? `guest:${key(email)}` : String(c.customer_id),
    marketing: false,
    totalPrice: money(c.cart_amount),
    shippingAmount: 0,
    taxAmount: 0,
    discountAmount: money(c.discount_amount),
    currency,
    orderUrl: c.redirect_urls?.cart_url ?? `${s.storeUrl.replace(/\/+$/, '')}/cart.php`,
    shippingMethod: '',
    externalCreatedDate: c.created_time,
    externalUpdatedDate: c.updated_time,
    abandonedDate: c.abandoned_at ?? c.updated_time,
    lines: items.map((i) => ({
      externalid: String(i.product_id),
      name: i.name,
      price: money(i.sale_price ?? i.list_price),
      quantity: i.quantity,
      sku: i.sku ?? '',
      category: '',
      productUrl: i.url ?? '',
      imageUrl: i.image_url ?? '',
    })),
    discounts: [],
  };
  return [
    {
      entityType: 'cart',
      entityId: r.id,
      version: version(r),
      kind: 'upsert',
      contactKey: key(email),
      priority: 1,
      payload,
    },
  ];
}

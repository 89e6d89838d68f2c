// Runs in: main (Electron-free). Owns: StagedRecord -> PlannedJob[] for dotdigital: contacts into their
// books (priority 0), then their orders, carts, consent and program enrolments (priority 1, same contact
// key), products into Catalog_Default (priority 2). Enrolments are planned for live records only.
import type { Product } from '../../bigcommerce/schemas/catalog.js';
import type { Customer, Subscriber } from '../../bigcommerce/schemas/customers.js';
import type { Order } from '../../bigcommerce/schemas/orders.js';
import type { MappedValues, PlanContext, PlannedJob, StagedRecord } from '../../engine/connector.js';
import { cartSchema } from './cart.js';
import { withMappedDataFields } from './mapped.js';
import { customerValues, guestValues, mapFields } from './mapping.js';
import type { ContactPayload, EnrolPayload, Payload } from './payloads.js';
import { cartJson, consentJson, orderJson, productJson } from './records.js';
import { CATALOG_COLLECTION, CONSENT_COLLECTION, type DotdigitalSettings } from './schemas.js';

type Job = PlannedJob & { payload: Payload };

export function planRecord(r: StagedRecord, ctx: PlanContext<DotdigitalSettings>): PlannedJob[] {
  switch (r.resource) {
    case 'customers':
      return planCustomer(r, ctx.settings, ctx.mapped);
    case 'subscribers':
      return planSubscriber(r, ctx.settings);
    case 'orders':
      return planOrder(r, ctx.settings, ctx.mapped);
    case 'products':
      return planProduct(r, ctx.settings);
    case 'carts':
      return planCart(r, ctx.settings);
  }
}

const keyOf = (email: string) => email.trim().toLowerCase();

/** Created at most `newWithinHours` before this change: "new", so it may start a program. */
function isRecent(created: string | undefined, modified: string, s: DotdigitalSettings): boolean {
  const c = created ? Date.parse(created) : NaN;
  return Number.isFinite(c) && Date.parse(modified) - c <= s.newWithinHours * 3_600_000;
}

function enrol(
  reason: EnrolPayload['reason'],
  entityId: string,
  programId: number | null,
  email: string,
  label: string,
): Job {
  return {
    entityType: 'enrolment',
    entityId: `${reason}:${entityId}`,
    // One version: the deliveries ledger then lets each enrolment happen once, ever.
    version: '1',
    kind: 'event',
    contactKey: keyOf(email),
    priority: 1,
    payload: { op: 'enrol', label, programId, email: email.trim(), reason },
  };
}

function planCustomer(r: StagedRecord, s: DotdigitalSettings, mapped?: MappedValues): Job[] {
  if (r.deleted)
    return [
      {
        entityType: 'customer',
        entityId: r.id,
        version: `deleted:${r.dateModified}`,
        kind: 'delete',
        priority: 0,
        payload: {
          op: 'customer-delete',
          label: `customer ${r.id}`,
          customerId: Number(r.id),
          bookId: s.customersAddressBookId,
          idField: s.fieldMapping.customer_id ?? null,
        },
      },
    ];
  const c = r.data as Customer;
  const label = `customer ${c.id}`;
  const contact: ContactPayload = {
    op: 'contact',
    label,
    email: c.email.trim(),
    dataFields: withMappedDataFields(mapFields(customerValues(c), s.fieldMapping), mapped),
    lists: s.customersAddressBookId ? [s.customersAddressBookId] : [],
    optInType: 'unknown',
  };
  const jobs: Job[] = [
    {
      entityType: 'customer',
      entityId: r.id,
      version: r.dateModified,
      kind: 'upsert',
      contactKey: keyOf(c.email),
      priority: 0,
      payload: contact,
    },
  ];
  if (!r.historical && s.enrolNewCustomersProgramId && isRecent(c.date_created, r.dateModified, s))
    jobs.push(enrol('new_customer', r.id, s.enrolNewCustomersProgramId, c.email, label));
  return jobs;
}

function planSubscriber(r: StagedRecord, s: DotdigitalSettings): Job[] {
  // A deleted subscriber row carries no email: there is nobody to find on dotdigital.
  if (r.deleted) return [];
  const sub = r.data as Subscriber;
  const label = `subscriber ${sub.id}`;
  const contactKey = keyOf(sub.email);
  if (!sub.consents.includes('marketing_newsletter')) {
    // Withdrawn in BigCommerce (an explicit action): leave the book. History has nothing to withdraw.
    if (r.historical) return [];
    return [
      {
        entityType: 'subscriber',
        entityId: r.id,
        version: r.dateModified,
        kind: 'upsert',
        contactKey,
        priority: 0,
        payload: { op: 'leave-book', label, email: sub.email.trim(), bookId: s.subscribersAddressBookId },
      },
    ];
  }
  const names = mapFields(
    {
      first_name: sub.first_name?.trim() || null,
      last_name: sub.last_name?.trim() || null,
      full_name: [sub.first_name ?? '', sub.last_name ?? ''].join(' ').trim() || null,
    },
    s.fieldMapping,
  );
  const jobs: Job[] = [
    {
      entityType: 'subscriber',
      entityId: r.id,
      version: r.dateModified,
      kind: 'upsert',
      contactKey,
      priority: 0,
      payload: {
        op: 'contact',
        label,
        email: sub.email.trim(),
        // A subscriber row does not clear or overwrite a customer's names: it only fills empty fields.
        dataFields: Object.fromEntries(Object.entries(names).filter(([, v]) => v !== null)),
        fillOnly: true,
        lists: [s.subscribersAddressBookId],
        // No confirmation emails for history: double opt-in is for new subscribers.
        optInType: s.enforceDoubleOptIn && !r.historical ? 'verifiedDouble' : 'single',
      },
    },
    {
      entityType: 'consent',
      entityId: r.id,
      version: r.dateModified,
      kind: 'upsert',
      contactKey,
      priority: 1,
      payload: {
        op: 'insight',
        label: `consent of subscriber ${sub.id}`,
        collection: CONSENT_COLLECTION,
        scope: 'contact',
        type: 'consentInsight',
        key: `bc-subscriber-${sub.id}`,
        email: sub.email.trim(),
        json: consentJson(sub, s.consentText, s.storeUrl),
      },
    },
  ];
  if (!r.historical && s.enrolNewSubscribersProgramId)
    jobs.push(enrol('new_subscriber', r.id, s.enrolNewSubscribersProgramId, sub.email, label));
  return jobs;
}

function planOrder(r: StagedRecord, s: DotdigitalSettings, mapped?: MappedValues): Job[] {
  const o = r.data as Order | undefined;
  const label = `order ${r.id}`;
  if (r.deleted || !o || o.is_deleted)
    return [
      {
        entityType: 'order',
        entityId: r.id,
        version: `deleted:${r.dateModified}`,
        kind: 'delete',
        priority: 1,
        payload: { op: 'insight-delete', label, collection: s.ordersCollection, scope: 'contact', key: r.id },
      },
    ];
  const email = (o.billing_address?.email ?? '').trim();
  const contactKey = email ? keyOf(email) : undefined;
  const jobs: Job[] = [];
  if (o.customer_id === 0 && email) {
    // Guests are keyed by email: one contact however many orders they place.
    jobs.push({
      entityType: 'guest',
      entityId: keyOf(email),
      version: `order:${o.id}:${r.dateModified}`,
      kind: 'upsert',
      contactKey: keyOf(email),
      priority: 0,
      payload: {
        op: 'contact',
        label: `guest of order ${o.id}`,
        email,
        dataFields: withMappedDataFields(mapFields(guestValues(o), s.fieldMapping), mapped),
        lists: s.customersAddressBookId ? [s.customersAddressBookId] : [],
        optInType: 'unknown',
      },
    });
  }
  jobs.push({
    entityType: 'order',
    entityId: r.id,
    version: r.dateModified,
    kind: 'upsert',
    ...(contactKey ? { contactKey } : {}),
    priority: 1,
    payload: {
      op: 'insight',
      label,
      collection: s.ordersCollection,
      scope: 'contact',
      type: 'orders',
      key: r.id,
      email,
      json: orderJson(o, email),
    },
  });
  if (!email) return jobs;
  const fresh = !r.historical && isRecent(o.date_created, r.dateModified, s);
  if (fresh && s.enrolEachOrderProgramId)
    jobs.push(enrol('each_order', r.id, s.enrolEachOrderProgramId, email, label));
  // Always planned, so an old order (or one seen in history) takes the "first order" slot without a program.
  jobs.push(enrol('first_order', keyOf(email), fresh ? s.enrolFirstOrderProgramId : null, email, label));
  return jobs;
}

function planProduct(r: StagedRecord, s: DotdigitalSettings): Job[] {
  const p = r.data as Product | undefined;
  const base = { entityType: 'product', entityId: r.id, priority: 2 as const };
  const remove: Job = {
    ...base,
    version: `removed:${r.dateModified}`,
    kind: 'delete',
    payload: {
      op: 'insight-delete',
      label: `product ${r.id}`,
      collection: CATALOG_COLLECTION,
      scope: 'account',
      key: r.id,
    },
  };
  if (r.deleted || !p) return [remove];
  // Only visible products are in the catalogue; hiding one live takes it out.
  if (p.is_visible === false) return r.historical ? [] : [remove];
  return [
    {
      ...base,
      version: r.dateModified,
      kind: 'upsert',
      payload: {
        op: 'insight',
        label: `product ${p.id}`,
        collection: CATALOG_COLLECTION,
        scope: 'account',
        type: 'catalog',
        key: r.id,
        json: productJson(p, s.storeUrl),
      },
    },
  ];
}

function planCart(r: StagedRecord, s: DotdigitalSettings): Job[] {
  const remove: Job = {
    entityType: 'cart',
    entityId: r.id,
    version: `deleted:${r.dateModified}`,
    kind: 'delete',
    priority: 1,
    payload: {
      op: 'insight-delete',
      label: `cart ${r.id}`,
      collection: s.cartsCollection,
      scope: 'contact',
      key: r.id,
    },
  };
  if (r.deleted) return [remove];
  const parsed = cartSchema.safeParse(r.data);
  if (!parsed.success) throw new Error(`cart ${r.id} is not a BigCommerce cart: ${parsed.error.message}`);
  const cart = parsed.data;
  const email = cart.email?.trim();
  // A cart without an email belongs to nobody dotdigital can hold: the storefront script's job.
  if (!email) return [];
  const jobs: Job[] = [];
  if (s.cartContacts)
    jobs.push({
      entityType: 'cart-contact',
      entityId: keyOf(email),
      version: '1',
      kind: 'upsert',
      contactKey: keyOf(email),
      priority: 0,
      payload: {
        op: 'contact',
        label: `shopper of cart ${cart.id}`,
        email,
        dataFields: {},
        lists: [],
        optInType: 'unknown',
      },
    });
  jobs.push({
    entityType: 'cart',
    entityId: r.id,
    version: r.dateModified,
    kind: 'upsert',
    contactKey: keyOf(email),
    priority: 1,
    payload: {
      op: 'insight',
      label: `cart ${cart.id}`,
      collection: s.cartsCollection,
      scope: 'contact',
      type: 'cartInsight',
      key: r.id,
      email,
      json: cartJson(cart),
    },
  });
  return jobs;
}

// Runs in: Node (simulators). Owns: the in-memory records of one simulated ActiveCampaign account.
import type { ConsentChange } from './membership.js';

export interface Contact {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  phone: string;
  cdate: number;
  udate: number;
}

/** A contact's membership of a list. Status: 0 unconfirmed, 1 active, 2 unsubscribed, 3 bounced. */
export interface ContactList {
  id: number;
  contact: number;
  list: number;
  status: number;
  sourceid: number;
  sdate: number;
  udate: number;
  unsubreason: string | null;
  /** Who changed it last: `api` (an integration) or `person` (the contact, via /__sim/). */
  changedBy: 'api' | 'person';
}

export interface List {
  id: number;
  name: string;
  stringid: string;
  sender_url: string;
  sender_reminder: string;
  cdate: number;
  udate: number;
}

export interface Tag {
  id: number;
  tag: string;
  tagType: string;
  description: string;
  cdate: number;
}

export interface ContactTag {
  id: number;
  contact: number;
  tag: number;
  cdate: number;
}

export interface Field {
  id: number;
  title: string;
  type: string;
  descript: string | null;
  perstag: string;
  defval: string | null;
  visible: number;
  ordernum: number;
  cdate: number;
  udate: number;
  options: string[];
  relations: number[];
}

export interface FieldValue {
  id: number;
  contact: number;
  field: number;
  value: string;
  cdate: number;
  udate: number;
}

export interface Connection {
  id: number;
  service: string;
  externalid: string;
  name: string;
  logoUrl: string;
  linkUrl: string;
  status: number;
  syncStatus: number;
  listId: number | null;
  cdate: number;
  udate: number;
}

export interface EcomCustomer {
  id: number;
  connectionid: number;
  externalid: string;
  email: string;
  acceptsMarketing: string;
  tstamp: number;
}

export interface EcomOrderProduct {
  id: number;
  orderid: number;
  connectionid: number;
  externalid: string;
  name: string;
  price: number;
  quantity: number;
  category: string;
  sku: string;
  description: string;
  imageUrl: string;
  productUrl: string;
  createdDate: number;
  updatedDate: number;
}

export interface EcomOrderDiscount {
  id: number;
  orderid: number;
  name: string;
  type: string;
  discountAmount: number;
  createdDate: number;
  updatedDate: number;
}

export interface EcomOrder {
  id: number;
  externalid: string | null;
  externalcheckoutid: string | null;
  source: number;
  email: string;
  totalPrice: number;
  shippingAmount: number;
  taxAmount: number;
  discountAmount: number;
  currency: string;
  connectionid: number;
  customerid: number;
  orderUrl: string;
  shippingMethod: string;
  orderNumber: string;
  externalCreatedDate: string;
  externalUpdatedDate: string | null;
  abandonedDate: string | null;
  /** 0 pending, 1 completed, 2 abandoned, 3 recovered, 4 waiting. */
  state: number;
  products: number[];
  discounts: number[];
  createdDate: number;
  updatedDate: number;
}

/** What the platform would act on: only real-time (source 1) records start automations. */
export interface AutomationEvent {
  at: number;
  kind: 'makes_a_purchase' | 'abandoned_cart' | 'cart_recovered';
  orderId: number;
  email: string;
  connectionid: number;
}

export interface BulkImportContact {
  email?: unknown;
  first_name?: unknown;
  last_name?: unknown;
  phone?: unknown;
  tags?: unknown;
  fields?: unknown;
  subscribe?: unknown;
  unsubscribe?: unknown;
}

export type JobStatus = 'waiting' | 'claimed' | 'active' | 'completed' | 'failed' | 'interrupted';

export interface BulkImportJob {
  batchId: string;
  createdAt: number;
  status: JobStatus;
  contacts: BulkImportContact[];
  excludeAutomations: boolean;
  success: string[];
  failure: string[];
}

export class AccountStore {
  contacts = new Map<number, Contact>();
  contactLists = new Map<number, ContactList>();
  lists = new Map<number, List>();
  tags = new Map<number, Tag>();
  contactTags = new Map<number, ContactTag>();
  fields = new Map<number, Field>();
  fieldValues = new Map<number, FieldValue>();
  connections = new Map<number, Connection>();
  ecomCustomers = new Map<number, EcomCustomer>();
  ecomOrders = new Map<number, EcomOrder>();
  ecomOrderProducts = new Map<number, EcomOrderProduct>();
  ecomOrderDiscounts = new Map<number, EcomOrderDiscount>();
  jobs = new Map<string, BulkImportJob>();
  automationEvents: AutomationEvent[] = [];
  consentLog: ConsentChange[] = [];
  private counters = new Map<string, number>();

  constructor(readonly name: string) {}

  nextId(table: string): number {
    const n = (this.counters.get(table) ?? 0) + 1;
    this.counters.set(table, n);
    return n;
  }

  contactByEmail(email: string): Contact | undefined {
    const e = email.trim().toLowerCase();
    for (const c of this.contacts.values()) if (c.email.toLowerCase() === e) return c;
    return undefined;
  }

  membership(contact: number, list: number): ContactList | undefined {
    for (const cl of this.contactLists.values()) if (cl.contact === contact && cl.list === list) return cl;
    return undefined;
  }

  /** Removes a contact and what hangs on it; e-commerce records stay, as they are keyed by email. */
  deleteContact(id: number): void {
    this.contacts.delete(id);
    for (const [k, v] of this.contactLists) if (v.contact === id) this.contactLists.delete(k);
    for (const [k, v] of this.contactTags) if (v.contact === id) this.contactTags.delete(k);
    for (const [k, v] of this.fieldValues) if (v.contact === id) this.fieldValues.delete(k);
  }
}

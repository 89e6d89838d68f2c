// Runs in: Node (simulators). Owns: one SALESmanago account's data (contacts, external events, catalogs,
// products, async jobs) and the lookups the routes share.
import { randomUUID } from 'node:crypto';
import type { AccountOption } from './options.js';

export interface Address {
  streetAddress?: string;
  zipCode?: string;
  city?: string;
  country?: string;
}

export interface Consent {
  accept: boolean;
  agreementDate?: number;
  ip?: string;
  optOut?: boolean;
  consentDescriptionId?: number;
}

export interface DoubleOptIn {
  status: 'pending' | 'confirmed';
  emailTemplateId?: string;
  emailAccountId?: string;
  emailSubject?: string;
  requestedAt: number;
  confirmedAt?: number;
}

export interface Contact {
  contactId: string;
  email: string;
  owner: string;
  name?: string;
  phone?: string;
  fax?: string;
  company?: string;
  externalId?: string;
  state?: string;
  birthday?: string;
  province?: string;
  lang?: string;
  address: Address;
  tags: string[];
  properties: Record<string, string>;
  optedOut: boolean;
  optedOutPhone: boolean;
  doubleOptIn?: DoubleOptIn;
  consents: Record<string, Consent>;
  /** Marked "removed" by /contact/delete; purged for good by the overnight purge (POST /__sim/purge). */
  deleted: boolean;
  deletedAt?: number;
  createdOn: number;
  modifiedOn: number;
}

export interface ExtEvent {
  eventId: string;
  contactId: string;
  email: string;
  owner: string;
  contactExtEventType: string;
  date: number;
  description?: string;
  products?: string;
  location?: string;
  value?: number;
  externalId?: string;
  shopDomain?: string;
  details: Record<string, string>;
  createdAt: number;
  updatedAt: number;
  /** How many updateContactExtEvent calls changed it. */
  updates: number;
}

export interface Catalog {
  catalogId: string;
  catalogName: string;
  currency: string;
  location: string;
  setAsDefault: boolean;
}

export interface Product {
  catalogId: string;
  productId: string;
  fields: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
}

export interface Job {
  requestId: string;
  method: string;
  status: 'pending' | 'done' | 'failed';
  createdAt: number;
  finishedAt?: number;
  error?: string;
  /** What the job changed when it ran (contact ids by e-mail, or failures). */
  result?: unknown;
}

export class AccountStore {
  readonly contacts = new Map<string, Contact>(); // by lower-cased e-mail
  readonly events = new Map<string, ExtEvent>();
  readonly catalogs = new Map<string, Catalog>();
  readonly products = new Map<string, Product>(); // by `${catalogId}|${productId}`
  readonly jobs = new Map<string, Job>();
  /** Runs a pending job: applied on finish, dropped on failure. */
  readonly jobWork = new Map<string, () => unknown>();
  active: boolean;
  v3Keys: Set<string>;

  constructor(readonly account: AccountOption) {
    this.active = account.active ?? true;
    this.v3Keys = new Set(account.v3ApiKeys);
  }

  findByEmail(email: string): Contact | undefined {
    return this.contacts.get(email.toLowerCase());
  }

  findById(contactId: string): Contact | undefined {
    for (const c of this.contacts.values()) if (c.contactId === contactId) return c;
    return undefined;
  }

  /** Live (not removed) contact by id or e-mail; the id wins when both are given, as in the vendor util. */
  findLive(ref: { email?: string; contactId?: string }): Contact | undefined {
    const c = ref.contactId
      ? this.findById(ref.contactId)
      : ref.email
        ? this.findByEmail(ref.email)
        : undefined;
    return c && !c.deleted ? c : undefined;
  }

  rename(contact: Contact, newEmail: string): void {
    this.contacts.delete(contact.email.toLowerCase());
    contact.email = newEmail.toLowerCase();
    this.contacts.set(contact.email, contact);
  }

  /** The overnight purge: removed contacts disappear for good. Returns how many. */
  purge(): number {
    let n = 0;
    for (const [key, c] of this.contacts) {
      if (c.deleted) {
        this.contacts.delete(key);
        n++;
      }
    }
    return n;
  }

  reset(): void {
    this.contacts.clear();
    this.events.clear();
    this.catalogs.clear();
    this.products.clear();
    this.jobs.clear();
    this.jobWork.clear();
    this.active = this.account.active ?? true;
    this.v3Keys = new Set(this.account.v3ApiKeys);
  }
}

export function newId(): string {
  return randomUUID();
}

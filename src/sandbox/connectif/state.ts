// Runs in: Node (simulators). Owns: the data of one simulated Connectif store (contacts, products,
// purchases, custom events, activities, keys, settings) and the contact read shape with its purchase aggregates.
import { randomBytes } from 'node:crypto';
import {
  allScopes,
  defaultAuthorizedDomains,
  defaultCustomFields,
  type CustomEventTypeDef,
  type FieldDef,
  type Scope,
  type StoreOptions,
} from './options.js';
import type { Job } from './jobs.js';

export interface ContactRecord {
  id: string;
  email: string;
  createdAt: number;
  updatedAt: number;
  /** System (`_name`, ...) and custom fields as last written. */
  data: Record<string, unknown>;
  /** A subscribe waiting for the contact's confirmation (double opt-in). */
  pendingOptIn?: boolean;
}

export interface ProductRecord {
  id: string;
  productId: string;
  createdAt: number;
  updatedAt: number;
  data: Record<string, unknown>;
}

export interface PurchaseRecord {
  id: string;
  purchaseId: string;
  /** Lower-cased key of the contact. */
  contactEmail: string;
  createdAt: number;
  body: Record<string, unknown>;
  triggerPurchaseEvent: boolean;
}

export interface CustomEventRecord {
  id: string;
  alias: string;
  email?: string;
  createdAt: number;
  payload: Record<string, unknown>;
}

export interface Activity {
  type: string;
  email: string;
  at: number;
  detail?: Record<string, unknown>;
}

export interface KeyRecord {
  id: string;
  secret: string;
  scopes: Set<Scope>;
}

/** Connectif ids look like 24-hex object ids. */
export const newId = (): string => randomBytes(12).toString('hex');
export const isConnectifId = (s: string): boolean => /^[0-9a-f]{24}$/.test(s);
export const emailKey = (email: string): string => email.trim().toLowerCase();

export class StoreState {
  readonly id: string;
  readonly name: string;
  readonly currency: string;
  readonly keys = new Map<string, KeyRecord>();
  blocked: boolean;
  authorizedDomains: string[];
  customFields: FieldDef[];
  customEventTypes: CustomEventTypeDef[];
  readonly contacts = new Map<string, ContactRecord>();
  readonly products = new Map<string, ProductRecord>();
  purchases: PurchaseRecord[] = [];
  customEvents: CustomEventRecord[] = [];
  activities: Activity[] = [];
  readonly jobs: Job[] = [];
  readonly coupons = new Map<string, Set<string>>();

  constructor(
    private readonly opts: StoreOptions,
    index: number,
  ) {
    this.id = opts.id ?? (index === 0 ? 'store-1' : `store-${index + 1}`);
    this.name = opts.name ?? `Simulated Connectif store ${index + 1}`;
    this.currency = opts.currency ?? 'USD';
    const keys = opts.keys ?? [{ id: `sim-key-${index + 1}`, secret: `sim-secret-${index + 1}` }];
    for (const k of keys)
      this.keys.set(k.id, { id: k.id, secret: k.secret, scopes: new Set(k.scopes ?? allScopes) });
    this.blocked = opts.blocked ?? false;
    this.authorizedDomains = [...(opts.authorizedDomains ?? defaultAuthorizedDomains)];
    this.customFields = structuredClone(opts.customFields ?? defaultCustomFields);
    this.customEventTypes = structuredClone(opts.customEventTypes ?? []);
  }

  /** Back to the state the options describe (keys keep their secrets; data is emptied). */
  reset(): void {
    this.blocked = this.opts.blocked ?? false;
    this.authorizedDomains = [...(this.opts.authorizedDomains ?? defaultAuthorizedDomains)];
    this.customFields = structuredClone(this.opts.customFields ?? defaultCustomFields);
    this.customEventTypes = structuredClone(this.opts.customEventTypes ?? []);
    for (const k of this.opts.keys ?? []) {
      const rec = this.keys.get(k.id);
      if (rec) rec.scopes = new Set(k.scopes ?? allScopes);
    }
    this.contacts.clear();
    this.products.clear();
    this.purchases = [];
    this.customEvents = [];
    this.activities = [];
    this.jobs.length = 0;
    this.coupons.clear();
  }

  contactRead(c: ContactRecord): Record<string, unknown> {
    const mine = this.purchases.filter((p) => p.contactEmail === c.email);
    const amounts = mine.map((p) => Number(p.body['totalPrice'] ?? 0));
    const total = amounts.reduce((a, b) => a + b, 0);
    const dates = mine.map((p) => String(p.body['purchaseDate'])).sort();
    return {
      id: c.id,
      _email: c.email,
      _name: null,
      _surname: null,
      _birthdate: null,
      _mobilePhone: null,
      _mobilePhoneStatus: null,
      _emailStatus: 'active',
      _newsletterSubscriptionStatus: 'none',
      _smsSubscriptionStatus: 'none',
      _points: 0,
      _isAnonymous: false,
      _hasPushSubscriptions: false,
      _emailBouncedReason: null,
      _emailLastBouncedDate: null,
      _emailLastSoftBounceDate: null,
      _emailSoftBounces: 0,
      _emailLastUnsubscribedDate: null,
      _emailLastUnsubscribedIp: null,
      ...c.data,
      _totalPurchases: mine.length,
      _totalPurchasesAmount: round2(total),
      _averagePurchasesAmount: mine.length ? round2(total / mine.length) : 0,
      _firstPurchaseDate: dates[0] ?? null,
      _lastPurchaseDate: dates[dates.length - 1] ?? null,
      // Predictive metrics are computed by Connectif's models; the simulator has none.
      _clv: null,
      _churnRate: null,
      _pAlive: null,
      _expectedPurchases: null,
      _rfm: null,
      _recency: null,
      _frequency: null,
      _monetary: null,
      _createdAt: iso(c.createdAt),
      _updatedAt: iso(c.updatedAt),
    };
  }

  productRead(p: ProductRecord): Record<string, unknown> {
    return {
      id: p.id,
      productId: p.productId,
      availability: 'instock',
      ...p.data,
      createdAt: iso(p.createdAt),
      updatedAt: iso(p.updatedAt),
    };
  }

  purchaseRead(p: PurchaseRecord): Record<string, unknown> {
    const contact = this.contacts.get(p.contactEmail);
    return { id: p.id, contactId: contact?.id ?? null, ...p.body, createdAt: iso(p.createdAt) };
  }
}

export const iso = (ms: number): string => new Date(ms).toISOString();
const round2 = (n: number): number => Math.round(n * 100) / 100;

// Runs in: Node (simulators). Owns: the options of the Connectif simulator and their defaults.

/** Scope names are the simulator's; Connectif's key dialog shows them as "Read Contacts", "Write Contacts", ... */
export const allScopes = [
  'contacts:read',
  'contacts:write',
  'contacts:delete',
  'products:read',
  'products:write',
  'purchases:read',
  'purchases:write',
  'purchases:delete',
  'customEvents:write',
  'imports:read',
  'imports:write',
  'exports:read',
  'exports:write',
  'store:read',
] as const;
export type Scope = (typeof allScopes)[number];

export interface ApiKeyOptions {
  id: string;
  secret: string;
  /** Defaults to every scope. */
  scopes?: Scope[];
}

export const fieldTypes = [
  'text',
  'email',
  'date',
  'radio',
  'phone',
  'boolean',
  'number',
  'integer',
  'checkbox',
] as const;
export type FieldType = (typeof fieldTypes)[number];

export interface FieldDef {
  id: string;
  name?: string;
  type: FieldType;
  /** Option ids of a radio or checkbox field. */
  options?: Array<{ id: string; label: string }>;
}

export interface EventFieldDef extends FieldDef {
  required?: boolean;
  /** At most one, of type email: the contact the event belongs to. */
  isPrimaryKey?: boolean;
}

export interface CustomEventTypeDef {
  alias: string;
  name?: string;
  fields: EventFieldDef[];
}

/** One Connectif store: Storebridge maps one per BigCommerce channel and currency. */
export interface StoreOptions {
  id?: string;
  name?: string;
  currency?: string;
  keys?: ApiKeyOptions[];
  /** Store Settings > Web > Authorized Domains. `*.host` matches subdomains; ports are ignored. */
  authorizedDomains?: string[];
  customFields?: FieldDef[];
  customEventTypes?: CustomEventTypeDef[];
  /** A blocked account answers 403 to every key. */
  blocked?: boolean;
}

export interface ConnectifSimOptions {
  port?: number;
  stores?: StoreOptions[];
  /** Requests per key per window (Connectif's number is unpublished; 100/min after a 3rd-party client). */
  rateLimit?: { limit?: number; windowMs?: number; headers?: boolean };
  /** What a second purchase with an already stored `purchaseId` does (undocumented by Connectif). */
  duplicatePurchases?: 'store' | 'reject';
  /** When on, a subscribe through the API waits for the contact's confirmation (see /__sim/ confirm-opt-in). */
  doubleOptIn?: boolean;
  /** Imports and exports: `auto` moves through the states by the clock; `manual` waits for /__sim/ calls. */
  jobs?: { mode?: 'auto' | 'manual'; startAfterMs?: number; runForMs?: number };
  /** Path of the contact delete route (Connectif advertises deletion; the path is not in readable docs). */
  contactDeletePath?: string;
  now?: () => number;
}

export const defaultCustomFields: FieldDef[] = [
  { id: 'street', name: 'Street', type: 'text' },
  { id: 'city', name: 'City', type: 'text' },
  { id: 'state', name: 'State', type: 'text' },
  { id: 'country', name: 'Country', type: 'text' },
  { id: 'zip', name: 'Zip', type: 'text' },
];

export const defaultAuthorizedDomains = [
  'http://127.0.0.1',
  'http://localhost',
  'https://*.mybigcommerce.com',
];

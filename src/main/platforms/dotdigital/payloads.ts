// Runs in: main (Electron-free). Owns: the job payloads plan() writes and deliver() reads. Each names its
// record (`label`) so every result, and every dead letter, says which BigCommerce record it is about.

export type InsightScope = 'contact' | 'account';
export type InsightType = 'orders' | 'catalog' | 'cartInsight' | 'consentInsight';

export interface ContactPayload {
  op: 'contact';
  label: string;
  email: string;
  dataFields: Record<string, string | number | boolean | null>;
  lists: number[];
  /** v3 channelProperties.email.optInType; verifiedDouble sends the confirmation email. */
  optInType: 'single' | 'verifiedDouble' | 'unknown';
  /** Only fill empty data fields (a subscriber row must not overwrite a customer's names). */
  fillOnly?: boolean;
}

export interface InsightPayload {
  op: 'insight';
  label: string;
  collection: string;
  scope: InsightScope;
  type: InsightType;
  key: string;
  /** Owner of a contact-scoped record. */
  email?: string;
  json: Record<string, unknown>;
}

export interface InsightDeletePayload {
  op: 'insight-delete';
  label: string;
  collection: string;
  scope: InsightScope;
  key: string;
}

/** A subscriber withdrew consent in BigCommerce: out of the subscribers book (the contact stays). */
export interface LeaveBookPayload {
  op: 'leave-book';
  label: string;
  email: string;
  bookId: number;
}

/** A customer deleted in BigCommerce: found by its BigCommerce id data field and taken out of the book. */
export interface CustomerDeletePayload {
  op: 'customer-delete';
  label: string;
  customerId: number;
  bookId: number | null;
  idField: string | null;
}

export interface EnrolPayload {
  op: 'enrol';
  label: string;
  /** null: a marker that only takes the slot (e.g. "first order" seen in a historical sync). */
  programId: number | null;
  email: string;
  reason: 'new_customer' | 'new_subscriber' | 'each_order' | 'first_order';
}

export type Payload =
  | ContactPayload
  | InsightPayload
  | InsightDeletePayload
  | LeaveBookPayload
  | CustomerDeletePayload
  | EnrolPayload;

// Runs in: main (Electron-free). Owns: the job payloads plan() writes and deliver() reads. One `op` per way
// of reaching SALESmanago; `label` names the store record in every message ("order 1042").

/** One `upsertDetails[]` entry of contact/batchupsertv2 (the same body as contact/upsert). */
export interface UpsertDetail {
  contact: {
    email: string;
    name?: string;
    phone?: string;
    company?: string;
    externalId?: string;
    address?: { streetAddress?: string; zipCode?: string; city?: string; country?: string };
  };
  tags: string[];
  properties?: Record<string, string>;
  province?: string;
  /** Only from a saved field mapping; the row's date transform writes it as SALESmanago expects. */
  birthday?: string;
  forceOptIn?: boolean;
  forceOptOut?: boolean;
  useApiDoubleOptIn?: boolean;
  apiDoubleOptInEmailTemplateId?: string;
  apiDoubleOptInEmailAccountId?: string;
  apiDoubleOptInEmailSubject?: string;
}

export interface ContactEvent {
  contactExtEventType: 'PURCHASE' | 'CART' | 'CANCELLATION' | 'RETURN';
  date: number;
  description?: string;
  products?: string;
  location: string;
  value?: number;
  externalId: string;
  shopDomain?: string;
  [detail: `detail${number}`]: string | undefined;
}

export interface ContactPayload {
  op: 'contact';
  label: string;
  detail: UpsertDetail;
  /** Contact fields sent only when SALESmanago holds none (a newsletter row must not rename a customer). */
  fillOnly?: Array<'name'>;
}
export interface EventPayload {
  op: 'event';
  label: string;
  email: string;
  event: ContactEvent;
}
export interface CartPayload {
  op: 'cart';
  label: string;
  email: string;
  cartId: string;
  event: ContactEvent;
}
export interface ProductPayload {
  op: 'product';
  label: string;
  catalogId: string;
  product: Record<string, unknown>;
}
export interface ProductGonePayload {
  op: 'product-gone';
  label: string;
  catalogId: string;
  productId: string;
}
/** A record that cannot be sent as it is: delivered as a permanent failure that says what to fix. */
export interface InvalidPayload {
  op: 'invalid';
  label: string;
  reason: string;
}

export type Payload =
  ContactPayload | EventPayload | CartPayload | ProductPayload | ProductGonePayload | InvalidPayload;

/** Property Storebridge keeps on a contact: the e-mail opt-in state it last sent (yes, no, pending). */
export const OPTIN_PROPERTY = 'storebridge_optin';
/** Property holding the contact's open CART event: `${cartId}|${eventId}|${createdMs}`. */
export const CART_PROPERTY = 'storebridge_cart';
/** Property holding the keys of the contact's last external events (`P1042 C1042`), written in the same call. */
export const EVENTS_PROPERTY = 'storebridge_events';
/** The detail field that says whether an event came from the archive export or live. */
export const SOURCE_DETAIL = 'detail20';

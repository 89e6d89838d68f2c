// Runs in: main (Electron-free). Owns: what a planned Connectif job carries, per entity type, from plan() to
// deliver(). Bodies are Connectif's own request shapes (ContactPatch, Product, Purchase, custom event).

export type Json = Record<string, unknown>;

/** `PATCH /contacts/{email}`: an upsert that merges only the fields sent. */
export interface ContactPayload {
  type: 'contact';
  email: string;
  patch: Json;
  /** When the patch subscribes: the time of the person's subscription, so a later unsubscribe in Connectif wins. */
  subscribedAt?: number;
}

/** `PATCH /products/product-id/{productId}`: patch or create. */
export interface ProductPayload {
  type: 'product';
  productId: string;
  body: Json;
  /** A product removed in BigCommerce: hidden from recommendations if Connectif has it, never created. */
  onlyIfExists?: boolean;
}

/** `POST /purchases/`: create-only; `contact` and `products` create what Connectif lacks (E0101, E0102). */
export interface PurchasePayload {
  type: 'purchase';
  /** Set when the order cannot become a purchase: delivered as a permanent failure saying why. */
  problem?: string;
  label: string;
  body: Json;
  contact: Json;
  products: Record<string, Json>;
}

/** `DELETE /purchases/purchase-id/{purchaseId}`: a cancelled, refunded or deleted order. */
export interface PurchaseRemovalPayload {
  type: 'purchase-removal';
  purchaseId: string;
}

/** `POST /custom-events/alias/{alias}`: the abandoned cart with its recovery URL. */
export interface CartPayload {
  type: 'cart';
  alias: string;
  body: Json;
}

export type CfPayload =
  ContactPayload | ProductPayload | PurchasePayload | PurchaseRemovalPayload | CartPayload;

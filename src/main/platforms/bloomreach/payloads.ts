// Runs in: main (Electron-free). Owns: what a planned Bloomreach job carries from plan() to deliver().

/** One Tracking API command, as the single routes and the batch route take it. */
export interface Command {
  name: 'customers' | 'customers/events';
  data: Record<string, unknown>;
}

/** Events carry this attribute so an in-doubt job can be looked up on the platform. */
export const JOB_KEY = 'storebridge_key';

export interface TrackPayload {
  type: 'track';
  /** "order 1042", "customer 7": names the record in every failure. */
  label: string;
  commands: Command[];
  /** For events: where to look this job up after a crash. */
  lookup?: { customerIds: Record<string, string>; eventType: string; key: string };
  /** Set at plan time when the record cannot be sent; delivered as a permanent failure. */
  problem?: string;
}

export interface CatalogItem {
  item_id: string;
  properties: Record<string, unknown>;
}

export interface ProductPayload {
  type: 'product';
  label: string;
  items: CatalogItem[];
}

export interface ProductDeletePayload {
  type: 'product-delete';
  label: string;
  productId: string;
}

export interface AnonymisePayload {
  type: 'anonymise';
  label: string;
  customerIds: Record<string, string>;
}

export type BrPayload = TrackPayload | ProductPayload | ProductDeletePayload | AnonymisePayload;

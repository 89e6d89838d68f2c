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
  /**
   * For events: where to look this job up. Each event command carries `<key>#<index>`, so a job that only
   * partly arrived (an order spanning two requests) sends just what is missing.
   */
  lookup?: { customerIds: Record<string, string>; key: string };
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

/** The job's commands with each event's own key stamped in. */
export function stampKeys(p: TrackPayload): Command[] {
  if (!p.lookup) return p.commands;
  const key = p.lookup.key;
  return p.commands.map((c, i) =>
    c.name === 'customers/events'
      ? {
          ...c,
          data: {
            ...c.data,
            properties: {
              ...((c.data['properties'] ?? {}) as Record<string, unknown>),
              [JOB_KEY]: `${key}#${i}`,
            },
          },
        }
      : c,
  );
}

export const keyOf = (c: Command): string | undefined => {
  const v = ((c.data['properties'] ?? {}) as Record<string, unknown>)[JOB_KEY];
  return typeof v === 'string' ? v : undefined;
};

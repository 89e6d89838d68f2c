// Runs in: main (Electron-free). Owns: how each extracted resource is paged and filtered. v3 and v2 spell
// the same filters differently (`date_modified:min` vs `min_date_modified`); this table hides that.
import type { BigCommerceClient, ListOptions, Page } from '../bigcommerce/client.js';
import type { Query } from '../bigcommerce/query.js';

export const extractResources = ['customers', 'subscribers', 'orders', 'products'] as const;
export type ExtractResource = (typeof extractResources)[number];

export interface ResourceSpec {
  name: ExtractResource;
  pages(
    client: BigCommerceClient,
    o: ListOptions,
  ): AsyncGenerator<Page<{ id: number; date_modified: string }>>;
  /** Inclusive lower and upper bounds on date_modified (filter-formatted values). */
  modified(min?: string, max?: string): Query;
  /** Inclusive bounds on date_created, for a historical read of a date range. */
  created(min?: string, max?: string): Query;
  /**
   * Ascending date_modified order, when the endpoint has it: then reads walk forward by date_modified
   * (keyset), which offset shifts cannot disturb. Subscribers have no sort and are read by offset.
   */
  sortByModified: Query | null;
  /** Cheapest listing for id reconciliation (read raw: only `id` is used). */
  ids: { api: 'v2' | 'v3'; path: string; query: Query };
}

const v3Range =
  (field: string) =>
  (min?: string, max?: string): Query => ({
    [`${field}:min`]: min,
    [`${field}:max`]: max,
  });
const v2Range =
  (field: string) =>
  (min?: string, max?: string): Query => ({
    [`min_${field}`]: min,
    [`max_${field}`]: max,
  });

export const resourceSpecs: Record<ExtractResource, ResourceSpec> = {
  customers: {
    name: 'customers',
    pages: (c, o) => c.customerPages(o),
    modified: v3Range('date_modified'),
    created: v3Range('date_created'),
    sortByModified: { sort: 'date_modified:asc' },
    ids: { api: 'v3', path: '/v3/customers', query: {} },
  },
  subscribers: {
    name: 'subscribers',
    pages: (c, o) => c.subscriberPages(o),
    modified: v3Range('date_modified'),
    created: v3Range('date_created'),
    sortByModified: null,
    ids: { api: 'v3', path: '/v3/customers/subscribers', query: {} },
  },
  orders: {
    name: 'orders',
    pages: (c, o) => c.orderPages(o),
    modified: v2Range('date_modified'),
    created: v2Range('date_created'),
    sortByModified: { sort: 'date_modified:asc' },
    // Without include=consignments: line items are not needed to list ids.
    ids: { api: 'v2', path: '/v2/orders', query: {} },
  },
  products: {
    name: 'products',
    pages: (c, o) => c.productPages(o),
    modified: v3Range('date_modified'),
    created: v3Range('date_created'),
    sortByModified: { sort: 'date_modified', direction: 'asc' },
    ids: { api: 'v3', path: '/v3/catalog/products', query: { include_fields: 'id' } },
  },
};

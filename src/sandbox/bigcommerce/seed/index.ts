// Runs in: Node (simulators, demo workspace). Owns: seedStore(), the deterministic generator of a whole store's
// data at any size. Records are produced on demand from (seed, id), so a million customers cost no memory.
import { hashString } from '../rng.js';
import type { BaseSource } from '../table.js';
import type {
  Brand,
  Category,
  Channel,
  Currency,
  Customer,
  CustomerAttribute,
  Order,
  Product,
  Subscriber,
} from '../types.js';
import { productSource } from './catalog.js';
import { customerSource } from './customers.js';
import { orderSource } from './orders.js';
import { attributes, brands, categories, channels, currencies } from './reference.js';
import { subscriberSource } from './subscribers.js';

export interface SeedOptions {
  /** Same seed, same store. Default 1. */
  seed?: number | string;
  customers?: number;
  /** Default: three per customer (at least 10). */
  orders?: number;
  /** Default: 60% of customers; a third of them are not customers. */
  subscribers?: number;
  /** Default 50. */
  products?: number;
  /** Seeded history spans [start, end] (epoch ms). Defaults: 2023-01-01 to 2025-01-01 UTC. */
  start?: number;
  end?: number;
  /** Share (0..1) of seeded customers, orders and subscribers modified again late in the span. Default 0.02. */
  laterChangeRate?: number;
}

export interface SeedData {
  seed: number;
  start: number;
  end: number;
  laterChangeRate: number;
  customers: BaseSource<Customer>;
  subscribers: BaseSource<Subscriber>;
  orders: BaseSource<Order>;
  products: BaseSource<Product>;
  brands: Brand[];
  categories: Category[];
  channels: Channel[];
  currencies: Currency[];
  attributes: CustomerAttribute[];
}

const MAX_CUSTOMERS = 1_000_000;

export function seedStore(options: SeedOptions = {}): SeedData {
  const seed = typeof options.seed === 'string' ? hashString(options.seed) : (options.seed ?? 1);
  const start = options.start ?? Date.UTC(2023, 0, 1);
  const end = options.end ?? Date.UTC(2025, 0, 1);
  const nCustomers = options.customers ?? 100;
  if (!Number.isInteger(nCustomers) || nCustomers < 0 || nCustomers > MAX_CUSTOMERS)
    throw new Error(`seedStore: customers must be an integer from 0 to ${MAX_CUSTOMERS} (got ${nCustomers})`);
  const nOrders = options.orders ?? Math.max(10, nCustomers * 3);
  const nProducts = options.products ?? 50;
  const nSubscribers = options.subscribers ?? Math.ceil(nCustomers * 0.6);
  if (end <= start) throw new Error('seedStore: end must be after start');
  const chans = channels(start);
  const channelIds = chans.map((c) => c.id);
  const curr = currencies(start);
  const brandList = brands(Math.max(3, Math.ceil(nProducts / 20)), seed, start);
  const categoryList = categories(Math.max(4, Math.min(200, Math.ceil(nProducts / 10))), start);
  const tl = (count: number, kind: number) => ({ start, end, count, seed, kind });
  const customers = customerSource(seed, tl(nCustomers, 1), channelIds);
  const products = productSource(seed, tl(nProducts, 2), brandList.length, categoryList.length);
  const orders = orderSource(seed, tl(nOrders, 3), {
    customerCount: nCustomers,
    productCount: nProducts,
    customer: (id) => customers.at(id),
    product: (id) => products.at(id),
    currencies: curr,
    channelIds,
  });
  const subscribers = subscriberSource(seed, tl(nSubscribers, 4), {
    customerCount: nCustomers,
    orderCount: nOrders,
    customer: (id) => customers.at(id),
  });
  return {
    seed,
    start,
    end,
    laterChangeRate: options.laterChangeRate ?? 0.02,
    customers,
    subscribers,
    orders,
    products,
    brands: brandList,
    categories: categoryList,
    channels: chans,
    currencies: curr,
    attributes: attributes(start),
  };
}

// Runs in: Node (simulators). Owns: one simulated store's state (tables, hooks, scripts, carts, quota) and the
// writes every entry point (API routes, /__sim/ routes, the activity driver) goes through, so each change
// bumps date_modified and raises the webhook event BigCommerce would.
import { FixedWindowLimiter } from '../kit/index.js';
import { mix } from './rng.js';
import { type SeedData } from './seed/index.js';
import { idFromSeededEmail } from './seed/customers.js';
import { subscriberIdFromEmail } from './seed/subscribers.js';
import { Selector } from './select.js';
import { Table, type BaseSource } from './table.js';
import type {
  Brand,
  Cart,
  Category,
  Channel,
  Currency,
  Customer,
  CustomerAttribute,
  Hook,
  Order,
  Product,
  Script,
  Subscriber,
} from './types.js';

export interface TokenSpec {
  token: string;
  /** OAuth scope names, e.g. `store_v2_customers_read_only`. Default: every scope the simulator knows. */
  scopes?: string[];
  /** Hooks and scripts are visible only to the client that made them. Default: derived from the token. */
  clientId?: string;
  /**
   * The API account's client secret. When set, callbacks to this client's hooks are signed with it (Standard
   * Webhooks headers); without it they are sent unsigned.
   */
  clientSecret?: string;
}

export type StoreEvent = { scope: string; data: Record<string, unknown> };

export class StoreState {
  readonly customers: Table<Customer>;
  readonly subscribers: Table<Subscriber>;
  readonly orders: Table<Order>;
  readonly products: Table<Product>;
  readonly brands = new Table<Brand>();
  readonly categories = new Table<Category>();
  readonly channels = new Table<Channel>();
  readonly currencies = new Table<Currency>();
  readonly attributes = new Table<CustomerAttribute>();
  readonly hooks = new Table<Hook>();
  readonly scripts = new Table<Script>();
  readonly carts = new Map<string, Cart>();
  /** Archived order ids, so the default order list can skip them without generating every order. */
  readonly archivedOrders = new Set<number>();
  readonly select = {
    customers: {} as Selector<Customer>,
    subscribers: {} as Selector<Subscriber>,
    orders: {} as Selector<Order>,
    products: {} as Selector<Product>,
  };
  readonly limiter: FixedWindowLimiter;
  /** The store's own country (`country_code` in `GET /v2/store`); tests set it through options or /__sim/. */
  countryCode = 'US';
  private readonly emailIndex = {
    customers: new Map<string, number>(),
    subscribers: new Map<string, number>(),
  };
  private readonly listeners: Array<(e: StoreEvent) => void> = [];

  constructor(
    readonly hash: string,
    readonly storeId: number,
    readonly tokens: TokenSpec[],
    readonly seed: SeedData,
    readonly now: () => number,
    quota: number,
    windowMs: number,
  ) {
    this.customers = new Table(seed.customers);
    this.subscribers = new Table(seed.subscribers);
    this.orders = new Table(seed.orders);
    this.products = new Table(seed.products);
    this.select = {
      customers: new Selector(this.customers),
      subscribers: new Selector(this.subscribers),
      orders: new Selector(this.orders),
      products: new Selector(this.products),
    };
    for (const b of seed.brands) this.brands.put(b);
    for (const c of seed.categories) this.categories.put(c);
    for (const c of seed.channels) this.channels.put(c);
    for (const c of seed.currencies) this.currencies.put(c);
    for (const a of seed.attributes) this.attributes.put(a);
    this.applyLaterChanges();
    this.limiter = new FixedWindowLimiter(quota, windowMs, now);
  }

  onEvent(fn: (e: StoreEvent) => void): void {
    this.listeners.push(fn);
  }

  emit(scope: string, data: Record<string, unknown>): void {
    for (const fn of this.listeners) fn({ scope, data });
  }

  /** Seconds precision, as the API reports. */
  stamp(): number {
    return Math.floor(this.now() / 1000) * 1000;
  }

  // ---- customers ----
  customerByEmail(email: string): Customer | undefined {
    const e = email.toLowerCase();
    const id = this.emailIndex.customers.get(e) ?? idFromSeededEmail(e);
    const c = id === undefined ? undefined : this.customers.get(id);
    return c && c.email.toLowerCase() === e ? c : undefined;
  }

  putCustomer(c: Customer, event: 'created' | 'updated'): Customer {
    const prev = this.customers.get(c.id);
    if (prev) this.emailIndex.customers.delete(prev.email.toLowerCase());
    this.customers.put(c);
    this.emailIndex.customers.set(c.email.toLowerCase(), c.id);
    this.emit(`store/customer/${event}`, { type: 'customer', id: c.id });
    return c;
  }

  deleteCustomer(id: number): boolean {
    const prev = this.customers.get(id);
    if (!prev || !this.customers.remove(id)) return false;
    this.emailIndex.customers.delete(prev.email.toLowerCase());
    this.emit('store/customer/deleted', { type: 'customer', id });
    return true;
  }

  // ---- subscribers ----
  subscriberByEmail(email: string): Subscriber | undefined {
    const e = email.toLowerCase();
    const indexed = this.emailIndex.subscribers.get(e);
    if (indexed !== undefined) {
      const s = this.subscribers.get(indexed);
      if (s && s.email.toLowerCase() === e) return s;
    }
    const id = subscriberIdFromEmail(e);
    const s = id === undefined ? undefined : this.subscribers.get(id);
    return s && s.email.toLowerCase() === e ? s : undefined;
  }

  putSubscriber(s: Subscriber, event: 'created' | 'updated'): Subscriber {
    const prev = this.subscribers.get(s.id);
    if (prev) this.emailIndex.subscribers.delete(prev.email.toLowerCase());
    this.subscribers.put(s);
    this.emailIndex.subscribers.set(s.email.toLowerCase(), s.id);
    this.emit(`store/subscriber/${event}`, { type: 'subscriber', id: s.id });
    return s;
  }

  deleteSubscriber(id: number): boolean {
    const prev = this.subscribers.get(id);
    if (!prev || !this.subscribers.remove(id)) return false;
    this.emailIndex.subscribers.delete(prev.email.toLowerCase());
    this.emit('store/subscriber/deleted', { type: 'subscriber', id });
    return true;
  }

  // ---- orders ----
  putOrder(o: Order, event: 'created' | 'updated'): Order {
    const prev = this.orders.get(o.id);
    this.orders.put(o);
    if (o.is_deleted) this.archivedOrders.add(o.id);
    else this.archivedOrders.delete(o.id);
    this.emit(`store/order/${event}`, { type: 'order', id: o.id });
    if (prev && prev.status_id !== o.status_id) {
      this.emit('store/order/statusUpdated', {
        type: 'order',
        id: o.id,
        status: { previous_status_id: prev.status_id, new_status_id: o.status_id },
      });
    }
    return o;
  }

  archiveOrder(id: number): boolean {
    const o = this.orders.get(id);
    if (!o || o.is_deleted) return false;
    this.orders.put({ ...o, is_deleted: true, date_modified: this.stamp() });
    this.archivedOrders.add(id);
    this.emit('store/order/archived', { type: 'order', id });
    return true;
  }

  // ---- products ----
  putProduct(p: Product, event: 'created' | 'updated'): Product {
    this.products.put(p);
    this.emit(`store/product/${event}`, { type: 'product', id: p.id });
    return p;
  }

  deleteProduct(id: number): boolean {
    if (!this.products.remove(id)) return false;
    this.emit('store/product/deleted', { type: 'product', id });
    return true;
  }

  // ---- carts (no list API: visible only through webhooks and /__sim/) ----
  putCart(cart: Cart, event: 'created' | 'updated' | 'abandoned' | 'converted' | 'deleted'): Cart {
    this.carts.set(cart.id, cart);
    const data: Record<string, unknown> = { type: 'cart', id: cart.id };
    if (event === 'converted') data['orderId'] = cart.order_id;
    this.emit(`store/cart/${event}`, data);
    // BigCommerce fires cart/updated along with cart/created.
    if (event === 'created') this.emit('store/cart/updated', { type: 'cart', id: cart.id });
    if (event === 'converted' || event === 'deleted') this.carts.delete(cart.id);
    return cart;
  }

  counts(): Record<string, number> {
    const carts = [...this.carts.values()];
    return {
      customers: this.customers.size,
      subscribers: this.subscribers.size,
      orders: this.orders.size,
      products: this.products.size,
      brands: this.brands.size,
      categories: this.categories.size,
      channels: this.channels.size,
      currencies: this.currencies.size,
      hooks: this.hooks.size,
      scripts: this.scripts.size,
      carts: carts.length,
      abandonedCarts: carts.filter((c) => c.state === 'abandoned').length,
    };
  }

  /**
   * A small share of seeded records was changed again late in the span, so date_modified order differs from
   * id order the way it does in a real store. Done without events: this is history, not live activity.
   */
  private applyLaterChanges(): void {
    const rate = this.seed.laterChangeRate;
    if (rate <= 0) return;
    const threshold = Math.floor(rate * 4294967296);
    const late = <T extends { id: number; date_modified: number }>(
      table: Table<T>,
      base: BaseSource<T>,
      kind: number,
    ) => {
      for (let id = 1; id <= base.count; id++) {
        const h = mix(this.seed.seed, kind, id);
        if (h >= threshold) continue;
        const was = base.dateModifiedAt(id);
        const dm = Math.floor((was + (mix(h, 7) / 4294967296) * (this.seed.end - was)) / 1000) * 1000;
        table.retime(id, dm);
      }
    };
    late(this.customers, this.seed.customers, 901);
    late(this.orders, this.seed.orders, 902);
    late(this.subscribers, this.seed.subscribers, 903);
  }
}

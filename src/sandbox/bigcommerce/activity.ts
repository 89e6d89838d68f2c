// Runs in: Node (simulators, demo workspace). Owns: the shopper-activity driver: seeded, clock-driven
// creates, updates and deletes of customers, subscribers, orders and carts. Carts exist only through the
// store/cart/* webhooks (created, updated, abandoned after an idle hour, converted into an order).
import { Rng, uuidFrom } from './rng.js';
import { buildOrder } from './routes/order-input.js';
import type { StoreState } from './store.js';
import type { Cart, Customer } from './types.js';
import { FIRST_NAMES, LAST_NAMES, asciiSlug } from './seed/words.js';

export interface ActivityOptions {
  seed?: number;
  /** Idle time before a cart is abandoned (BigCommerce: at least one hour). Default 3,600,000 ms. */
  abandonAfterMs?: number;
}

export type ActivityKind =
  | 'customer.created'
  | 'customer.updated'
  | 'customer.deleted'
  | 'subscriber.created'
  | 'subscriber.updated'
  | 'subscriber.deleted'
  | 'order.created'
  | 'order.statusUpdated'
  | 'cart.created'
  | 'cart.updated'
  | 'cart.abandoned'
  | 'cart.converted';

export interface ActivityEvent {
  kind: ActivityKind;
  id: number | string;
}

const WEIGHTS: Array<[ActivityKind, number]> = [
  ['customer.created', 10],
  ['customer.updated', 12],
  ['customer.deleted', 1],
  ['subscriber.created', 6],
  ['subscriber.updated', 5],
  ['subscriber.deleted', 1],
  ['order.created', 6],
  ['order.statusUpdated', 8],
  ['cart.created', 12],
  ['cart.updated', 10],
  ['cart.converted', 6],
];

export class ShopperActivity {
  private readonly rng: Rng;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: StoreState,
    private readonly opts: ActivityOptions = {},
  ) {
    this.rng = new Rng(opts.seed ?? 7);
  }

  /** Performs `n` actions, then abandons carts idle for too long. */
  step(n = 1): ActivityEvent[] {
    const out: ActivityEvent[] = [];
    for (let i = 0; i < n; i++) {
      const e = this.act(this.pickKind());
      if (e) out.push(e);
    }
    return [...out, ...this.abandonIdleCarts()];
  }

  abandonIdleCarts(): ActivityEvent[] {
    const limit = this.opts.abandonAfterMs ?? 3_600_000;
    const out: ActivityEvent[] = [];
    for (const cart of [...this.store.carts.values()]) {
      if (cart.state === 'active' && this.store.now() - cart.updated >= limit) {
        this.store.putCart({ ...cart, state: 'abandoned' }, 'abandoned');
        out.push({ kind: 'cart.abandoned', id: cart.id });
      }
    }
    return out;
  }

  /** Runs `step()` every `intervalMs` until `stop()` (the demo workspace's live store). */
  start(intervalMs: number, perTick = 1): void {
    this.stop();
    this.timer = setInterval(() => this.step(perTick), intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private pickKind(): ActivityKind {
    const total = WEIGHTS.reduce((s, [, w]) => s + w, 0);
    let r = this.rng.next() * total;
    for (const [k, w] of WEIGHTS) if ((r -= w) < 0) return k;
    return 'customer.updated';
  }

  /** A random existing id from a table (retries a few times when it hits a deleted record). */
  private someId(table: { nextId(): number; has(id: number): boolean }): number | undefined {
    for (let i = 0; i < 8; i++) {
      const id = this.rng.int(1, Math.max(1, table.nextId() - 1));
      if (table.has(id)) return id;
    }
    return undefined;
  }

  private act(kind: ActivityKind): ActivityEvent | undefined {
    const s = this.store;
    const now = s.stamp();
    switch (kind) {
      case 'customer.created': {
        const first = this.rng.pick(FIRST_NAMES);
        const last = this.rng.pick(LAST_NAMES);
        const id = s.customers.nextId();
        const c: Customer = {
          id,
          email: `${asciiSlug(first)}.${asciiSlug(last)}.new${id}@example.net`,
          first_name: first,
          last_name: last,
          company: '',
          phone: '',
          notes: '',
          tax_exempt_category: '',
          registration_ip_address: '192.0.2.10',
          customer_group_id: 0,
          date_created: now,
          date_modified: now,
          origin_channel_id: 1,
          channel_ids: null,
          accepts_product_review_abandoned_cart_emails: this.rng.chance(0.5),
          force_password_reset: false,
          store_credit: 0,
          addresses: [],
          attributes: [],
          form_fields: [],
          consent: { allow: ['essential'], deny: [] },
        };
        s.putCustomer(c, 'created');
        return { kind, id };
      }
      case 'customer.updated': {
        const id = this.someId(s.customers);
        const c = id === undefined ? undefined : s.customers.get(id);
        if (!c) return undefined;
        s.putCustomer(
          {
            ...c,
            phone: `+1 555 ${this.rng.int(1000000, 9999999)}`,
            accepts_product_review_abandoned_cart_emails: !c.accepts_product_review_abandoned_cart_emails,
            date_modified: now,
          },
          'updated',
        );
        return { kind, id: c.id };
      }
      case 'customer.deleted': {
        const id = this.someId(s.customers);
        return id !== undefined && s.deleteCustomer(id) ? { kind, id } : undefined;
      }
      case 'subscriber.created': {
        const id = s.subscribers.nextId();
        const first = this.rng.pick(FIRST_NAMES);
        s.putSubscriber(
          {
            id,
            email: `${asciiSlug(first)}.signup${id}@example.net`,
            first_name: first,
            last_name: '',
            source: 'storefront',
            order_id: null,
            channel_id: 1,
            consents: ['marketing_newsletter'],
            date_created: now,
            date_modified: now,
          },
          'created',
        );
        return { kind, id };
      }
      case 'subscriber.updated': {
        const id = this.someId(s.subscribers);
        const sub = id === undefined ? undefined : s.subscribers.get(id);
        if (!sub) return undefined;
        s.putSubscriber(
          { ...sub, consents: sub.consents.length ? [] : ['marketing_newsletter'], date_modified: now },
          'updated',
        );
        return { kind, id: sub.id };
      }
      case 'subscriber.deleted': {
        const id = this.someId(s.subscribers);
        return id !== undefined && s.deleteSubscriber(id) ? { kind, id } : undefined;
      }
      case 'order.created':
        return this.newOrder(0, null);
      case 'order.statusUpdated': {
        const id = this.someId(s.orders);
        const o = id === undefined ? undefined : s.orders.get(id);
        if (!o) return undefined;
        s.putOrder({ ...o, status_id: o.status_id === 11 ? 2 : 11, date_modified: now }, 'updated');
        return { kind, id: o.id };
      }
      case 'cart.created': {
        const cid = this.rng.chance(0.5) ? this.someId(s.customers) : undefined;
        const c = cid === undefined ? undefined : s.customers.get(cid);
        const id = uuidFrom(this.rng);
        const cart: Cart = {
          id,
          customer_id: c?.id ?? 0,
          channel_id: 1,
          email: c?.email ?? '',
          currency: 'USD',
          lines: [],
          created: now,
          updated: now,
          state: 'active',
          cart_url: `https://${s.hash}.example-store.com/cart.php?action=load&id=${id}&token=${uuidFrom(this.rng).slice(0, 8)}`,
        };
        this.addLine(cart);
        s.putCart(cart, 'created');
        return { kind, id };
      }
      case 'cart.updated': {
        const cart = this.someCart();
        if (!cart) return undefined;
        const next = { ...cart, lines: [...cart.lines], updated: now };
        this.addLine(next);
        s.putCart(next, 'updated');
        return { kind, id: cart.id };
      }
      case 'cart.converted': {
        const cart = this.someCart();
        if (!cart) return undefined;
        const e = this.newOrder(cart.customer_id, cart);
        if (!e) return undefined;
        s.putCart({ ...cart, state: 'converted', order_id: e.id as number, updated: now }, 'converted');
        return { kind, id: cart.id };
      }
      default:
        return undefined;
    }
  }

  private someCart(): Cart | undefined {
    const active = [...this.store.carts.values()].filter((c) => c.state === 'active');
    return active.length ? this.rng.pick(active) : undefined;
  }

  private addLine(cart: Cart): void {
    const pid = this.someId(this.store.products);
    const p = pid === undefined ? undefined : this.store.products.get(pid);
    if (p)
      cart.lines.push({
        product_id: p.id,
        variant_id: p.variants[0]!.id,
        quantity: this.rng.int(1, 3),
        price: p.price,
        name: p.name,
      });
  }

  private newOrder(customerId: number, cart: Cart | null): ActivityEvent | undefined {
    const s = this.store;
    const c = customerId ? s.customers.get(customerId) : undefined;
    const lines = cart?.lines.length
      ? cart.lines.map((l) => ({ productId: l.product_id, quantity: l.quantity }))
      : [];
    if (!lines.length) {
      const pid = this.someId(s.products);
      if (pid === undefined) return undefined;
      lines.push({ productId: pid, quantity: 1 });
    }
    const first = c?.first_name ?? this.rng.pick(FIRST_NAMES);
    const order = buildOrder(s, {
      customerId: c?.id ?? 0,
      statusId: this.rng.chance(0.1) ? 0 : 11,
      billing: {
        first_name: first,
        last_name: c?.last_name ?? this.rng.pick(LAST_NAMES),
        email: c?.email ?? `${asciiSlug(first)}.guest${s.orders.nextId()}@example.net`,
      },
      lines,
      cartId: cart?.id ?? null,
    });
    if (typeof order === 'string') return undefined;
    s.putOrder(order, 'created');
    return { kind: 'order.created', id: order.id };
  }
}

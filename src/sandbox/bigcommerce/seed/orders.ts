// Runs in: Node (simulators). Owns: generating seeded order N: guest or customer, any status, channel and
// currency, with line items drawn from the seeded catalog.
import { Rng, mix, uuidFrom } from '../rng.js';
import type { BaseSource } from '../table.js';
import type { Currency, Customer, Order, PostalAddress, Product } from '../types.js';
import { customerHasOrders } from './customers.js';
import { createdAt, modifiedAt, type Timeline } from './timeline.js';
import { asciiSlug, CITIES, FIRST_NAMES, LAST_NAMES, STREETS } from './words.js';

export interface OrderSeedDeps {
  customerCount: number;
  productCount: number;
  customer: (id: number) => Customer;
  product: (id: number) => Product;
  currencies: Currency[];
  channelIds: number[];
}

export function orderSource(seed: number, t: Timeline, deps: OrderSeedDeps): BaseSource<Order> {
  return {
    count: t.count,
    dateModifiedAt: (id) => modifiedAt(t, id),
    at(id) {
      const rng = new Rng(mix(seed, 31, id));
      let customerId = deps.customerCount > 1 && !rng.chance(0.15) ? rng.int(1, deps.customerCount) : 0;
      if (customerId > 0 && !customerHasOrders(customerId)) customerId -= 1;
      const c = customerId > 0 ? deps.customer(customerId) : undefined;
      const first = c?.first_name ?? rng.pick(FIRST_NAMES);
      const last = c?.last_name ?? rng.pick(LAST_NAMES);
      const email = c?.email ?? `${asciiSlug(first)}.guest.${id}@example.net`;
      const [city, state, cc, country] = rng.pick(CITIES);
      const address: PostalAddress = {
        first_name: first,
        last_name: last,
        company: '',
        street_1: `${rng.int(1, 999)} ${rng.pick(STREETS)}`,
        street_2: '',
        city,
        state,
        zip: String(rng.int(10000, 99999)),
        country,
        country_iso2: cc,
        phone: '',
        email,
      };
      const status_id = id % 15 === 0 ? 0 : rng.chance(0.6) ? rng.pick([10, 11, 2]) : rng.int(0, 14);
      const created = createdAt(t, id);
      const currency = rng.chance(0.8) ? deps.currencies[0]! : rng.pick(deps.currencies);
      const lines =
        deps.productCount === 0
          ? []
          : Array.from({ length: rng.int(1, 4) }, (_, k) => {
              const p = deps.product(rng.int(1, deps.productCount));
              const v = rng.pick(p.variants);
              return {
                id: id * 8 + k,
                product_id: p.id,
                variant_id: v.id,
                name: p.name,
                sku: v.sku,
                price: v.price ?? p.price,
                quantity: rng.int(1, 3),
                brand: '',
              };
            });
      return {
        id,
        customer_id: customerId,
        date_created: created,
        date_modified: modifiedAt(t, id),
        date_shipped: [2, 3, 10].includes(status_id) ? created + 86_400_000 : null,
        status_id,
        channel_id: rng.chance(0.8) ? 1 : rng.pick(deps.channelIds),
        currency_code: currency.currency_code,
        currency_id: currency.id,
        exchange_rate: currency.exchange_rate,
        cart_id: status_id === 0 || rng.chance(0.3) ? null : uuidFrom(rng),
        billing_address: {
          ...address,
          form_fields: rng.chance(0.1) ? [{ name: 'Gift note', value: 'Parabéns! 🎉' }] : [],
        },
        shipping_address: address,
        lines,
        shipping_cost: rng.pick([0, 5, 9.99, 15]),
        tax_rate: rng.pick([0, 0.05, 0.1]),
        discount: rng.chance(0.1) ? 5 : 0,
        payment_method: rng.pick(['Credit Card', 'PayPal', 'Pix', 'Cash on Delivery']),
        customer_message: '',
        is_email_opt_in: rng.chance(0.4),
        is_deleted: false,
        ip_address: `198.51.100.${rng.int(1, 254)}`,
        refunded_amount: 0,
      };
    },
  };
}

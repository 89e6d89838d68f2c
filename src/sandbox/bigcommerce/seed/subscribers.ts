// Runs in: Node (simulators). Owns: generating seeded subscriber N: two thirds are customers (same email),
// the rest newsletter-only sign-ups; some have no consent at all, as BigCommerce records checkout subscribers.
import { Rng, mix } from '../rng.js';
import type { BaseSource } from '../table.js';
import type { Customer, Subscriber } from '../types.js';
import { createdAt, modifiedAt, type Timeline } from './timeline.js';
import { asciiSlug, FIRST_NAMES, LAST_NAMES } from './words.js';

export function subscriberSource(
  seed: number,
  t: Timeline,
  deps: { customerCount: number; orderCount: number; customer: (id: number) => Customer },
): BaseSource<Subscriber> {
  return {
    count: t.count,
    dateModifiedAt: (id) => modifiedAt(t, id),
    at(id) {
      const rng = new Rng(mix(seed, 41, id));
      const c = id % 3 !== 0 && id <= deps.customerCount ? deps.customer(id) : undefined;
      const first = c?.first_name ?? rng.pick(FIRST_NAMES);
      const last = c?.last_name ?? rng.pick(LAST_NAMES);
      const source = rng.pick(['storefront', 'order', 'custom'] as const);
      const consents: Subscriber['consents'] = rng.chance(0.15)
        ? []
        : rng.chance(0.5)
          ? ['marketing_newsletter', 'abandoned_cart']
          : ['marketing_newsletter'];
      return {
        id,
        email: c?.email ?? `${asciiSlug(first)}.news.${id}@example.org`,
        first_name: first,
        last_name: last,
        source,
        order_id: source === 'order' && deps.orderCount > 0 ? rng.int(1, deps.orderCount) : null,
        channel_id: rng.chance(0.85) ? 1 : 2,
        consents,
        date_created: createdAt(t, id),
        date_modified: modifiedAt(t, id),
      };
    },
  };
}

/** Seeded newsletter-only emails end in `.news.{id}@example.org`; customer-linked ones reuse the customer email. */
export function subscriberIdFromEmail(email: string): number | undefined {
  const m = /\.(?:news\.)?(\d+)@example\.(?:org|com)$/.exec(email.toLowerCase());
  return m ? Number(m[1]) : undefined;
}

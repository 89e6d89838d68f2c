// Runs in: Node (simulators). Owns: generating seeded customer N (with addresses, attribute values and
// custom form fields of every type) as a pure function of the seed and N.
import { Rng, mix } from '../rng.js';
import type { BaseSource } from '../table.js';
import type { Address, Customer, FormFieldValue } from '../types.js';
import { FORM_FIELDS } from './reference.js';
import { createdAt, modifiedAt, type Timeline } from './timeline.js';
import { asciiSlug, CITIES, FIRST_NAMES, HEARD_FROM, LAST_NAMES, STREETS, TOPICS } from './words.js';

/** Every fifth customer never orders, so "customers without orders" always exist. */
export const customerHasOrders = (id: number): boolean => id % 5 !== 0;

export function customerEmail(first: string, last: string, id: number): string {
  return `${asciiSlug(first)}.${asciiSlug(last)}.${id}@example.com`;
}

/** Seeded emails end in `.{id}@example.com`, so an email finds its record without an index. */
export function idFromSeededEmail(email: string): number | undefined {
  const m = /\.(\d+)@example\.com$/.exec(email.toLowerCase());
  return m ? Number(m[1]) : undefined;
}

export function customerSource(seed: number, t: Timeline, channelIds: number[]): BaseSource<Customer> {
  return {
    count: t.count,
    dateModifiedAt: (id) => modifiedAt(t, id),
    at(id) {
      const rng = new Rng(mix(seed, 11, id));
      let first = rng.pick(FIRST_NAMES);
      let last = rng.pick(LAST_NAMES);
      // Some names sit at the documented 100-character limit, to catch truncation downstream.
      if (id % 97 === 0) last = `${last}-${'Wolfeschlegelsteinhausenbergerdorff'.repeat(3)}`.slice(0, 100);
      if (id % 89 === 0) first = `${first} María-José`;
      const created = createdAt(t, id);
      const modified = modifiedAt(t, id);
      const addresses: Address[] = Array.from({ length: rng.int(0, 3) }, (_, k) => {
        const [city, state, cc, country] = rng.pick(CITIES);
        return {
          id: id * 4 + k,
          customer_id: id,
          first_name: first,
          last_name: last,
          company: '',
          address1: `${rng.int(1, 9999)} ${rng.pick(STREETS)}`,
          address2: rng.chance(0.2) ? `Apt ${rng.int(1, 300)}` : '',
          city,
          state_or_province: state,
          postal_code: String(rng.int(10000, 99999)),
          country_code: cc,
          country,
          phone: `+1 555 ${String(rng.int(0, 9999999)).padStart(7, '0')}`,
          address_type: rng.chance(0.85) ? 'residential' : 'commercial',
        };
      });
      const form_fields: FormFieldValue[] = [];
      for (const def of FORM_FIELDS) {
        if (!rng.chance(0.6)) continue;
        const value: FormFieldValue['value'] =
          def.type === 'text'
            ? `${first.slice(0, 3)}${rng.int(1, 99)}`
            : def.type === 'checkbox'
              ? TOPICS.filter(() => rng.chance(0.5))
              : def.type === 'radio'
                ? rng.pick(HEARD_FROM)
                : def.type === 'date'
                  ? `19${rng.int(50, 99)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`
                  : rng.int(34, 46);
        form_fields.push({ name: def.name, value });
      }
      const attributes = [1, 2, 3]
        .filter(() => rng.chance(0.4))
        .map((attribute_id) => ({
          id: id * 4 + attribute_id,
          attribute_id,
          attribute_value:
            attribute_id === 1
              ? rng.pick(['bronze', 'silver', 'gold'])
              : attribute_id === 2
                ? String(rng.int(0, 5000))
                : new Date(created).toISOString().slice(0, 10),
          customer_id: id,
          date_created: created,
          date_modified: modified,
        }));
      const multi = rng.chance(0.15);
      return {
        id,
        email: customerEmail(first, last, id),
        first_name: first,
        last_name: last,
        company: rng.chance(0.2) ? `${last} Ltda.` : '',
        phone: rng.chance(0.7) ? `+55 11 9${String(rng.int(0, 99999999)).padStart(8, '0')}` : '',
        notes: rng.chance(0.05) ? 'VIP – handle with care' : '',
        tax_exempt_category: '',
        registration_ip_address: rng.chance(0.5) ? `203.0.113.${rng.int(1, 254)}` : '',
        customer_group_id: rng.chance(0.8) ? 0 : rng.int(1, 3),
        date_created: created,
        date_modified: modified,
        origin_channel_id: multi ? rng.pick(channelIds) : 1,
        channel_ids: multi ? [...channelIds] : null,
        accepts_product_review_abandoned_cart_emails: rng.chance(0.6),
        force_password_reset: false,
        store_credit: rng.chance(0.1) ? rng.int(1, 50) : 0,
        addresses,
        attributes,
        form_fields,
        consent: {
          allow: ['essential', ...(rng.chance(0.5) ? ['analytics'] : [])],
          deny: rng.chance(0.3) ? ['targeting'] : [],
        },
      };
    },
  };
}

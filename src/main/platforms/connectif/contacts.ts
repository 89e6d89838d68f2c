// Runs in: main (Electron-free). Owns: the default mapping of BigCommerce customers, subscribers and guest
// buyers to Connectif ContactPatch bodies: name, surname, mobile phone, address custom fields, form fields.
import type { Customer, Subscriber } from '../../bigcommerce/schemas/customers.js';
import type { Order } from '../../bigcommerce/schemas/orders.js';
import type { Json } from './payloads.js';
import type { ConnectifSettings, FormFieldMapping } from './schemas.js';
import { compact, intlPhone, text } from './values.js';

interface Address {
  street?: string;
  city?: string;
  state?: string;
  country?: string;
  zip?: string;
}

const joinStreet = (a?: string | null, b?: string | null): string | undefined =>
  text([a, b].filter((x) => x && x.trim()).join(', '));

/** The ids Connectif's own app fills when custom fields with them exist. */
function addressFields(a: Address | undefined, s: ConnectifSettings): Json {
  if (!s.addressFields || !a) return {};
  return compact({ street: a.street, city: a.city, state: a.state, country: a.country, zip: a.zip });
}

type FormValue = string | number | string[] | null | undefined;

/** One form-field answer in the type of the Connectif custom field it is mapped to. */
export function formValue(m: FormFieldMapping, v: FormValue): unknown {
  if (v === null || v === undefined || v === '') return undefined;
  const list = Array.isArray(v) ? v : [String(v)];
  const asId = (label: string): string => {
    const i = m.options?.indexOf(label) ?? -1;
    return i >= 0 ? String(i) : label;
  };
  switch (m.type) {
    case 'checkbox':
      return list.map(asId);
    case 'radio':
      return list[0] === undefined ? undefined : asId(list[0]);
    case 'number': {
      const n = Number(String(list[0]).replace(',', '.'));
      return Number.isFinite(n) ? n : undefined;
    }
    case 'integer': {
      const n = Number(list[0]);
      return Number.isInteger(n) ? n : undefined;
    }
    case 'boolean':
      return ['1', 'true', 'yes', 'on'].includes(String(list[0]).toLowerCase());
    case 'date': {
      const t = Date.parse(String(list[0]));
      return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
    }
    default:
      return text(list.join(', '), 2000);
  }
}

function formFields(fields: Array<{ name: string; value?: unknown }>, s: ConnectifSettings): Json {
  const out: Json = {};
  for (const m of s.formFields) {
    const f = fields.find((x) => x.name === m.formField);
    const v = f ? formValue(m, f.value as FormValue) : undefined;
    if (v !== undefined) out[m.fieldId] = v;
  }
  return out;
}

export function customerPatch(c: Customer, s: ConnectifSettings): Json {
  const a = c.addresses?.[0];
  const address: Address | undefined = a && {
    street: joinStreet(a.address1, a.address2),
    city: text(a.city),
    state: text(a.state_or_province),
    country: text(a.country),
    zip: text(a.postal_code),
  };
  const forms = [...(c.form_fields ?? []), ...(a?.form_fields ?? [])];
  return compact({
    _name: text(c.first_name),
    _surname: text(c.last_name),
    _mobilePhone: intlPhone(c.phone) ?? intlPhone(a?.phone),
    ...addressFields(address, s),
    ...formFields(forms, s),
  });
}

/** A guest buyer's contact, from the order's billing address (the only place a guest's details are). */
export function guestPatch(o: Order, s: ConnectifSettings): Json {
  const b = o.billing_address;
  const address: Address | undefined = b && {
    street: joinStreet(b.street_1, b.street_2),
    city: text(b.city),
    state: text(b.state),
    country: text(b.country),
    zip: text(b.zip),
  };
  return compact({
    _name: text(b?.first_name),
    _surname: text(b?.last_name),
    _mobilePhone: intlPhone(b?.phone),
    ...addressFields(address, s),
    ...formFields((b?.form_fields ?? []) as Array<{ name: string; value?: unknown }>, s),
  });
}

export type NewsletterIntent = 'subscribed' | 'unsubscribed' | undefined;

/**
 * BigCommerce creates a subscriber row at checkout even without opt-in, so only `marketing_newsletter` in
 * `consents` is a subscription. An empty list is sent as an unsubscribe only live: a historical import never
 * changes consent it cannot date.
 */
export function newsletterIntent(sub: Subscriber, historical: boolean): NewsletterIntent {
  if (sub.consents.includes('marketing_newsletter')) return 'subscribed';
  return historical ? undefined : 'unsubscribed';
}

export function subscriberPatch(sub: Subscriber, intent: NewsletterIntent): Json {
  return compact({
    _name: text(sub.first_name),
    _surname: text(sub.last_name),
    _newsletterSubscriptionStatus: intent,
  });
}

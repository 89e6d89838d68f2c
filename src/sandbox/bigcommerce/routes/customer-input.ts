// Runs in: Node (simulators). Owns: validating customer write bodies (POST create, PUT patch) into records.
import { QueryError } from '../query.js';
import type { Address, Customer, FormFieldValue } from '../types.js';

const str = (v: unknown, max: number): string | undefined =>
  typeof v === 'string' && v.length <= max ? v : undefined;

function fail(at: string, field: string, message: string): never {
  throw new QueryError(422, 'JSON data is missing or invalid', { [`${at}.${field}`]: message });
}

export function customerFromInput(
  item: Record<string, unknown>,
  id: number,
  now: number,
  at: string,
): Customer {
  const email = str(item['email'], 255);
  if (!email || email.length < 3 || !email.includes('@'))
    fail(at, 'email', 'email is required (3-255 characters)');
  const first = str(item['first_name'], 100);
  const last = str(item['last_name'], 100);
  if (!first) fail(at, 'first_name', 'first_name is required (1-100 characters)');
  if (!last) fail(at, 'last_name', 'last_name is required (1-100 characters)');
  const base: Customer = {
    id,
    email,
    first_name: first,
    last_name: last,
    company: '',
    phone: '',
    notes: '',
    tax_exempt_category: '',
    registration_ip_address: '',
    customer_group_id: 0,
    date_created: now,
    date_modified: now,
    origin_channel_id: typeof item['origin_channel_id'] === 'number' ? item['origin_channel_id'] : 1,
    channel_ids: null,
    accepts_product_review_abandoned_cart_emails: false,
    force_password_reset: false,
    store_credit: 0,
    addresses: addressesOf(item['addresses'], id, at),
    attributes: [],
    form_fields: formFieldsOf(item['form_fields'], at),
    consent: { allow: ['essential'], deny: [] },
  };
  return customerPatch(base, item, now, at);
}

/** Applies the writable fields of a PUT item; sub-resources cannot be changed this way. */
export function customerPatch(
  prev: Customer,
  item: Record<string, unknown>,
  now: number,
  at: string,
): Customer {
  const next: Customer = { ...prev, date_modified: now };
  for (const key of [
    'email',
    'first_name',
    'last_name',
    'company',
    'phone',
    'notes',
    'tax_exempt_category',
  ] as const) {
    if (item[key] === undefined) continue;
    const v = str(item[key], key === 'email' ? 255 : key === 'phone' ? 50 : 255);
    if (
      v === undefined ||
      ((key === 'first_name' || key === 'last_name') && (v.length < 1 || v.length > 100))
    )
      fail(at, key, `${key} is invalid`);
    next[key] = v;
  }
  if (item['customer_group_id'] !== undefined) {
    if (!Number.isInteger(item['customer_group_id'])) fail(at, 'customer_group_id', 'must be an integer');
    next.customer_group_id = item['customer_group_id'] as number;
  }
  if (item['accepts_product_review_abandoned_cart_emails'] !== undefined)
    next.accepts_product_review_abandoned_cart_emails =
      item['accepts_product_review_abandoned_cart_emails'] === true;
  if (item['channel_ids'] !== undefined) {
    const ch = item['channel_ids'];
    if (ch !== null && (!Array.isArray(ch) || ch.some((c) => !Number.isInteger(c))))
      fail(at, 'channel_ids', 'must be an array of integers or null');
    next.channel_ids = ch as number[] | null;
  }
  const auth = item['authentication'] as { force_password_reset?: unknown } | undefined;
  if (auth && typeof auth.force_password_reset === 'boolean')
    next.force_password_reset = auth.force_password_reset;
  return next;
}

function addressesOf(v: unknown, customerId: number, at: string): Address[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) fail(at, 'addresses', 'must be an array');
  return (v as Array<Record<string, unknown>>).slice(0, 4).map((a, k) => {
    for (const f of ['first_name', 'last_name', 'address1', 'city', 'country_code'])
      if (typeof a[f] !== 'string') fail(at, `addresses[${k}].${f}`, `${f} is required`);
    const s = (f: string): string => (typeof a[f] === 'string' ? (a[f] as string) : '');
    return {
      id: customerId * 4 + k,
      customer_id: customerId,
      first_name: s('first_name'),
      last_name: s('last_name'),
      company: s('company'),
      address1: s('address1'),
      address2: s('address2'),
      city: s('city'),
      state_or_province: s('state_or_province'),
      postal_code: s('postal_code'),
      country_code: s('country_code'),
      country: s('country') || s('country_code'),
      phone: s('phone'),
      address_type: a['address_type'] === 'commercial' ? 'commercial' : 'residential',
    };
  });
}

function formFieldsOf(v: unknown, at: string): FormFieldValue[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) fail(at, 'form_fields', 'must be an array');
  return (v as Array<Record<string, unknown>>).map((f, k) => {
    if (typeof f['name'] !== 'string') fail(at, `form_fields[${k}].name`, 'name is required');
    return { name: f['name'] as string, value: f['value'] as FormFieldValue['value'] };
  });
}

// Runs in: main (Electron-free). Owns: schemas of v3 customers (with addresses, attributes, form fields),
// consent, form-field values, attributes and subscribers.
import { z } from 'zod';
import { bcDate, bool, id, int, str } from './common.js';

export const formField = z.looseObject({
  name: z.string(),
  value: z.union([z.string(), z.number(), z.array(z.string()), z.null()]).optional(),
  customer_id: int,
  address_id: int,
});

export const customerAddress = z.looseObject({
  id,
  customer_id: int,
  first_name: str,
  last_name: str,
  company: str,
  address1: str,
  address2: str,
  city: str,
  state_or_province: str,
  postal_code: str,
  country_code: str,
  country: str,
  phone: str,
  address_type: str,
  form_fields: z.array(formField).optional(),
});

export const customerAttributeValue = z.looseObject({
  id: int,
  attribute_id: id,
  attribute_value: z.union([z.string(), z.number()]).transform(String),
  customer_id: int,
  date_created: bcDate.optional(),
  date_modified: bcDate.optional(),
});

export const customer = z.looseObject({
  id,
  email: z.string(),
  first_name: str,
  last_name: str,
  company: str,
  phone: str,
  notes: str,
  registration_ip_address: str,
  tax_exempt_category: str,
  customer_group_id: int,
  date_created: bcDate,
  date_modified: bcDate,
  address_count: int,
  attribute_count: int,
  accepts_product_review_abandoned_cart_emails: bool,
  origin_channel_id: int,
  // null means access to every channel, not none.
  channel_ids: z.array(z.number().int()).nullish(),
  addresses: z.array(customerAddress).optional(),
  attributes: z.array(customerAttributeValue).optional(),
  form_fields: z.array(formField).optional(),
  store_credit_amounts: z.array(z.looseObject({ amount: z.number() })).optional(),
});
export type Customer = z.output<typeof customer>;

export const consentCategory = z.enum(['essential', 'functional', 'analytics', 'targeting']);
export const customerConsent = z.looseObject({
  allow: z.array(z.string()).default([]),
  deny: z.array(z.string()).default([]),
  // The API answers the time of the call here, not of the last change.
  updated_at: bcDate.optional(),
});
export type CustomerConsent = z.output<typeof customerConsent>;

export const customerAttribute = z.looseObject({
  id,
  name: z.string(),
  type: z.string(),
  date_created: bcDate.optional(),
  date_modified: bcDate.optional(),
});

export const subscriber = z.looseObject({
  id,
  email: z.string(),
  first_name: str,
  last_name: str,
  source: str,
  order_id: int,
  channel_id: int,
  // An empty array means unsubscribed or never opted in: a checkout creates a row either way.
  consents: z.array(z.string()).default([]),
  date_created: bcDate,
  date_modified: bcDate,
});
export type Subscriber = z.output<typeof subscriber>;

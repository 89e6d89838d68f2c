// Runs in: main (Electron-free). Owns: schemas of v2 store information, /v2/time, v2 currencies, v3 channels,
// v3 scripts and v3 webhooks.
import { z } from 'zod';
import { bcDate, bool, id, int, str } from './common.js';

export const storeInfo = z.looseObject({
  id: z.string(),
  name: z.string(),
  domain: str,
  secure_url: str,
  control_panel_base_url: str,
  admin_email: str,
  currency: str,
  decimal_places: int,
  language: str,
  plan_name: str,
  status: str,
  default_channel_id: int,
  timezone: z
    .looseObject({ name: z.string(), raw_offset: z.number().optional(), dst_offset: z.number().optional() })
    .optional(),
  features: z.looseObject({ multi_storefront_enabled: bool }).optional(),
});
export type StoreInfo = z.output<typeof storeInfo>;

/** /v2/time is unix seconds; kept as epoch ms. */
export const storeTime = z.looseObject({ time: z.number() }).transform((t) => ({ epochMs: t.time * 1000 }));

export const currency = z.looseObject({
  id,
  is_default: bool,
  currency_code: z.string(),
  currency_exchange_rate: z.union([z.string(), z.number()]).transform(String).nullish(),
  name: str,
  enabled: bool,
  is_transactional: bool,
  decimal_places: int,
  token: str,
  last_updated: z.union([z.string(), z.number()]).nullish(),
});
export type Currency = z.output<typeof currency>;

export const channel = z.looseObject({
  id,
  name: z.string(),
  type: str,
  platform: str,
  status: str,
  is_visible: bool,
  date_created: bcDate.optional(),
  date_modified: bcDate.optional(),
});
export type Channel = z.output<typeof channel>;

export const script = z.looseObject({
  uuid: z.string(),
  name: z.string(),
  description: str,
  html: str,
  src: str,
  auto_uninstall: bool,
  load_method: str,
  location: str,
  visibility: str,
  kind: str,
  consent_category: str,
  enabled: bool,
  channel_id: int,
  api_client_id: str,
  date_created: bcDate.optional(),
  date_modified: bcDate.optional(),
});
export type Script = z.output<typeof script>;

export const webhook = z.looseObject({
  id,
  client_id: str,
  store_hash: str,
  scope: z.string(),
  destination: z.string(),
  headers: z.record(z.string(), z.string()).nullish(),
  is_active: z.boolean(),
  // Unix seconds on the wire.
  created_at: bcDate.optional(),
  updated_at: bcDate.optional(),
});
export type Webhook = z.output<typeof webhook>;

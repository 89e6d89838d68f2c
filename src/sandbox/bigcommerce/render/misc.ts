// Runs in: Node (simulators). Owns: the JSON of channels, currencies, webhooks, scripts and store information.
import { isoOffset, isoZ, unixSeconds } from '../dates.js';
import type { StoreState } from '../store.js';
import type { Channel, Currency, Hook, Script } from '../types.js';

export function renderChannel(c: Channel): Record<string, unknown> {
  return {
    id: c.id,
    name: c.name,
    type: c.type,
    platform: c.platform,
    status: c.status,
    external_id: '',
    is_listable_from_ui: true,
    is_visible: true,
    is_enabled: c.status === 'active' || c.status === 'connected',
    date_created: isoZ(c.date_created),
    date_modified: isoZ(c.date_modified),
    icon_url: `https://cdn.example.com/channel-icons/${c.platform}.svg`,
  };
}

export function renderCurrency(c: Currency): Record<string, unknown> {
  return {
    id: c.id,
    is_default: c.is_default,
    last_updated: isoOffset(c.date_modified),
    country_iso2: c.country_iso2,
    default_for_country_codes: [c.country_iso2],
    currency_code: c.currency_code,
    currency_exchange_rate: c.exchange_rate.toFixed(10),
    name: c.name,
    token: c.token,
    auto_update: false,
    decimal_token: c.currency_code === 'USD' || c.currency_code === 'GBP' ? '.' : ',',
    token_location: 'left',
    decimal_places: 2,
    enabled: true,
    is_transactional: c.is_default || c.currency_code === 'EUR',
    thousands_token: c.currency_code === 'USD' || c.currency_code === 'GBP' ? ',' : '.',
    use_default_name: false,
  };
}

export function renderHook(h: Hook, storeHash: string): Record<string, unknown> {
  return {
    id: h.id,
    client_id: h.client_id,
    store_hash: storeHash,
    scope: h.scope,
    destination: h.destination,
    headers: h.headers,
    is_active: h.is_active,
    created_at: unixSeconds(h.created_at),
    updated_at: unixSeconds(h.date_modified),
  };
}

export function renderScript(s: Script): Record<string, unknown> {
  const { id: _id, date_created, date_modified, ...rest } = s;
  return {
    ...rest,
    date_created: isoZ(date_created),
    date_modified: isoZ(date_modified),
    integrity_hashes: [],
  };
}

export function renderStoreInfo(store: StoreState): Record<string, unknown> {
  const domain = `${store.hash}.example-store.com`;
  return {
    id: store.hash,
    account_uuid: '3f1e3a3c-0b1a-4c55-9a0e-' + store.storeId.toString(16).padStart(12, '0'),
    domain,
    secure_url: `https://${domain}`,
    control_panel_base_url: `https://store-${store.hash}.mybigcommerce.com`,
    status: 'live',
    name: `Simulated store ${store.hash}`,
    first_name: 'Ana',
    last_name: 'Owner',
    address: store.countryCode === 'US' ? '100 Market Street, San Francisco' : '100 High Street',
    country: new Intl.DisplayNames(['en'], { type: 'region' }).of(store.countryCode) ?? store.countryCode,
    country_code: store.countryCode,
    infrastructure_region: 'us-central1',
    phone: store.countryCode === 'US' ? '+1 415 555 0000' : '',
    admin_email: `owner@${domain}`,
    order_email: `orders@${domain}`,
    favicon_url: `https://${domain}/favicon.ico`,
    timezone: {
      name: 'UTC',
      raw_offset: 0,
      dst_offset: 0,
      dst_correction: false,
      date_format: { display: 'M jS Y', export: 'M jS Y', extended_display: 'M jS Y @ g:i A' },
    },
    language: 'en',
    currency: 'USD',
    currency_symbol: '$',
    decimal_separator: '.',
    thousands_separator: ',',
    decimal_places: 2,
    currency_symbol_location: 'left',
    weight_units: 'kg',
    dimension_units: 'Centimeters',
    dimension_decimal_places: 2,
    dimension_decimal_token: '.',
    dimension_thousands_token: ',',
    plan_name: 'Standard',
    plan_level: 'Standard',
    plan_is_trial: false,
    industry: 'Retail',
    logo: [],
    is_price_entered_with_tax: false,
    store_id: store.storeId,
    default_channel_id: 1,
    default_site_id: 1000,
    active_comparison_modules: [],
    features: {
      stencil_enabled: true,
      sitewidehttps_enabled: true,
      facebook_catalog_id: '',
      checkout_type: 'optimized',
      wishlists_enabled: true,
      graphql_storefront_api_enabled: true,
      shopper_consent_tracking_enabled: true,
      multi_storefront_enabled: true,
      storefront_limits: { active: 2, total_including_inactive: 3 },
    },
  };
}

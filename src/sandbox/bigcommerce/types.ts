// Runs in: Node (simulators). Owns: the simulator's internal records. Dates are epoch milliseconds here and
// are formatted per API version only when rendered.

export interface Keyed {
  id: number;
  date_modified: number;
}

export interface FormFieldValue {
  name: string;
  value: string | number | string[];
}

export interface Address {
  id: number;
  customer_id: number;
  first_name: string;
  last_name: string;
  company: string;
  address1: string;
  address2: string;
  city: string;
  state_or_province: string;
  postal_code: string;
  country_code: string;
  country: string;
  phone: string;
  address_type: 'residential' | 'commercial';
}

export interface AttributeValue {
  id: number;
  attribute_id: number;
  attribute_value: string;
  customer_id: number;
  date_created: number;
  date_modified: number;
}

export interface Customer extends Keyed {
  email: string;
  first_name: string;
  last_name: string;
  company: string;
  phone: string;
  notes: string;
  tax_exempt_category: string;
  registration_ip_address: string;
  customer_group_id: number;
  date_created: number;
  origin_channel_id: number;
  channel_ids: number[] | null;
  accepts_product_review_abandoned_cart_emails: boolean;
  force_password_reset: boolean;
  store_credit: number;
  addresses: Address[];
  attributes: AttributeValue[];
  form_fields: FormFieldValue[];
  consent: { allow: string[]; deny: string[] };
}

export interface Subscriber extends Keyed {
  email: string;
  first_name: string;
  last_name: string;
  source: 'storefront' | 'order' | 'custom';
  order_id: number | null;
  channel_id: number;
  consents: Array<'marketing_newsletter' | 'abandoned_cart'>;
  date_created: number;
}

export interface OrderLine {
  id: number;
  product_id: number;
  variant_id: number;
  name: string;
  sku: string;
  price: number;
  quantity: number;
  brand: string;
}

export interface PostalAddress {
  first_name: string;
  last_name: string;
  company: string;
  street_1: string;
  street_2: string;
  city: string;
  state: string;
  zip: string;
  country: string;
  country_iso2: string;
  phone: string;
  email: string;
}

export interface Order extends Keyed {
  customer_id: number;
  date_created: number;
  date_shipped: number | null;
  status_id: number;
  channel_id: number;
  currency_code: string;
  currency_id: number;
  exchange_rate: number;
  cart_id: string | null;
  billing_address: PostalAddress & { form_fields: FormFieldValue[] };
  shipping_address: PostalAddress;
  lines: OrderLine[];
  shipping_cost: number;
  tax_rate: number;
  discount: number;
  payment_method: string;
  customer_message: string;
  is_email_opt_in: boolean;
  is_deleted: boolean;
  ip_address: string;
  refunded_amount: number;
}

export interface Variant {
  id: number;
  product_id: number;
  sku: string;
  price: number | null;
  inventory_level: number;
  option_label: string;
}

export interface ProductImage {
  id: number;
  product_id: number;
  is_thumbnail: boolean;
  sort_order: number;
  description: string;
  url: string;
  date_modified: number;
}

export interface Product extends Keyed {
  name: string;
  type: 'physical' | 'digital';
  sku: string;
  description: string;
  weight: number;
  price: number;
  sale_price: number;
  cost_price: number;
  retail_price: number;
  categories: number[];
  brand_id: number;
  inventory_level: number;
  is_visible: boolean;
  is_featured: boolean;
  date_created: number;
  variants: Variant[];
  images: ProductImage[];
  total_sold: number;
}

export interface Brand extends Keyed {
  name: string;
}
export interface Category extends Keyed {
  parent_id: number;
  name: string;
  is_visible: boolean;
  sort_order: number;
}

export interface Channel extends Keyed {
  name: string;
  type: 'storefront' | 'marketplace' | 'marketing' | 'pos';
  platform: string;
  status: 'active' | 'prelaunch' | 'inactive' | 'connected' | 'disconnected';
  date_created: number;
}

export interface Currency extends Keyed {
  currency_code: string;
  name: string;
  token: string;
  exchange_rate: number;
  is_default: boolean;
  country_iso2: string;
}

export interface FormFieldDef {
  name: string;
  type: 'text' | 'checkbox' | 'radio' | 'date' | 'number';
  options?: string[];
}

export interface CustomerAttribute extends Keyed {
  name: string;
  type: 'string' | 'number' | 'date';
  date_created: number;
}

export interface Hook extends Keyed {
  client_id: string;
  scope: string;
  destination: string;
  headers: Record<string, string> | null;
  is_active: boolean;
  created_at: number;
}

export interface Script extends Keyed {
  uuid: string;
  name: string;
  description: string;
  html: string;
  src: string;
  auto_uninstall: boolean;
  load_method: 'default' | 'async' | 'defer';
  location: 'head' | 'footer';
  visibility: 'storefront' | 'all_pages' | 'checkout' | 'order_confirmation';
  kind: 'src' | 'script_tag';
  api_client_id: string;
  consent_category: 'essential' | 'functional' | 'analytics' | 'targeting';
  enabled: boolean;
  channel_id: number;
  date_created: number;
}

export interface Cart {
  id: string;
  customer_id: number;
  channel_id: number;
  email: string;
  currency: string;
  lines: Array<{ product_id: number; variant_id: number; quantity: number; price: number; name: string }>;
  created: number;
  updated: number;
  state: 'active' | 'abandoned' | 'converted' | 'deleted';
  cart_url: string;
  order_id?: number;
}

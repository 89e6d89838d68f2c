// Runs in: main (Electron-free). Owns: schemas of v3 catalog products (with variants and images), brands
// and categories. Prices become 4-place decimal strings like every other amount.
import { z } from 'zod';
import { bcDate, bool, id, int, moneyOpt, str } from './common.js';

const customUrl = z
  .looseObject({ url: z.string().optional(), is_customized: z.boolean().optional() })
  .nullish();

export const productImage = z.looseObject({
  id,
  product_id: int,
  is_thumbnail: bool,
  sort_order: int,
  description: str,
  image_url: str,
  url_zoom: str,
  url_standard: str,
  url_thumbnail: str,
  url_tiny: str,
  date_modified: bcDate.optional(),
});

export const productVariant = z.looseObject({
  id,
  product_id: int,
  sku: str,
  sku_id: int,
  price: moneyOpt,
  sale_price: moneyOpt,
  retail_price: moneyOpt,
  map_price: moneyOpt,
  cost_price: moneyOpt,
  calculated_price: moneyOpt,
  inventory_level: int,
  purchasing_disabled: bool,
  image_url: str,
  upc: str,
  mpn: str,
  gtin: str,
  option_values: z.array(z.looseObject({})).optional(),
});

export const product = z.looseObject({
  id,
  name: z.string(),
  type: str,
  sku: str,
  description: str,
  price: moneyOpt,
  cost_price: moneyOpt,
  retail_price: moneyOpt,
  sale_price: moneyOpt,
  map_price: moneyOpt,
  calculated_price: moneyOpt,
  categories: z.array(z.number().int()).optional(),
  brand_id: int,
  inventory_level: int,
  inventory_tracking: str,
  is_visible: bool,
  availability: str,
  condition: str,
  custom_url: customUrl,
  gtin: str,
  mpn: str,
  upc: str,
  base_variant_id: int,
  date_created: bcDate,
  date_modified: bcDate,
  images: z.array(productImage).optional(),
  primary_image: productImage.nullish(),
  variants: z.array(productVariant).optional(),
});
export type Product = z.output<typeof product>;

export const brand = z.looseObject({
  id,
  name: z.string(),
  page_title: str,
  image_url: str,
  custom_url: customUrl,
});

export const category = z.looseObject({
  id,
  parent_id: int,
  name: z.string(),
  description: str,
  is_visible: bool,
  sort_order: int,
  image_url: str,
  custom_url: customUrl,
});

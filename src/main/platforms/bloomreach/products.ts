// Runs in: main (Electron-free). Owns: the product catalogue: its typed fields (fixed when Bloomreach creates
// the catalogue) and one catalogue item per BigCommerce variant, keyed by the variant id.
import type { Product } from '../../bigcommerce/schemas/catalog.js';
import type { CatalogItem } from './payloads.js';
import { absoluteUrl, num } from './values.js';

/** Bloomreach fixes a catalogue's schema at creation and refuses properties outside it. */
export const catalogFields: Array<{ name: string; type: string; searchable?: boolean }> = [
  { name: 'product_id', type: 'string', searchable: true },
  { name: 'variant_id', type: 'string' },
  { name: 'sku', type: 'string', searchable: true },
  { name: 'title', type: 'string', searchable: true },
  { name: 'description', type: 'long text' },
  { name: 'url', type: 'url' },
  { name: 'image', type: 'url' },
  { name: 'price', type: 'number' },
  { name: 'original_price', type: 'number' },
  { name: 'on_sale', type: 'boolean' },
  { name: 'stock_level', type: 'number' },
  { name: 'active', type: 'boolean' },
  { name: 'brand_id', type: 'string' },
  { name: 'categories_ids', type: 'list' },
  { name: 'rating', type: 'number' },
  { name: 'date_added', type: 'number' },
];

const stripHtml = (html: string | null | undefined): string | undefined =>
  html
    ? html
        .replace(/<[^>]*>/g, '')
        .replace(/\s+/g, ' ')
        .trim() || undefined
    : undefined;

export function catalogItems(p: Product, storeUrl: string): CatalogItem[] {
  const variants = p.variants?.length ? p.variants : [undefined];
  const image = p.primary_image?.url_standard || p.images?.[0]?.url_standard || undefined;
  const rating = num((p as { reviews_rating_sum?: unknown }).reviews_rating_sum);
  const count = num((p as { reviews_count?: unknown }).reviews_count);
  return variants.map((v) => {
    const price =
      num(v?.sale_price) ?? num(v?.calculated_price) ?? num(p.sale_price) ?? num(p.calculated_price);
    const original = num(v?.price) ?? num(p.price);
    const stock = num(v?.inventory_level) ?? num(p.inventory_level);
    const props: Record<string, unknown> = {
      product_id: String(p.id),
      variant_id: v ? String(v.id) : null,
      sku: v?.sku || p.sku || null,
      title: p.name,
      description: stripHtml(p.description) ?? null,
      url: absoluteUrl(storeUrl, p.custom_url?.url) ?? null,
      image: v?.image_url || image || null,
      price: price ?? original ?? null,
      original_price: original ?? null,
      on_sale: price !== undefined && original !== undefined ? price < original : null,
      stock_level: p.inventory_tracking === 'none' ? null : (stock ?? null),
      active: p.is_visible ?? null,
      brand_id: p.brand_id ? String(p.brand_id) : null,
      categories_ids: (p.categories ?? []).map(String),
      rating: rating !== undefined && count ? rating / count : null,
      date_added: p.date_created ? Date.parse(p.date_created) / 1000 : null,
    };
    return { item_id: v ? String(v.id) : `product-${p.id}`, properties: props };
  });
}

// Runs in: main (Electron-free). Owns: a BigCommerce catalog product (with variants) -> one SALESmanago v3
// product, keyed by the BigCommerce product id (the id PURCHASE and CART events list in `products`).
import type { Product } from '../../bigcommerce/schemas/catalog.js';
import type { SalesmanagoSettings } from './schemas.js';

const num = (v: string | number | null | undefined): number | undefined => {
  const n = typeof v === 'number' ? v : Number(v);
  return v === null || v === undefined || v === '' || !Number.isFinite(n) ? undefined : n;
};

/** v3 descriptions are plain text; BigCommerce stores HTML. */
function plain(html: string | null | undefined): string | undefined {
  const t = (html ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return t ? t.slice(0, 2000) : undefined;
}

function absolute(url: string | undefined, s: SalesmanagoSettings): string | undefined {
  if (!url) return undefined;
  if (/^https?:\/\//.test(url)) return url;
  return s.storeUrl ? new URL(url, s.storeUrl).toString() : undefined;
}

export function productFields(p: Product, s: SalesmanagoSettings): Record<string, unknown> {
  const variants = p.variants ?? [];
  const price = num(p.price) ?? num(variants[0]?.price) ?? 0;
  const sale = num(p.sale_price);
  const images = (p.images ?? []).map((i) => i.url_standard ?? i.url_zoom ?? '').filter(Boolean);
  const main = p.primary_image?.url_standard ?? images[0];
  const levels = variants.map((v) => v.inventory_level ?? 0);
  const quantity = variants.length > 0 ? levels.reduce((a, b) => a + b, 0) : (p.inventory_level ?? 0);
  const purchasable = variants.length === 0 || variants.some((v) => !v.purchasing_disabled);
  const tracked = p.inventory_tracking !== undefined && p.inventory_tracking !== 'none';
  const out: Record<string, unknown> = {
    productId: String(p.id),
    name: p.name.slice(0, 255),
    description: plain(p.description),
    productUrl: absolute(p.custom_url?.url, s),
    mainImageUrl: main || undefined,
    imageUrls: images.length ? images : undefined,
    categories: (p.categories ?? []).map(String),
    mainCategory: p.categories?.[0] !== undefined ? String(p.categories[0]) : undefined,
    active: p.is_visible !== false,
    available: p.is_visible !== false && purchasable && (!tracked || quantity > 0),
    quantity: Math.max(0, Math.trunc(quantity)),
    price,
    discountPrice: sale !== undefined && sale > 0 && sale < price ? sale : undefined,
    customDetails: {
      detail1: p.sku ?? '',
      detail2: variants
        .map((v) => v.sku ?? '')
        .filter(Boolean)
        .join(',')
        .slice(0, 255),
      detail3: String(variants.length),
    },
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

// Runs in: main (Electron-free). Owns: the default mapping of BigCommerce catalog products (and, by SKU,
// their variants) to Connectif products: url, name, brand, rating, prices, discount, availability, images,
// related products, category; and the product id rule (BigCommerce id or SKU) shared with purchase lines.
import type { Product } from '../../bigcommerce/schemas/catalog.js';
import type { Json } from './payloads.js';
import type { ConnectifSettings } from './schemas.js';
import { absoluteUrl, amount, compact, text } from './values.js';

type Variant = NonNullable<Product['variants']>[number];
type Image = NonNullable<Product['images']>[number];

/** BigCommerce storefronts answer /products.php?productId=N with the product page. */
export const productPageById = (s: ConnectifSettings, productId: number): string =>
  absoluteUrl(s.storeUrl, `/products.php?productId=${productId}`)!;

export function productUrl(p: Product, s: ConnectifSettings): string {
  return absoluteUrl(s.storeUrl, p.custom_url?.url) ?? productPageById(s, p.id);
}

/** CDN image URLs carry their size (`/images/stencil/500x659/...`); the Products tab chooses it. */
export function sizedImage(url: string | null | undefined, size: { width: number; height: number }) {
  const u = text(url, 2000);
  if (!u) return undefined;
  return u.replace(/\/stencil\/(?:\d+x\d+|original)\//, `/stencil/${size.width}x${size.height}/`);
}

function pickImage(p: Product): Image | undefined {
  const images = p.images ?? [];
  return p.primary_image ?? images.find((i) => i.is_thumbnail) ?? images[0];
}

const stripHtml = (html: string | null | undefined): string | undefined =>
  text(
    (html ?? '')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/\s+/g, ' '),
    10_000,
  );

/** Extra fields BigCommerce sends on v3 products that the client's schema keeps without naming them. */
interface LooseProduct {
  reviews_rating_sum?: number;
  reviews_count?: number;
  related_products?: number[];
  brand_name?: string;
  category_names?: string[];
}

function prices(price: number | undefined, sale: number | undefined, calculated: number | undefined) {
  const unitPrice = sale !== undefined && sale > 0 ? sale : (calculated ?? price ?? 0);
  const original = price !== undefined && price > unitPrice ? price : undefined;
  if (original === undefined) return { unitPrice };
  const off = Math.round((original - unitPrice) * 100) / 100;
  return {
    unitPrice,
    unitPriceOriginal: original,
    discountedAmount: off,
    discountedPercentage: Math.round((off / original) * 10_000) / 100,
  };
}

function stock(tracking: string | null | undefined, level: number | null | undefined, p: Product) {
  const tracked = tracking !== undefined && tracking !== null && tracking !== 'none';
  const out = p.availability === 'disabled' || (tracked && (level ?? 0) <= 0);
  return compact({
    availability: out ? 'outofstock' : 'instock',
    inStockUnits: tracked && level !== null && level !== undefined ? Math.max(0, level) : undefined,
  });
}

function common(p: Product, s: ConnectifSettings): Json {
  const loose = p as Product & LooseProduct;
  const img = pickImage(p);
  const count = loose.reviews_count ?? 0;
  const rating = count > 0 ? Math.round(((loose.reviews_rating_sum ?? 0) / count) * 100) / 100 : undefined;
  return compact({
    name: text(p.name, 500) ?? `Product ${p.id}`,
    productDetailUrl: productUrl(p, s),
    description: stripHtml(p.description),
    brand: text(loose.brand_name),
    categories: loose.category_names?.length ? loose.category_names : undefined,
    imageUrl: sizedImage(img?.url_standard ?? img?.url_zoom, s.imageSize),
    thumbnailUrl: sizedImage(img?.url_thumbnail ?? img?.url_standard, s.thumbnailSize),
    rating: rating === undefined ? undefined : Math.min(5, Math.max(0, rating)),
    ratingCount: count > 0 ? count : undefined,
    relatedExternalProductIds:
      s.productId === 'id' && loose.related_products?.some((r) => r > 0)
        ? loose.related_products.filter((r) => r > 0).map(String)
        : undefined,
    publishedAt: p.date_created,
    isBlacklisted: p.is_visible === false ? true : undefined,
  });
}

/** One Connectif product per BigCommerce product (by id), or per sellable SKU (by SKU). */
export function productBodies(p: Product, s: ConnectifSettings): Array<{ productId: string; body: Json }> {
  const base = common(p, s);
  const productLevel = {
    ...base,
    ...prices(amount(p.price), amount(p.sale_price), amount(p.calculated_price)),
    ...stock(p.inventory_tracking, p.inventory_level, p),
  };
  if (s.productId === 'id') return [{ productId: String(p.id), body: productLevel }];
  const variants = (p.variants ?? []).filter((v): v is Variant & { sku: string } => !!text(v.sku));
  if (variants.length <= 1) {
    const sku = text(variants[0]?.sku) ?? text(p.sku);
    return sku ? [{ productId: sku, body: productLevel }] : [];
  }
  return variants.map((v) => ({
    productId: v.sku.trim(),
    body: compact({
      ...base,
      ...prices(amount(v.price ?? p.price), amount(v.sale_price), amount(v.calculated_price)),
      ...stock(p.inventory_tracking === 'variant' ? 'variant' : p.inventory_tracking, v.inventory_level, p),
      imageUrl: sizedImage(v.image_url, s.imageSize) ?? base['imageUrl'],
      thumbnailUrl: sizedImage(v.image_url, s.thumbnailSize) ?? base['thumbnailUrl'],
    }),
  }));
}

/** The id a purchase line uses for its product, by the same rule as the catalog. */
export function lineProductId(
  line: { product_id?: number | null; sku?: string | null },
  s: ConnectifSettings,
) {
  if (s.productId === 'sku') return text(line.sku) ?? String(line.product_id ?? '');
  return String(line.product_id ?? '');
}

// Runs in: Node (simulators). Owns: the v3 catalog JSON of products (with variants and images), brands and
// categories; money as numbers and `+00:00` ISO dates, as the catalog API reports them.
import { isoOffset } from '../dates.js';
import type { Brand, Category, Product, ProductImage, Variant } from '../types.js';

const slug = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function renderProduct(p: Product, include: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: p.id,
    name: p.name,
    type: p.type,
    sku: p.sku,
    description: p.description,
    weight: p.weight,
    width: 0,
    depth: 0,
    height: 0,
    price: p.price,
    cost_price: p.cost_price,
    retail_price: p.retail_price,
    sale_price: p.sale_price,
    map_price: 0,
    tax_class_id: 0,
    product_tax_code: '',
    calculated_price: p.sale_price > 0 ? p.sale_price : p.price,
    categories: p.categories,
    brand_id: p.brand_id,
    option_set_id: 0,
    option_set_display: 'right',
    inventory_level: p.inventory_level,
    inventory_warning_level: 0,
    inventory_tracking: p.variants.length > 1 ? 'variant' : 'product',
    reviews_rating_sum: 0,
    reviews_count: 0,
    total_sold: p.total_sold,
    fixed_cost_shipping_price: 0,
    is_free_shipping: false,
    is_visible: p.is_visible,
    is_featured: p.is_featured,
    related_products: [-1],
    warranty: '',
    bin_picking_number: '',
    layout_file: 'product.html',
    upc: '',
    mpn: '',
    gtin: '',
    date_last_imported: '',
    search_keywords: '',
    availability: 'available',
    availability_description: '',
    gift_wrapping_options_type: 'any',
    gift_wrapping_options_list: [],
    sort_order: 0,
    condition: 'New',
    is_condition_shown: false,
    order_quantity_minimum: 0,
    order_quantity_maximum: 0,
    page_title: '',
    meta_keywords: [],
    meta_description: '',
    date_created: isoOffset(p.date_created),
    date_modified: isoOffset(p.date_modified),
    view_count: 0,
    preorder_release_date: null,
    preorder_message: '',
    is_preorder_only: false,
    is_price_hidden: false,
    price_hidden_label: '',
    custom_url: { url: `/${slug(p.name)}/`, is_customized: false },
    base_variant_id: p.variants.length === 1 ? p.variants[0]!.id : null,
    open_graph_type: 'product',
    open_graph_title: '',
    open_graph_description: '',
    open_graph_use_meta_description: true,
    open_graph_use_product_name: true,
    open_graph_use_image: true,
  };
  if (include.has('variants')) out['variants'] = p.variants.map((v) => renderVariant(p, v));
  if (include.has('images')) out['images'] = p.images.map(renderImage);
  if (include.has('primary_image') && p.images[0]) out['primary_image'] = renderImage(p.images[0]);
  return out;
}

export function renderVariant(p: Product, v: Variant): Record<string, unknown> {
  const price = v.price ?? p.price;
  return {
    id: v.id,
    product_id: p.id,
    sku: v.sku,
    sku_id: v.id,
    price: v.price,
    calculated_price: p.sale_price > 0 && v.price === null ? p.sale_price : price,
    sale_price: null,
    retail_price: null,
    map_price: null,
    weight: null,
    calculated_weight: p.weight,
    width: null,
    height: null,
    depth: null,
    is_free_shipping: false,
    fixed_cost_shipping_price: null,
    purchasing_disabled: false,
    purchasing_disabled_message: '',
    image_url: '',
    cost_price: null,
    upc: null,
    mpn: null,
    gtin: null,
    inventory_level: v.inventory_level,
    inventory_warning_level: 0,
    bin_picking_number: '',
    option_values:
      p.variants.length > 1
        ? [{ id: v.id, label: v.option_label, option_id: p.id, option_display_name: 'Colour' }]
        : [],
  };
}

export function renderImage(i: ProductImage): Record<string, unknown> {
  return {
    id: i.id,
    product_id: i.product_id,
    is_thumbnail: i.is_thumbnail,
    sort_order: i.sort_order,
    description: i.description,
    image_file: i.url.split('/').slice(-2).join('/'),
    url_zoom: i.url.replace('.jpg', '-1280.jpg'),
    url_standard: i.url.replace('.jpg', '-500.jpg'),
    url_thumbnail: i.url.replace('.jpg', '-220.jpg'),
    url_tiny: i.url.replace('.jpg', '-44.jpg'),
    date_modified: isoOffset(i.date_modified),
  };
}

export function renderBrand(b: Brand): Record<string, unknown> {
  return {
    id: b.id,
    name: b.name,
    page_title: b.name,
    meta_keywords: [],
    meta_description: '',
    search_keywords: '',
    image_url: '',
    custom_url: { url: `/brands/${slug(b.name)}.html`, is_customized: false },
  };
}

export function renderCategory(c: Category): Record<string, unknown> {
  return {
    id: c.id,
    parent_id: c.parent_id,
    name: c.name,
    description: '',
    views: 0,
    sort_order: c.sort_order,
    page_title: '',
    meta_keywords: [],
    meta_description: '',
    layout_file: 'category.html',
    image_url: '',
    is_visible: c.is_visible,
    search_keywords: '',
    default_product_sort: 'use_store_settings',
    custom_url: { url: `/${slug(c.name)}/`, is_customized: false },
  };
}

// Runs in: Node (simulators). Owns: generating seeded product N with variants, images, a brand and categories.
import { Rng, mix } from '../rng.js';
import type { BaseSource } from '../table.js';
import type { Product } from '../types.js';
import { createdAt, modifiedAt, type Timeline } from './timeline.js';
import { ADJECTIVES, COLOURS, NOUNS } from './words.js';

export function productSource(
  seed: number,
  t: Timeline,
  brandCount: number,
  categoryCount: number,
): BaseSource<Product> {
  return {
    count: t.count,
    dateModifiedAt: (id) => modifiedAt(t, id),
    at(id) {
      const rng = new Rng(mix(seed, 21, id));
      const price = rng.int(500, 25000) / 100;
      const onSale = rng.chance(0.2);
      const name = `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)} #${id}`;
      const modified = modifiedAt(t, id);
      const variants = Array.from({ length: rng.int(1, 4) }, (_, k) => ({
        id: id * 10 + k,
        product_id: id,
        sku: `SKU-${id}-${k}`,
        price: k === 0 ? null : Math.round(price * (1 + k * 0.1) * 100) / 100,
        inventory_level: rng.int(0, 200),
        option_label: COLOURS[k % COLOURS.length]!,
      }));
      const images = Array.from({ length: rng.int(0, 3) }, (_, k) => ({
        id: id * 10 + k,
        product_id: id,
        is_thumbnail: k === 0,
        sort_order: k,
        description: `${name} view ${k + 1}`,
        url: `https://cdn.example.com/products/${id}/${k}.jpg`,
        date_modified: modified,
      }));
      const categories = [rng.int(1, Math.max(1, categoryCount))];
      if (categoryCount > 1 && rng.chance(0.3)) categories.push(rng.int(1, categoryCount));
      return {
        id,
        name,
        type: rng.chance(0.9) ? 'physical' : 'digital',
        sku: `SKU-${id}`,
        description: `<p>${name}: made to last.</p>`,
        weight: rng.int(1, 50) / 10,
        price,
        sale_price: onSale ? Math.round(price * 80) / 100 : 0,
        cost_price: Math.round(price * 40) / 100,
        retail_price: 0,
        categories: [...new Set(categories)],
        brand_id: brandCount > 0 && rng.chance(0.8) ? rng.int(1, brandCount) : 0,
        inventory_level: variants.reduce((s, v) => s + v.inventory_level, 0),
        is_visible: rng.chance(0.9),
        is_featured: rng.chance(0.1),
        date_created: createdAt(t, id),
        date_modified: modified,
        variants,
        images,
        total_sold: rng.int(0, 500),
      };
    },
  };
}

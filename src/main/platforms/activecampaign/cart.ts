// Runs in: main (Electron-free). Owns: the cart a `store/cart/*` webhook brings (BigCommerce v3 cart, read
// with include=redirect_urls). The BigCommerce client has no cart schema yet, so the fields used are read here.
import { z } from 'zod';

const item = z.looseObject({
  product_id: z.number(),
  variant_id: z.number().nullish(),
  sku: z.string().nullish(),
  name: z.string(),
  url: z.string().nullish(),
  image_url: z.string().nullish(),
  quantity: z.number(),
  sale_price: z.union([z.number(), z.string()]).nullish(),
  list_price: z.union([z.number(), z.string()]).nullish(),
});

export const bcCart = z.looseObject({
  id: z.string(),
  customer_id: z.number().default(0),
  email: z.string().nullish(),
  currency: z.looseObject({ code: z.string() }).nullish(),
  cart_amount: z.union([z.number(), z.string()]).nullish(),
  discount_amount: z.union([z.number(), z.string()]).nullish(),
  created_time: z.string(),
  updated_time: z.string(),
  line_items: z
    .looseObject({
      physical_items: z.array(item).default([]),
      digital_items: z.array(item).default([]),
    })
    .nullish(),
  redirect_urls: z.looseObject({ cart_url: z.string().nullish() }).nullish(),
  /** When the `store/cart/abandoned` webhook arrived (ISO); else `updated_time` is used. */
  abandoned_at: z.string().nullish(),
  /** First and last name, when the extract joined them from the customer or the checkout. */
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
});
export type BcCart = z.output<typeof bcCart>;

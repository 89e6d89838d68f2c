// Runs in: main (Electron-free). Owns: the v3 cart the client reads when a `store/cart/*` webhook names it (with
// redirect_urls, the recovery link). Loose: unknown fields are staged as BigCommerce sent them.
import { z } from 'zod';

const money = z.union([z.string(), z.number()]).nullish();
const item = z.looseObject({
  product_id: z.number().int().nullish(),
  variant_id: z.number().int().nullish(),
  sku: z.string().nullish(),
  name: z.string().nullish(),
  quantity: z.number().optional(),
  sale_price: money,
  list_price: money,
});

export const cartSchema = z.looseObject({
  id: z.string(),
  customer_id: z.number().int().nullish(),
  email: z.string().nullish(),
  channel_id: z.number().int().nullish(),
  currency: z.looseObject({ code: z.string().optional() }).nullish(),
  cart_amount: money,
  created_time: z.string().nullish(),
  updated_time: z.string().nullish(),
  line_items: z
    .looseObject({ physical_items: z.array(item).optional(), digital_items: z.array(item).optional() })
    .nullish(),
  redirect_urls: z
    .looseObject({ cart_url: z.string().nullish(), checkout_url: z.string().nullish() })
    .nullish(),
});
export type Cart = z.output<typeof cartSchema>;

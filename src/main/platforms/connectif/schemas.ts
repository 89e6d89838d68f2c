// Runs in: main (Electron-free). Owns: the Connectif credentials and settings schemas. Their help text is what
// the connection wizard and the CLI show, so it says where in Connectif each value is found.
import { z } from 'zod';

export const connectifCredentialsSchema = z.object({
  apiKey: z
    .string()
    .trim()
    .regex(/^[^:\s]+:\S+$/, {
      message: 'Paste the whole API key as Connectif copies it: KeyId:KeySecret (with the colon)',
    })
    .describe(
      'API key: in Connectif, Store Settings → API Keys (one Connectif store per BigCommerce channel and ' +
        'currency, each with its own keys) → create a key with the scopes Read/Write Contacts, Read/Write ' +
        'Products, Read/Write Purchases, Exports and, for carts, Custom events; copy it as KeyId:KeySecret.',
    ),
  apiUrl: z
    .url({ message: 'The API address, normally https://api.connectif.cloud' })
    .default('https://api.connectif.cloud')
    .describe('API address. Leave https://api.connectif.cloud unless Connectif support gave you another.'),
});
export type ConnectifCredentials = z.infer<typeof connectifCredentialsSchema>;

const size = z.object({ width: z.number().int().positive(), height: z.number().int().positive() });

export const formFieldMappingSchema = z.object({
  /** The BigCommerce form field's name as the customer sign-up form shows it. */
  formField: z.string().min(1),
  /** The Connectif custom field id (Contacts → Custom fields → the field's id). */
  fieldId: z.string().min(1),
  type: z.enum(['text', 'number', 'integer', 'boolean', 'date', 'checkbox', 'radio']).default('text'),
  /**
   * For checkbox and radio fields: the BigCommerce answer labels in the form's order. Answers are sent as
   * their position from 0 ("0", "1", ...), as Connectif's own app does; without it labels are sent as given.
   */
  options: z.array(z.string()).optional(),
});
export type FormFieldMapping = z.infer<typeof formFieldMappingSchema>;

export const consentCategories = ['essential', 'functional', 'analytics', 'targeting'] as const;

export const connectifSettingsSchema = z.object({
  storeUrl: z
    .url({ message: 'Give the storefront address, e.g. https://shop.example.com' })
    .describe(
      'Storefront address; product and cart links are built on it. It must be one of Connectif’s ' +
        'Authorized Domains (Store Settings → Web), or Connectif refuses products (E0201) and purchases (E0103).',
    ),
  channelId: z
    .number()
    .int()
    .nonnegative()
    .nullable()
    .default(null)
    .describe('Multistore: only this BigCommerce channel’s orders and customers (empty = every channel).'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable()
    .default(null)
    .describe('Multistore: only orders in this currency (ISO code); one Connectif store per currency.'),
  productId: z
    .enum(['id', 'sku'])
    .default('id')
    .describe('Products tab: identify products in Connectif by BigCommerce product id or by SKU.'),
  imageSize: size
    .default({ width: 500, height: 659 })
    .describe('Products tab: size (width x height) of the product image URL sent.'),
  thumbnailSize: size
    .default({ width: 160, height: 160 })
    .describe('Products tab: size (width x height) of the thumbnail URL sent.'),
  purchases: z
    .enum(['online', 'offline'])
    .default('online')
    .describe(
      'Purchases tab: online = recorded as soon as the order is placed; offline = recorded when the ' +
        'order reaches one of the statuses below.',
    ),
  offlineStatusIds: z
    .array(z.number().int())
    .default([2, 10])
    .describe(
      'Offline purchases: BigCommerce order status ids that record the purchase (2 Shipped, 10 Completed).',
    ),
  removeOnStatusIds: z
    .array(z.number().int())
    .default([4, 5])
    .describe(
      'Order statuses that delete the purchase from Connectif (4 Refunded, 5 Cancelled). Empty = never.',
    ),
  includeGuests: z
    .boolean()
    .default(true)
    .describe('Send guest checkouts as contacts keyed by email, with their purchases.'),
  addressFields: z
    .boolean()
    .default(true)
    .describe(
      'Contact data: fill the custom fields street, city, state, country and zip from the first address. ' +
        'Turn off if your Connectif store has no custom fields with those ids.',
    ),
  formFields: z
    .array(formFieldMappingSchema)
    .default([])
    .describe('Customers tab: BigCommerce custom form fields, by name, to Connectif custom field ids.'),
  newsletter: z
    .boolean()
    .default(true)
    .describe(
      'Send BigCommerce newsletter subscriptions. A subscribe never overrides a later unsubscribe made in ' +
        'Connectif; unsubscribes made in Connectif flow back to BigCommerce.',
    ),
  cartEvent: z
    .object({
      alias: z.string().min(1),
      emailField: z.string().min(1).default('email'),
      cartIdField: z.string().min(1).default('cartId'),
      recoveryUrlField: z.string().min(1).default('cartRecoveryUrl'),
      totalPriceField: z.string().min(1).default('totalPrice'),
      totalQuantityField: z.string().min(1).default('totalQuantity'),
      productIdsField: z.string().min(1).default('productIds'),
    })
    .nullable()
    .default(null)
    .describe(
      'Abandoned carts with their recovery URL, sent as a Connectif custom event (Connectif has no cart API; ' +
        'its storefront script tracks carts in the browser). Create a "receive" custom event type with an email ' +
        'primary key and these field ids, and give its alias here; empty = carts are not sent.',
    ),
  tracking: z
    .object({
      enabled: z.boolean().default(false),
      snippet: z.string().default(''),
    })
    .default({ enabled: false, snippet: '' })
    .describe(
      'Store configuration: put the Connectif script on the storefront. Paste the integration code from ' +
        'Connectif (Store Settings → Web → Integration code).',
    ),
  consentCategory: z
    .enum(consentCategories)
    .default('analytics')
    .describe(
      'Data tab: the BigCommerce cookie consent category under which the Connectif script may collect data.',
    ),
  requestsPerMinute: z
    .number()
    .positive()
    .max(100_000)
    .default(100)
    .describe(
      '[UNVERIFIED] Requests per minute per API key. Connectif does not publish its limit (100 is an ' +
        'assumption); its X-RateLimit-* headers are followed whatever this says.',
    ),
  timeoutMs: z.number().int().min(100).max(300_000).default(20_000).describe('Per-request timeout.'),
});
export type ConnectifSettingsInput = z.input<typeof connectifSettingsSchema>;
export type ConnectifSettings = z.infer<typeof connectifSettingsSchema>;

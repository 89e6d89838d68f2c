// Runs in: main (Electron-free). Owns: the Bloomreach Engagement credentials and settings schemas. Their help
// text is what the connection wizard and the CLI show, so it says where in Bloomreach each value is found.
import { z } from 'zod';

export const bloomreachCredentialsSchema = z.object({
  baseUrl: z
    .url({ message: 'The API base URL of your Bloomreach instance, e.g. https://api.exponea.com' })
    .default('https://api.exponea.com')
    .describe(
      'API base URL: in Bloomreach Engagement, Project settings → Access management → API, "API base URL". ' +
        'It depends on your instance (api.exponea.com, api-eu.exponea.com, api-engagement.bloomreach.com, ' +
        'or <yours>-api.bloomreach.co); a wrong one answers "not found" or cannot be reached.',
    ),
  projectToken: z
    .string()
    .trim()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
      message: 'The project token looks like 8f3c2a10-5b7e-11ee-9d2c-0242ac120002',
    })
    .describe('Project token: Project settings → Access management → API, "Project token" (a UUID).'),
  apiKeyId: z
    .string()
    .trim()
    .min(1)
    .describe(
      'API key ID of a private API group: Project settings → Access management → API → Private access → ' +
        'add a key. The group needs Customer properties Set/Get, Events Set/Get (purchase, purchase_item, ' +
        'consent, cart_update, or "New events"), GDPR Anonymize/Export customers and Catalogs permissions.',
    ),
  apiSecret: z
    .string()
    .trim()
    .min(1)
    .describe('API secret of that key: shown once when the key is created (rotate it there if lost).'),
});
export type BloomreachCredentials = z.infer<typeof bloomreachCredentialsSchema>;

export const consentCategories = ['essential', 'functional', 'analytics', 'targeting'] as const;

export const bloomreachSettingsSchema = z.object({
  storeUrl: z
    .url({ message: 'Give the storefront address, e.g. https://shop.example.com' })
    .describe('Storefront address; product links in the catalogue are built on it.'),
  identity: z
    .enum(['single-store', 'multi-store'])
    .default('single-store')
    .describe(
      'Identity policy. single-store (as Bloomreach’s own integration): email_id and customer_id are hard ids. ' +
        'multi-store: several BigCommerce stores share this project, so only email_id is a hard id and the ' +
        'store-scoped customer id goes in the property bc_customer_id_<store>; BigCommerce ids never collide, ' +
        'but a deleted customer can then only be anonymised from the console by email.',
    ),
  idTypes: z
    .object({
      email: z.string().min(1).default('email_id'),
      customer: z.string().min(1).default('customer_id'),
      subscriber: z.string().min(1).default('subscriber_id'),
      cart: z.string().min(1).default('cart_id'),
    })
    .default({ email: 'email_id', customer: 'customer_id', subscriber: 'subscriber_id', cart: 'cart_id' })
    .describe(
      'Customer id types as named in Project settings → Project → Identifiers (email and customer ids hard, ' +
        'subscriber and cart ids soft). Emails are always sent trimmed and lowercased.',
    ),
  newsletterCategory: z
    .string()
    .min(1)
    .default('newsletter')
    .describe(
      'Consent category id for the BigCommerce newsletter: Project settings → Campaigns → Privacy ' +
        'management → Consents, the category "ID" (not its display name).',
    ),
  catalogName: z
    .string()
    .min(1)
    .nullable()
    .default('BigCommerce products')
    .describe(
      'Product catalogue name (Data & Assets → Catalogs). Created with the fields below if missing; ' +
        'empty = products are not sent.',
    ),
  purchaseStatusIds: z
    .array(z.number().int())
    .default([])
    .describe(
      'Order status ids that send a purchase (empty = every status but Incomplete). Each status change ' +
        'of a sent order is tracked as a new purchase event with its purchase_status, as Bloomreach’s integrations do.',
    ),
  includeGuests: z
    .boolean()
    .default(true)
    .describe('Track guest orders as purchases on the profile identified by the billing email.'),
  anonymiseOnDelete: z
    .boolean()
    .default(true)
    .describe(
      'Anonymise the Bloomreach customer when the customer is deleted in BigCommerce (single-store identity).',
    ),
  historicalMarker: z
    .string()
    .min(1)
    .default('bc_historical')
    .describe(
      'Event attribute set to true on history sent by the initial load. Bloomreach tracks it like live data, ' +
        'so add the condition "<attribute> is not true" to scenario triggers to keep them from firing on history.',
    ),
  tracking: z
    .object({ enabled: z.boolean().default(false), snippet: z.string().default('') })
    .default({ enabled: false, snippet: '' })
    .describe(
      'Web tracking: install the Bloomreach web SDK on the storefront. Paste the snippet from Data & ' +
        'Assets → Integrations → JavaScript SDK, or leave it empty to use the standard snippet with this project token.',
    ),
  consentCategory: z
    .enum(consentCategories)
    .default('analytics')
    .describe('The BigCommerce cookie consent category under which the Bloomreach SDK may collect data.'),
  requestsPerMinute: z
    .number()
    .positive()
    .max(100_000)
    .default(3_000)
    .describe(
      'Requests per minute from this computer. Bloomreach allows 6,000 per IP (429 discards the data); ' +
        'half that leaves room for other tools on the same network.',
    ),
  timeoutMs: z.number().int().min(100).max(300_000).default(20_000).describe('Per-request timeout.'),
});
export type BloomreachSettingsInput = z.input<typeof bloomreachSettingsSchema>;
export type BloomreachSettings = z.infer<typeof bloomreachSettingsSchema>;

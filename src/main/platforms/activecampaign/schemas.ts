// Runs in: main (Electron-free). Owns: the ActiveCampaign credentials and settings schemas; their help text
// is what the connection wizard and the CLI show, so it says where in ActiveCampaign each value is found.
import { z } from 'zod';

export const acCredentialsSchema = z.object({
  apiUrl: z
    .url({ message: 'Paste the API URL from Settings → Developer, e.g. https://youraccount.api-us1.com' })
    .describe(
      'API URL: in ActiveCampaign, Settings (gear, bottom left) → Developer → API Access → URL. It looks like ' +
        'https://youraccount.api-us1.com. The address you log in at (youraccount.activehosted.com) is not it.',
    ),
  apiKey: z
    .string()
    .trim()
    .min(1, { message: 'Paste the API key from Settings → Developer' })
    .describe(
      'API key: Settings → Developer → API Access → Key. Every user has their own key and every key of the ' +
        'account shares the same limit of 5 requests per second.',
    ),
});
export type AcCredentials = z.infer<typeof acCredentialsSchema>;

export const fieldMappingSchema = z.object({
  /** `customer.<field>`, `address.<field>`, `form_field:<name>` or `attribute:<id>`. */
  source: z.string().min(1),
  /** The ActiveCampaign custom field id (from the field catalogue). */
  field: z.string().regex(/^\d+$/, { message: 'Pick an ActiveCampaign field' }),
  /** The field's type as the catalogue reported it, so values are written in the format ActiveCampaign takes. */
  type: z.enum(['text', 'date', 'datetime', 'number', 'multi']).default('text'),
});
export type FieldMapping = z.infer<typeof fieldMappingSchema>;

export const acSettingsSchema = z.object({
  storeUrl: z
    .url({ message: 'Give the storefront address, e.g. https://shop.example.com' })
    .describe('Your storefront address; order links and the Deep Data connection point to it.'),
  connectionName: z
    .string()
    .min(1)
    .default('BigCommerce')
    .describe('Name of the e-commerce connection shown in ActiveCampaign (Settings → Integrations).'),
  tag: z
    .string()
    .min(1)
    .refine((t) => !t.includes(','), { message: 'ActiveCampaign tag names may not contain commas' })
    .default('bigcommerce-customer')
    .describe('Tag given to every contact this connection creates or updates.'),
  listName: z
    .string()
    .min(1)
    .default('Master Contact List')
    .describe('List that people who accepted marketing are subscribed to (Contacts → Lists).'),
  createListIfMissing: z
    .boolean()
    .default(true)
    .describe('Create the list when the account has none of that name (its group permission is set too).'),
  listGroupId: z
    .number()
    .int()
    .positive()
    .default(3)
    .describe('[UNVERIFIED] User group given permission on a created list (3 is the Admin group).'),
  includeGuests: z
    .boolean()
    .default(true)
    .describe("Send guest checkouts, keyed by email (ActiveCampaign's own integration skips them)."),
  includeIncompleteOrders: z
    .boolean()
    .default(false)
    .describe('Send orders in the "Incomplete" status (abandoned checkouts BigCommerce records as orders).'),
  deletedCustomers: z
    .enum(['keep', 'remove-ecom-customer'])
    .default('keep')
    .describe(
      'When a customer account is deleted in BigCommerce: keep what was sent, or remove the e-commerce ' +
        'customer record (the contact and its orders stay).',
    ),
  fieldMappings: z
    .array(fieldMappingSchema)
    .default([])
    .describe('Custom contact fields written from BigCommerce customer data (the mapping grid).'),
  requestsPerSecond: z
    .number()
    .positive()
    .max(1000)
    .default(4)
    .describe(
      'Requests per second to spend. ActiveCampaign allows 5 per account, shared by every key and every ' +
        'app; the default keeps one in reserve (timer jitter, verification calls, other tools). Lower it when ' +
        'other tools use the same account.',
    ),
  timeoutMs: z.number().int().min(100).max(300_000).default(30_000).describe('Per-request timeout.'),
});
export type AcSettingsInput = z.input<typeof acSettingsSchema>;
export type AcSettings = z.infer<typeof acSettingsSchema>;

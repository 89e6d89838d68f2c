// Runs in: main (Electron-free). Owns: the SALESmanago credentials and settings (zod, with the help text the
// wizard shows: where in SALESmanago each value is found) and the default property mapping.
import { z } from 'zod';

/** Servers the v2 API lives on (Integration Center > API shows the account's own). */
export const knownServers = ['www', 'app2', 'app3'] as const;

export const salesmanagoCredentialsSchema = z.object({
  clientId: z
    .string()
    .trim()
    .min(1, { message: 'Copy the Client ID from Settings > Integration > API' })
    .describe('Client ID: in SALESmanago go to Settings (gear) > Integration > API; it is the first value.'),
  apiKey: z
    .string()
    .trim()
    .min(1)
    .default('storebridge')
    .describe(
      'API key: any string you choose (SALESmanago only uses it to sign requests). Leave the default unless your administrator gave you one.',
    ),
  apiSecret: z
    .string()
    .trim()
    .min(1, { message: 'Copy the API secret from Settings > Integration > API' })
    .describe('API secret (SHA secret): Settings > Integration > API, under the Client ID. Keep it private.'),
  owner: z
    .string()
    .trim()
    .regex(/^[^\s@]+@[^\s@]+$/, { message: 'The owner is the e-mail of a SALESmanago user of this account' })
    .describe(
      'Contact owner: the e-mail of a user of the account (Settings > Users). New contacts are assigned to them. Verify lists the owners; use Refresh to pick another.',
    ),
  endpoint: z
    .string()
    .trim()
    .min(1)
    .default('www')
    .refine((s) => /^[a-z0-9-]+$/i.test(s) || /^https?:\/\//.test(s), {
      message: 'Give a server name (www, app2, app3) or a full https:// address',
    })
    .describe(
      'Endpoint: the server in the address bar when you are logged in (www, app2, app3), also shown in Settings > Integration > API. A custom endpoint can be a full https:// address. Verify finds the right one if this is wrong.',
    ),
  v3ApiKey: z
    .string()
    .trim()
    .optional()
    .describe(
      'API v3 key, for the product catalogue: Settings > Integration > API > API v3 > Create new key. Keys can expire: create a new one if Verify says it is refused.',
    ),
});
export type SalesmanagoCredentials = z.output<typeof salesmanagoCredentialsSchema>;

/** BigCommerce customer fields the mapping grid offers for SALESmanago contact properties. */
export const sourceFields = [
  'customer_id',
  'customer_group_id',
  'date_created',
  'notes',
  'address2',
  'state',
  'country_code',
] as const;
export type SourceField = (typeof sourceFields)[number];

/** Properties are free-form key/value pairs on a contact; these names are what the plugin family uses. */
export const defaultPropertyMapping: Partial<Record<SourceField, string>> = {
  customer_id: 'bc_customer_id',
  customer_group_id: 'bc_customer_group',
  date_created: 'bc_registered',
};

const tags = z
  .array(z.string().trim().min(1).max(255))
  .default([])
  .transform((t) => t.map((x) => x.toUpperCase().replace(/\s+/g, '_')));

/** How long a CART event keeps being updated before a cart change starts a new one. */
export const cartEventWindows = {
  always_new: 0,
  '15m': 15 * 60_000,
  '1h': 3_600_000,
  '4h': 4 * 3_600_000,
  '12h': 12 * 3_600_000,
  '7d': 7 * 86_400_000,
  always_update: Number.POSITIVE_INFINITY,
} as const;
export type CartEventWindow = keyof typeof cartEventWindows;

const isoDate = z.iso.datetime({ offset: true }).nullable().default(null);

export const salesmanagoSettingsSchema = z
  .object({
    location: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .regex(/^[A-Za-z0-9_.-]+$/, { message: 'Use letters, digits, _ . or -' })
      .describe(
        'Location (e-store id): names this store in SALESmanago events. It must match the location of the product catalogue (Products > Catalogs), or recommendation frames show nothing.',
      ),
    catalogId: z
      .string()
      .trim()
      .min(1)
      .nullable()
      .default(null)
      .describe(
        'Product catalogue (API v3): chosen or created in the wizard. Empty = products are not sent.',
      ),
    shopDomain: z
      .string()
      .trim()
      .default('')
      .describe('Store domain, sent with events (e.g. shop.example.com).'),
    storeUrl: z
      .url()
      .optional()
      .describe('Storefront URL, for product links when BigCommerce gives a path only.'),
    doubleOptIn: z
      .boolean()
      .default(false)
      .describe(
        'Double opt-in: new newsletter subscribers get a confirmation e-mail before they are opted in.',
      ),
    doubleOptInTemplateId: z
      .string()
      .trim()
      .default('')
      .describe('Double opt-in e-mail template id (optional).'),
    doubleOptInAccountId: z
      .string()
      .trim()
      .default('')
      .describe('Double opt-in e-mail account id (optional).'),
    doubleOptInSubject: z.string().trim().default('').describe('Double opt-in e-mail subject (optional).'),
    optInSync: z
      .boolean()
      .default(true)
      .describe(
        'Opt-in consent synchronisation: opt-outs and opt-ins made in SALESmanago come back to BigCommerce. A contact already opted in keeps it.',
      ),
    tagsOnRegistration: tags.describe('Tags added when a customer registers.'),
    tagsOnNewsletter: tags.describe('Tags added when someone subscribes to the newsletter.'),
    tagsOnPurchase: tags.describe('Tags added when a registered customer buys.'),
    tagsOnGuestPurchase: tags.describe('Tags added when a guest buys.'),
    cartEventsNewAfter: z
      .enum(Object.keys(cartEventWindows) as [CartEventWindow, ...CartEventWindow[]])
      .default('12h')
      .describe(
        'Cart updates become new events after: until then a change updates the same CART event. "always_new" makes each change a new event; "always_update" keeps one event per cart.',
      ),
    cookieLifetimeDays: z
      .number()
      .int()
      .min(1)
      .max(3652)
      .default(3652)
      .describe('Monitoring cookie lifetime in days.'),
    ignoredDomains: z
      .string()
      .default('')
      .transform((s) =>
        s
          .split(',')
          .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
          .filter(Boolean),
      )
      .describe('Ignored e-mail domains, comma-separated: contacts on them are never sent.'),
    monitoringCode: z
      .boolean()
      .default(true)
      .describe('Install the SALESmanago monitoring code on the storefront.'),
    monitoringCustomScript: z.boolean().default(false).describe('Monitoring code: allow custom scripts.'),
    monitoringBanners: z.boolean().default(false).describe('Monitoring code: advanced banners.'),
    monitoringPopups: z.boolean().default(false).describe('Monitoring code: pop-ups.'),
    exportTags: tags.describe('Archive export: tags added to every exported contact.'),
    exportContactsFrom: isoDate.describe('Archive export: customers registered from (empty = all).'),
    exportContactsTo: isoDate.describe('Archive export: customers registered until.'),
    exportOrdersFrom: isoDate.describe('Archive export: orders placed from (empty = all).'),
    exportOrdersTo: isoDate.describe('Archive export: orders placed until.'),
    propertyMapping: z
      .partialRecord(z.enum(sourceFields), z.string().trim().min(1).max(255))
      .default(defaultPropertyMapping)
      .describe('BigCommerce field -> SALESmanago contact property. Remove a row to stop syncing it.'),
  })
  .refine(
    (s) =>
      [s.doubleOptInTemplateId, s.doubleOptInAccountId, s.doubleOptInSubject].filter(Boolean).length % 3 ===
      0,
    {
      message: 'Give the double opt-in template id, e-mail account id and subject all three, or none',
      path: ['doubleOptInTemplateId'],
    },
  );
export type SalesmanagoSettings = z.output<typeof salesmanagoSettingsSchema>;
export type SalesmanagoSettingsInput = z.input<typeof salesmanagoSettingsSchema>;

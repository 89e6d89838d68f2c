// Runs everywhere. Owns: the store domain as the contract carries it (no secrets: a hint only).
import { z } from 'zod';

export const storeIdSchema = z.string().uuid({ message: 'Store id must be a UUID' });

export const storeHashSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]{3,32}$/, {
    message: 'Store hash is the short code after /stores/ in your API path (letters and digits only)',
  });

export const storeNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'Give the store a display name' })
  .max(100, { message: 'Keep the display name under 100 characters' });

export const storeSummarySchema = z.object({
  id: storeIdSchema,
  name: z.string(),
  storeHash: z.string(),
  /** Where the API lives; the real BigCommerce host unless this is a simulated (demo) store. */
  apiBaseUrl: z.string().url(),
  /** The token is in the OS keychain; the renderer only learns that it is there and its last characters. */
  credentials: z.object({ configured: z.boolean(), hint: z.string() }),
  demo: z.boolean(),
  createdAt: z.string(),
});
export type StoreSummary = z.infer<typeof storeSummarySchema>;

const accessTokenSchema = z
  .string()
  .trim()
  .min(8, {
    message:
      'Paste the access token of a store-level API account (Settings > API > Store-level API accounts)',
  })
  .max(512);

/**
 * The API account's client secret (shown with its access token when the account is created): BigCommerce signs
 * webhook callbacks with it. Optional; kept in the keychain, never sent back.
 */
export const clientSecretSchema = z
  .string()
  .trim()
  .min(8, {
    message:
      'Paste the client secret shown with the access token when the store-level API account was created (Settings > API > Store-level API accounts)',
  })
  .max(512)
  .regex(/^\S+$/, { message: 'The client secret has no spaces: paste it alone' });

export const addStoreInputSchema = z.object({
  name: storeNameSchema,
  storeHash: storeHashSchema,
  accessToken: accessTokenSchema,
  clientSecret: clientSecretSchema.optional(),
  apiBaseUrl: z
    .string()
    .url({ message: 'API base URL must be a full URL such as https://api.bigcommerce.com' })
    .optional(),
});
export type AddStoreInput = z.infer<typeof addStoreInputSchema>;

export const renameStoreInputSchema = z.object({ id: storeIdSchema, name: storeNameSchema });
export const removeStoreInputSchema = z.object({ id: storeIdSchema });

/** A new token for a store already in the workspace (its API account was rotated or revoked). */
export const updateStoreTokenInputSchema = z.object({ id: storeIdSchema, accessToken: accessTokenSchema });
export const updateStoreTokenOutputSchema = z.object({
  store: storeSummarySchema,
  /** Connections that were held for re-authentication and now run again. */
  resumed: z.array(z.object({ id: z.string(), name: z.string() })),
});

/** Sets the API account's client secret of a store (null clears it): webhook signatures are checked with it. */
export const setStoreClientSecretInputSchema = z.object({
  id: storeIdSchema,
  clientSecret: clientSecretSchema.nullable(),
});
export const setStoreClientSecretOutputSchema = z.object({
  store: storeSummarySchema,
  /** Only whether one is kept: the secret itself never leaves the main process. */
  clientSecret: z.object({ configured: z.boolean() }),
});

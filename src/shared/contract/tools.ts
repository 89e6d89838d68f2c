// Runs everywhere. Owns: the contract shapes of the trust tools: store verification, field mapping and
// templates, diagnostics bundles and workspace transfer. Main re-validates mappings with its full schema.
import { z } from 'zod';

export const verifyCheckShape = z.object({
  id: z.string(),
  label: z.string(),
  ok: z.boolean(),
  detail: z.string(),
  fix: z.string().nullable(),
});

/** The wizard's final "verify the setup": the connector's checks, then (when asked) its round trip. */
export const verifySetupInputSchema = z.object({
  id: z.string().min(1),
  /** Only when the user agreed to what `roundTripWrites` says it writes. */
  roundTrip: z.boolean().default(false),
});

export const setupVerificationSchema = z.object({
  connectionId: z.string(),
  platform: z.string(),
  /** Every check passed (the round trip's included when it ran). */
  ok: z.boolean(),
  checks: z.array(verifyCheckShape),
  roundTrip: z.enum(['passed', 'failed', 'not_run', 'unavailable', 'not_requested']),
  roundTripWrites: z.string().nullable(),
});

export const storeVerificationSchema = z.object({
  ok: z.boolean(),
  store: z
    .object({
      name: z.string(),
      domain: z.string().nullable(),
      currency: z.string().nullable(),
      timezone: z.string().nullable(),
      plan: z.string().nullable(),
    })
    .nullable(),
  channels: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      type: z.string().nullable(),
      status: z.string().nullable(),
    }),
  ),
  currencies: z.array(z.object({ code: z.string(), isDefault: z.boolean(), enabled: z.boolean() })),
  clockSkewMs: z.number().nullable(),
  checks: z.array(verifyCheckShape),
  /** Webhooks when a public URL reaches the console, else polling; `needsWebhooks` lists what polling lacks (carts). */
  realtime: z
    .object({
      mode: z.enum(['webhooks', 'polling']),
      needsWebhooks: z.array(z.string()),
      /** Whether callbacks' signatures are checked: only with the API account's client secret. */
      signatures: z.enum(['verified', 'not_checked']).optional(),
    })
    .optional(),
});

export const mappingEntitySchema = z.enum(['customer', 'order']);

/** The wire shape of a mapping; main parses it with the mapping service's complete schema. */
export const mappingDraftSchema = z.object({
  entity: mappingEntitySchema,
  rows: z.array(
    z.object({
      source: z.string().optional(),
      target: z.string().min(1),
      transforms: z.array(z.record(z.string(), z.unknown())).default([]),
      required: z.boolean().optional(),
    }),
  ),
});

export const connectionEntityInputSchema = z.object({
  connectionId: z.string().min(1),
  entity: mappingEntitySchema,
});

export const diagnosticsPreviewSchema = z.object({
  files: z.array(z.object({ name: z.string(), size: z.number().int(), excerpt: z.string() })),
  personalData: z.enum(['masked', 'included']),
});

export const transferSummarySchema = z.object({
  path: z.string(),
  tables: z.record(z.string(), z.number().int()),
  secrets: z.number().int(),
  replaced: z.array(z.string()).optional(),
});

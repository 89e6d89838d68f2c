// Runs everywhere. Owns: platforms and platform accounts as the contract carries them (credentials go in,
// only a hint comes out).
import { z } from 'zod';

export const platformInfoSchema = z.object({
  platform: z.string(),
  label: z.string(),
  capabilities: z.array(z.string()),
  /** JSON Schema of the credentials and settings (with each field's help text), for generic wizard forms. */
  credentialsSchema: z.unknown(),
  settingsSchema: z.unknown(),
  /** The wizard's warning before a first sync: what it creates on the platform and how that may be billed. */
  createsContacts: z.string().optional(),
  /** What the optional round trip of 'connections:verifySetup' writes, to show before the user agrees. */
  roundTripWrites: z.string().optional(),
});

export const accountSummarySchema = z.object({
  id: z.string(),
  platform: z.string(),
  name: z.string(),
  settings: z.record(z.string(), z.unknown()),
  credentials: z.object({ configured: z.boolean(), hint: z.string() }),
  createdAt: z.string(),
});
export type AccountSummaryShape = z.infer<typeof accountSummarySchema>;

export const addAccountInputSchema = z.object({
  platform: z.string().min(1, { message: 'Choose a platform' }),
  name: z.string().trim().min(1, { message: 'Give the account a name' }).max(100),
  /** Validated by the platform's own credentials schema in main. */
  credentials: z.record(z.string(), z.unknown()).default({}),
  settings: z.record(z.string(), z.unknown()).optional(),
});

export const idInputSchema = z.object({ id: z.string().min(1) });

// Runs in: renderer. Owns: the shapes of the consent channels' answers (the contract carries them as unknown),
// parsed here so a screen never renders a field main did not send.
import { z } from 'zod';

const state = z.enum(['subscribed', 'unsubscribed', 'pending', 'confirmed', 'expired']);
export type ConsentState = z.infer<typeof state>;

export const factSchema = z.object({
  id: z.number().optional(),
  source: z.string(),
  connectionId: z.string().nullable().optional(),
  state,
  mechanism: z.string(),
  actor: z.enum(['person', 'merchant', 'system']),
  explicit: z.boolean(),
  at: z.number(),
});
export type ConsentFact = z.infer<typeof factSchema>;

export const personSchema = z.object({
  email: z.string(),
  storeId: z.string(),
  channel: z.string(),
  effective: z.object({ state: state.or(z.literal('none')), decidedBy: factSchema.optional() }),
  bySource: z.record(
    z.string(),
    z.object({ state, at: z.number(), mechanism: z.string(), explicit: z.boolean() }),
  ),
  facts: z.array(factSchema),
});
export type PersonConsent = z.infer<typeof personSchema>;

export const mismatchSchema = z.object({
  email: z.string(),
  effective: state.or(z.literal('none')),
  decidedBy: z.object({ source: z.string(), mechanism: z.string(), at: z.number() }).nullable(),
  systems: z.array(
    z.object({ system: z.string(), platform: z.string(), state: state.or(z.literal('unknown')) }),
  ),
});
export type Mismatch = z.infer<typeof mismatchSchema>;

export const actionSchema = z.object({
  email: z.string(),
  system: z.string(),
  platform: z.string(),
  to: z.enum(['subscribed', 'unsubscribed']),
  how: z.enum(['bigcommerce_write', 'enqueue_sync', 'no_write_path']),
  detail: z.string(),
});
export type ReconcileAction = z.infer<typeof actionSchema>;

export const applySchema = z.object({
  done: z.array(
    actionSchema.extend({
      outcome: z.enum(['applied', 'unchanged', 'reported', 'failed']),
      error: z.string().optional(),
    }),
  ),
});
export type ApplyResult = z.infer<typeof applySchema>;

export const pullSchema = z.object({
  connectionId: z.string(),
  platform: z.string(),
  facts: z.number(),
  recorded: z.number(),
  error: z.string().optional(),
});

export const impactSchema = z.object({
  connectionId: z.string(),
  people: z.number(),
  created: z.number(),
  subscribed: z.number(),
  stayUnsubscribed: z.number(),
  doubleOptInEmails: z.number(),
  suppressed: z.number(),
  summary: z.string(),
});
export type Impact = z.infer<typeof impactSchema>;

// Runs everywhere. Owns: connections (a store, or some of its channels and currencies, routed to a platform
// account) and their sync state as the contract carries them.
import { z } from 'zod';

export const connectionScopeSchema = z.object({
  channels: z.array(z.number().int().positive()).optional(),
  currencies: z
    .array(z.string().length(3, { message: 'Currencies are 3-letter codes such as EUR' }))
    .optional(),
});

export const connectionSummarySchema = z.object({
  id: z.string(),
  storeId: z.string(),
  accountId: z.string(),
  platform: z.string(),
  name: z.string(),
  scope: connectionScopeSchema,
  settings: z.record(z.string(), z.unknown()),
  mode: z.enum(['continuous', 'off']),
  intervalMs: z.number(),
  paused: z.boolean(),
  /** Why it is held until someone re-authenticates (it is `paused` too); absent when it is not held. */
  heldFor: z.enum(['store_token', 'platform_credentials']).optional(),
  createdAt: z.string(),
});

export const addConnectionInputSchema = z.object({
  storeId: z.string().min(1, { message: 'Choose a store' }),
  accountId: z.string().min(1, { message: 'Choose a platform account' }),
  name: z.string().trim().min(1).max(120).optional(),
  scope: connectionScopeSchema.optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
  mode: z.enum(['continuous', 'off']).optional(),
  intervalMs: z
    .number()
    .int()
    .min(5_000, { message: 'Sync at most every 5 seconds' })
    .max(86_400_000)
    .optional(),
});

export const queueStatsSchema = z.object({
  queued: z.number(),
  leased: z.number(),
  submitted: z.number(),
  dead: z.number(),
  nextRunAt: z.number().nullable(),
});

export const connectionStatusSchema = z.object({
  connectionId: z.string(),
  running: z.boolean(),
  queue: queueStatsSchema,
  destination: z.enum(['online', 'offline', 'probing']),
  lastRunStarted: z.number().nullable(),
  lastRunFinished: z.number().nullable(),
  lastOk: z.number().nullable(),
  lastError: z.string().nullable(),
});

const isoDate = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'Use a date such as 2026-01-31' });

export const syncInputSchema = z.object({
  connectionId: z.string().min(1),
  historical: z.boolean().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  resources: z.array(z.enum(['customers', 'subscribers', 'orders', 'products', 'carts'])).optional(),
});

export const syncSummarySchema = z.object({
  connectionId: z.string(),
  extracted: z.number(),
  queued: z.number(),
  unchanged: z.number(),
  delivered: z.number(),
  /** Jobs put back to try again, rate-limited ones included (as the engine counts them). */
  retried: z.number(),
  /** Of `retried`: refused for the platform's rate limit and waited for it, no attempt spent. */
  rateLimited: z.number().optional(),
  /** Accepted by the platform for processing and not yet confirmed when the run ended (asked again later). */
  awaitingConfirmation: z.number().optional(),
  /** The destination platform as people know it, for sentences such as "awaiting dotdigital's confirmation". */
  platformLabel: z.string().optional(),
  /**
   * Submitted jobs the platform only takes later (e.g. dotdigital's hourly enrolment limit), not counted in
   * `awaitingConfirmation`: how many, the earliest time (epoch ms), and the platform's sentence for them.
   */
  deferred: z.number().optional(),
  deferredUntil: z.number().optional(),
  deferredNote: z.string().optional(),
  dead: z.number(),
  state: z.enum(['drained', 'offline', 'cancelled', 'budget']),
  startedAt: z.number(),
  finishedAt: z.number(),
});

export const syncProgressSchema = z.object({
  connectionId: z.string(),
  phase: z.enum(['extract', 'plan', 'deliver', 'done']),
  staged: z.number().optional(),
  planned: z.number().optional(),
  delivered: z.number().optional(),
  /** While delivering: jobs still waiting, records per second (smoothed), and seconds left at that rate. */
  remaining: z.number().optional(),
  rate: z.number().optional(),
  etaSeconds: z.number().optional(),
  /** While waiting for the platform (`platformLabel`) to confirm what it accepted: how many it has not yet. */
  awaitingConfirmation: z.number().optional(),
  platformLabel: z.string().optional(),
});

export const deadLetterSchema = z.object({
  jobId: z.number(),
  entityType: z.string(),
  entityId: z.string(),
  reason: z.string(),
});

export const replayInputSchema = z.object({
  connectionId: z.string().min(1),
  jobIds: z.array(z.number().int().positive()).optional(),
  entityType: z.string().optional(),
});

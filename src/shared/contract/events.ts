// Runs everywhere. Owns: the event log as the contract carries it.
import { z } from 'zod';

export const eventLevelSchema = z.enum(['debug', 'info', 'warn', 'error']);

export const loggedEventSchema = z.object({
  id: z.number(),
  at: z.number(),
  level: eventLevelSchema,
  type: z.string(),
  message: z.string(),
  storeId: z.string().nullable(),
  connectionId: z.string().nullable(),
  platform: z.string().nullable(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  payload: z.unknown(),
});

/** A row of the console's list: the payload stays in main until the viewer asks for it (`events:get`). */
export const eventSummarySchema = loggedEventSchema
  .omit({ payload: true })
  .extend({ hasPayload: z.boolean() });

export const eventQuerySchema = z.object({
  storeId: z.string().optional(),
  connectionId: z.string().optional(),
  platform: z.string().optional(),
  type: z.string().optional(),
  level: eventLevelSchema.optional(),
  recordType: z.string().optional(),
  recordId: z.string().optional(),
  text: z.string().max(200).optional(),
  beforeId: z.number().int().optional(),
  limit: z.number().int().min(1).max(5000).optional(),
});

export const timelineInputSchema = z.object({ recordType: z.string().min(1), recordId: z.string().min(1) });
export const eventIdInputSchema = z.object({ id: z.number().int().positive() }).strict();

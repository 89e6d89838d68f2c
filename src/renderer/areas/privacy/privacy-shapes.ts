// Runs in: renderer. Owns: the shapes of the privacy channels' answers (erase receipts, access export, the
// audit trail, anonymisation policies), parsed before a screen shows them.
import { z } from 'zod';

export const receiptSchema = z.object({
  system: z.string(),
  connectionId: z.string().nullable(),
  outcome: z.enum(['erased', 'anonymised', 'not_found', 'failed', 'skipped']),
  detail: z.string(),
  at: z.number(),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const eraseSchema = z.object({
  requestId: z.string(),
  subjectHash: z.string(),
  receipts: z.array(receiptSchema),
  local: z.record(z.string(), z.number()),
  exportedFiles: z.array(z.object({ path: z.string(), status: z.enum(['holds', 'unreadable']) })),
  remaining: z.array(z.object({ db: z.string(), table: z.string(), rows: z.number() })),
  walTruncated: z.boolean(),
});
export type EraseOutcome = z.infer<typeof eraseSchema>;

export const accessSchema = z.object({
  email: z.string(),
  generatedAt: z.string(),
  consentFacts: z.array(z.unknown()),
  records: z.array(
    z.object({
      storeId: z.string(),
      resource: z.string(),
      id: z.string(),
      versions: z.array(z.object({ dateModified: z.string(), data: z.unknown() })),
    }),
  ),
  jobs: z.array(z.unknown()),
  deliveries: z.array(z.unknown()),
  events: z.array(z.unknown()),
  suppressed: z.boolean(),
  eraseRequests: z.array(z.unknown()),
});
export type AccessExport = z.infer<typeof accessSchema>;

export const auditSchema = z.array(
  z.object({
    id: z.string(),
    subjectHash: z.string(),
    requestedAt: z.number(),
    completedAt: z.number().nullable(),
    receipts: z.array(receiptSchema),
  }),
);
export type AuditEntry = z.infer<typeof auditSchema>[number];

export const policySchema = z.object({
  id: z.string(),
  name: z.string(),
  storeId: z.string(),
  rule: z.string(),
  olderThanDays: z.number(),
  everyDays: z.number(),
  lastRunAt: z.number().nullable(),
});
export type Policy = z.infer<typeof policySchema>;

export const policyPreviewSchema = z.object({ policy: policySchema, affected: z.array(z.string()) });
export const policyRunSchema = z.object({ policy: policySchema, erased: z.array(eraseSchema) });

export const outcomeColor: Record<Receipt['outcome'], string> = {
  erased: 'green',
  anonymised: 'green',
  not_found: 'gray',
  skipped: 'yellow',
  failed: 'red',
};

// Runs in: main (Electron-free). Owns: the file exporter, the destination with the fewest capabilities:
// staged records as NDJSON or CSV files per store and resource. Appends are not idempotent, so the
// deliveries ledger and the in-doubt check are what keep a record from being written twice.
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Connector, DeliveryJob, JobResult, StagedRecord } from '../../engine/connector.js';
import { appendLines, recoverTail } from './ndjson-writer.js';

export const fileCredentialsSchema = z.object({}).strict();
export const fileSettingsSchema = z.object({
  directory: z.string().min(1, { message: 'Choose the folder the files are written to' }),
  format: z.enum(['ndjson', 'csv']).default('ndjson'),
});
export type FileSettings = z.infer<typeof fileSettingsSchema>;

interface ExportLine {
  _key: string;
  store: string;
  resource: string;
  id: string;
  dateModified: string;
  deleted: boolean;
  historical: boolean;
  data: unknown;
}

const csvHeader = '_key,store,resource,id,date_modified,deleted,historical,data';

export const fileExporter: Connector<z.infer<typeof fileCredentialsSchema>, FileSettings> = {
  platform: 'file',
  label: 'Files (NDJSON / CSV)',
  capabilities: ['contacts', 'subscribers', 'orders', 'products', 'carts'],
  credentialsSchema: fileCredentialsSchema,
  settingsSchema: fileSettingsSchema,
  batchSize: 500,
  rateLimit: (_c, accountId) => ({ scopeKey: `file:${accountId}`, perSecond: 1_000_000, burst: 1_000_000 }),

  async verify(ctx) {
    try {
      mkdirSync(ctx.settings.directory, { recursive: true });
      accessSync(ctx.settings.directory, constants.W_OK);
      return [{ id: 'folder', label: 'Export folder is writable', ok: true, detail: ctx.settings.directory }];
    } catch (err) {
      return [
        {
          id: 'folder',
          label: 'Export folder is writable',
          ok: false,
          detail: String(err),
          fix: `Choose a folder you can write to (${ctx.settings.directory} is not).`,
        },
      ];
    }
  },

  plan(record: StagedRecord) {
    const line: ExportLine = {
      _key: `${record.resource}:${record.id}:${record.dateModified}${record.deleted ? ':deleted' : ''}`,
      store: record.storeId,
      resource: record.resource,
      id: record.id,
      dateModified: record.dateModified,
      deleted: record.deleted,
      historical: record.historical,
      data: record.data ?? null,
    };
    return [
      {
        entityType: record.resource,
        entityId: record.id,
        version: line._key,
        kind: 'upsert',
        priority: record.resource === 'customers' || record.resource === 'subscribers' ? 0 : 1,
        payload: line,
      },
    ];
  },

  async deliver(jobs, ctx) {
    const byFile = new Map<string, DeliveryJob[]>();
    for (const job of jobs) {
      const file = fileFor(ctx.settings, job.payload as ExportLine);
      byFile.set(file, [...(byFile.get(file) ?? []), job]);
    }
    const results: JobResult[] = [];
    for (const [file, group] of byFile) {
      const csv = ctx.settings.format === 'csv';
      const lines = group.map((j) => (csv ? toCsv(j.payload as ExportLine) : JSON.stringify(j.payload)));
      try {
        if (csv && !existsSync(file)) lines.unshift(csvHeader);
        appendLines(file, lines);
        results.push(...group.map((j): JobResult => ({ jobId: j.jobId, outcome: 'ok' })));
      } catch (err) {
        const reason = `Could not write ${file}: ${err instanceof Error ? err.message : String(err)}`;
        results.push(...group.map((j): JobResult => ({ jobId: j.jobId, outcome: 'retryable', reason })));
      }
    }
    return results;
  },

  async resolveInDoubt(jobs, ctx) {
    const verdicts = new Map<number, 'delivered' | 'unknown'>();
    const files = new Map<string, Set<string>>();
    for (const job of jobs) {
      const line = job.payload as ExportLine;
      const file = fileFor(ctx.settings, line);
      let keys = files.get(file);
      if (!keys) files.set(file, (keys = recoverTail(file, (l) => keyOfLine(l, ctx.settings.format))));
      verdicts.set(job.jobId, keys.has(line._key) ? 'delivered' : 'unknown');
    }
    return verdicts;
  },
};

function fileFor(settings: FileSettings, line: ExportLine): string {
  return join(settings.directory, line.store, `${line.resource}.${settings.format}`);
}

function keyOfLine(line: string, format: FileSettings['format']): string | undefined {
  if (format === 'csv') return line.startsWith('_key,') ? undefined : line.slice(0, line.indexOf(','));
  try {
    return (JSON.parse(line) as { _key?: string })._key;
  } catch {
    return undefined;
  }
}

function toCsv(l: ExportLine): string {
  return [
    l._key,
    l.store,
    l.resource,
    l.id,
    l.dateModified,
    String(l.deleted),
    String(l.historical),
    JSON.stringify(l.data),
  ]
    .map(csvCell)
    .join(',');
}

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

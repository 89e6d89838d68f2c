// Runs in: Node (simulators). Owns: /import/bulk_import and /import/info (the asynchronous bulk contact importer).
import { randomUUID } from 'node:crypto';
import type { SimResponse } from '../../kit/index.js';
import { ok, str, type AcRouter, type Ctx } from '../http.js';
import type { BulkImportContact } from '../store.js';

export interface BulkImportHooks {
  /** Returns a 429 when the bulk importer's own per-minute limit is spent, else undefined. */
  limit: (ctx: Ctx, contacts: number) => SimResponse | undefined;
}

const MAX_CONTACTS = 250;
const MAX_BYTES = 399_999;

const refuse = (message: string): SimResponse => ({ status: 400, body: { success: 0, message } });

export function bulkImportRoutes(r: AcRouter, hooks: BulkImportHooks): void {
  r.add('POST', '/import/bulk_import', (req) => {
    const body = (req.body ?? {}) as { contacts?: unknown; exclude_automations?: unknown };
    if (req.rawBody.length > MAX_BYTES)
      return refuse(`The payload is ${req.rawBody.length} bytes; the limit is ${MAX_BYTES}.`);
    if (!Array.isArray(body.contacts) || body.contacts.length === 0)
      return refuse("'contacts' is a required field.");
    if (body.contacts.length > MAX_CONTACTS)
      return refuse(
        `A bulk import takes at most ${MAX_CONTACTS} contacts; this one has ${body.contacts.length}.`,
      );
    const limited = hooks.limit(req.ctx, body.contacts.length);
    if (limited) return limited;
    const batchId = randomUUID();
    req.ctx.store.jobs.set(batchId, {
      batchId,
      createdAt: req.ctx.now(),
      status: 'waiting',
      contacts: body.contacts as BulkImportContact[],
      excludeAutomations: body.exclude_automations === true,
      success: [],
      failure: [],
    });
    return ok({
      success: 1,
      queued_contacts: body.contacts.length,
      batchId,
      message: 'Contact import queued',
    });
  });

  r.add('GET', '/import/info', (req) => {
    const batchId = str(req.query.get('batchId'));
    if (!batchId) return refuse("'batchId' is a required field.");
    const job = req.ctx.store.jobs.get(batchId);
    if (!job) return { status: 404, body: { message: `No Result found for batch with id ${batchId}` } };
    return ok({ status: job.status, success: job.success, failure: job.failure });
  });

  r.add('GET', '/import/bulk_import', (req) => {
    const byDay = (done: boolean): Array<{ forDate: string; batches: string; contacts: string }> => {
      const days = new Map<string, { batches: number; contacts: number }>();
      for (const j of req.ctx.store.jobs.values()) {
        if ((j.status === 'completed' || j.status === 'failed' || j.status === 'interrupted') !== done)
          continue;
        const day = req.ctx.date(j.createdAt).slice(0, 10);
        const d = days.get(day) ?? { batches: 0, contacts: 0 };
        d.batches++;
        d.contacts += j.contacts.length;
        days.set(day, d);
      }
      return [...days].map(([forDate, d]) => ({
        forDate,
        batches: String(d.batches),
        contacts: String(d.contacts),
      }));
    };
    return ok({ outstanding: byDay(false), recentlyCompleted: byDay(true) });
  });
}

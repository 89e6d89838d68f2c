// Runs in: main (Electron-free). Owns: historical sync through dotdigital's bulk imports (v3 contact import,
// v3 Insight import): submit a batch (202, "submitted"), then confirm it by polling, one result per job from
// the import's own per-record failures.
import type { DeliveryJob, JobResult } from '../../engine/connector.js';
import type { Answer } from './client.js';
import { type BatchSender, type Verdict, verdictOf } from './outcome.js';
import type { ContactPayload, InsightPayload } from './payloads.js';
import { contactBody } from './single.js';

export type Results = Map<number, Verdict | { kind: 'submitted'; ref: string } | undefined>;

const lower = (e: string) => e.trim().toLowerCase();

/**
 * One import per merge option (subscriber rows only fill empty fields); a contact that appears twice in one
 * import (a customer who is also a guest) is merged, not sent as a duplicate.
 */
export async function submitContactImport(jobs: DeliveryJob[], s: BatchSender): Promise<Results> {
  const out: Results = new Map();
  for (const fill of [false, true]) {
    const group = jobs.filter((j) => Boolean((j.payload as ContactPayload).fillOnly) === fill);
    if (group.length === 0) continue;
    const merged = new Map<string, ContactPayload>();
    for (const j of group) {
      const p = j.payload as ContactPayload;
      const prev = merged.get(lower(p.email));
      merged.set(
        lower(p.email),
        prev
          ? {
              ...p,
              dataFields: { ...prev.dataFields, ...dropNulls(p.dataFields) },
              lists: [...new Set([...prev.lists, ...p.lists])],
              optInType: prev.optInType === 'unknown' ? p.optInType : prev.optInType,
            }
          : p,
      );
    }
    const contacts = [...merged.values()].map((p) => ({ matchIdentifier: 'email', ...contactBody(p) }));
    const a = await s.send('PUT', '/contacts/v3/import', {
      mergeOption: fill ? 'overwriteIfEmpty' : 'overwrite',
      contacts,
    });
    const r = submitted(
      group,
      a,
      'contacts',
      (b) => (b as { importId?: unknown }).importId,
      `${group.length} contact(s)`,
    );
    r.forEach((v, k) => out.set(k, v));
  }
  return out;
}

function dropNulls<T>(o: Record<string, T | null>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as Record<string, T>;
}

/** One import per collection. Contact records for unknown contacts are skipped by dotdigital: the report says. */
export async function submitInsightImports(jobs: DeliveryJob[], s: BatchSender): Promise<Results> {
  const out: Results = new Map();
  const byCollection = new Map<string, DeliveryJob[]>();
  for (const j of jobs) {
    const p = j.payload as InsightPayload;
    if (p.scope === 'contact' && !p.email) {
      out.set(j.jobId, {
        kind: 'permanent',
        reason: `${p.label}: has no email address, so it belongs to no contact`,
      });
      continue;
    }
    byCollection.set(p.collection, [...(byCollection.get(p.collection) ?? []), j]);
  }
  for (const [collection, group] of byCollection) {
    const first = group[0]!.payload as InsightPayload;
    const records = group.map((j) => {
      const p = j.payload as InsightPayload;
      return {
        key: p.key,
        json: p.json,
        ...(p.scope === 'contact' ? { contactIdentity: { identifier: 'email', value: p.email } } : {}),
      };
    });
    const a = await s.send('PUT', '/insightData/v3/import', {
      collectionName: collection,
      collectionScope: first.scope,
      collectionType: first.type,
      records,
    });
    const r = submitted(
      group,
      a,
      'insight',
      (b) => (b as { importId?: unknown }).importId,
      `${collection} import`,
    );
    for (const [k, v] of r) out.set(k, v);
  }
  return out;
}

function submitted(
  jobs: DeliveryJob[],
  a: Answer | undefined,
  kind: 'contacts' | 'insight',
  idOf: (body: unknown) => unknown,
  what: string,
): Results {
  const out: Results = new Map();
  let v: Verdict | { kind: 'submitted'; ref: string } | undefined;
  if (a) {
    const verdict = verdictOf(a, what);
    const id = a.status === 202 && a.body ? idOf(a.body) : undefined;
    v =
      verdict.kind !== 'ok'
        ? verdict
        : typeof id === 'string'
          ? { kind: 'submitted', ref: `${kind}:${id}` }
          : {
              kind: 'retryable',
              reason: `dotdigital accepted the ${what} without an import id (HTTP ${a.status})`,
            };
  }
  for (const j of jobs) out.set(j.jobId, v);
  return out;
}

interface ContactImportStatus {
  status?: string;
  failures?: Array<{
    identifiers?: { email?: string };
    failures?: Array<{ failureCode?: string; description?: string }>;
  }>;
}
interface InsightImportStatus {
  status?: string;
  failures?: Array<{ key?: string; failureReason?: string }>;
}

const pending = ['NotStarted', 'NotFinished', 'Processing'];
const done = ['Finished', 'Complete'];

/** Results for the submitted jobs of one import; an empty array while it is still running. */
export async function confirmImport(ref: string, jobs: DeliveryJob[], s: BatchSender): Promise<JobResult[]> {
  const [kind, id] = [ref.slice(0, ref.indexOf(':')), ref.slice(ref.indexOf(':') + 1)];
  const path = kind === 'contacts' ? `/contacts/v3/import/${id}` : `/insightData/v3/import/${id}`;
  const a = await s.send('GET', path);
  if (!a) return [];
  const v = verdictOf(a, `import ${id}`);
  if (v.kind === 'retryable' || v.kind === 'rateLimited') return [];
  if (v.kind === 'permanent' || a.malformed)
    // The import is unknown to dotdigital (e.g. expired): send the records again.
    return jobs.map((j) => ({
      jobId: j.jobId,
      outcome: 'retryable',
      reason: `import ${id}: ${v.kind === 'permanent' ? v.reason : 'unreadable status'}`,
    }));
  const status = String((a.body as { status?: unknown }).status);
  if (pending.includes(status)) return [];
  if (!done.includes(status))
    return jobs.map((j) => ({
      jobId: j.jobId,
      outcome: 'retryable',
      reason: `dotdigital import ${id} ended ${status}; the records are sent again`,
    }));
  const failed = new Map<string, string>();
  if (kind === 'contacts')
    for (const f of (a.body as ContactImportStatus).failures ?? []) {
      const e = f.identifiers?.email;
      if (e)
        failed.set(lower(e), (f.failures ?? []).map((x) => `${x.failureCode}: ${x.description}`).join('; '));
    }
  else
    for (const f of (a.body as InsightImportStatus).failures ?? [])
      if (f.key !== undefined) failed.set(f.key, f.failureReason ?? 'rejected');
  return jobs.map((j): JobResult => {
    const p = j.payload as ContactPayload | InsightPayload;
    const why = failed.get(
      kind === 'contacts' ? lower((p as ContactPayload).email) : (p as InsightPayload).key,
    );
    return why === undefined
      ? { jobId: j.jobId, outcome: 'ok' }
      : {
          jobId: j.jobId,
          outcome: 'permanent',
          reason: `${p.label}: dotdigital import rejected it (${why})`,
        };
  });
}

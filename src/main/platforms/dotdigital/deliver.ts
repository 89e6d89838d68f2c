// Runs in: main (Electron-free). Owns: one deliver() batch: history through bulk imports (submitted, then
// confirmed), live changes one call each, deleted customers in one pass, enrolments through the allowance;
// exactly one result per job. Also confirm() of submitted jobs and resolveInDoubt() for enrolments.
import type { ConnectorContext, DeliveryJob, JobResult } from '../../engine/connector.js';
import { DestinationUnreachable } from '../../engine/connector.js';
import type { DotdigitalClient } from './client.js';
import { type EnrolmentAllowance, type EnrolOutcome, runEnrolments } from './enrol.js';
import { confirmImport, type Results, submitContactImport, submitInsightImports } from './imports.js';
import { BatchSender, type Verdict } from './outcome.js';
import type { EnrolPayload, Payload } from './payloads.js';
import type { DotdigitalCredentials, DotdigitalSettings } from './schemas.js';
import { removeDeletedCustomers, sendSingle } from './single.js';

export type Ctx = ConnectorContext<DotdigitalCredentials, DotdigitalSettings>;
export interface DeliverDeps {
  client: DotdigitalClient;
  allowance: EnrolmentAllowance;
}

const WAIT_REF = 'enrol:waiting';
const op = (j: DeliveryJob) => (j.payload as Payload).op;

export async function deliverBatch(jobs: DeliveryJob[], ctx: Ctx, deps: DeliverDeps): Promise<JobResult[]> {
  const s = new BatchSender(deps.client);
  const results: Results = new Map();
  const put = (r: Results | Map<number, Verdict | undefined>) => r.forEach((v, k) => results.set(k, v));

  const imports = jobs.filter((j) => j.historical && (op(j) === 'contact' || op(j) === 'insight'));
  const contactsImport = imports.filter((j) => op(j) === 'contact');
  const insightImport = imports.filter((j) => op(j) === 'insight');
  const deletedCustomers = jobs.filter((j) => op(j) === 'customer-delete');
  const enrolments = jobs.filter((j) => op(j) === 'enrol');
  const singles = jobs.filter(
    (j) => !imports.includes(j) && !deletedCustomers.includes(j) && !enrolments.includes(j),
  );

  if (contactsImport.length > 0) put(await submitContactImport(contactsImport, s));
  if (insightImport.length > 0) put(await submitInsightImports(insightImport, s));
  for (const j of singles) results.set(j.jobId, await sendSingle(j, s));
  if (deletedCustomers.length > 0) put(await removeDeletedCustomers(deletedCustomers, s));
  if (enrolments.length > 0) {
    const user = ctx.credentials.apiUser.toLowerCase();
    const e = await runEnrolments(enrolments, s, deps.allowance, user);
    const wait = waiting(deps.allowance, user);
    e.forEach((v, k) => results.set(k, v?.kind === 'wait' ? wait : v));
  }
  return jobs.map((j) => toResult(j.jobId, results.get(j.jobId) ?? s.skipped()));
}

type Waiting = { kind: 'submitted'; ref: string; notBefore?: number };

/** An enrolment held for the hourly allowance: dotdigital cannot take it before the next call may go. */
const waiting = (allowance: EnrolmentAllowance, user: string): Waiting => ({
  kind: 'submitted',
  ref: WAIT_REF,
  notBefore: allowance.nextAt(user),
});

/** How the engine's summary names held enrolments. */
export const describeDeferred = (count: number, after: string): string =>
  `${count} ${count === 1 ? 'enrolment' : 'enrolments'} deferred by dotdigital's hourly limit, sent after ${after}`;

function toResult(jobId: number, v: Verdict | Waiting | (Verdict & { remoteId?: string })): JobResult {
  switch (v.kind) {
    case 'ok':
      return 'remoteId' in v && v.remoteId
        ? { jobId, outcome: 'ok', remoteId: v.remoteId }
        : { jobId, outcome: 'ok' };
    case 'submitted':
      return v.notBefore !== undefined
        ? { jobId, outcome: 'submitted', ref: v.ref, notBefore: v.notBefore }
        : { jobId, outcome: 'submitted', ref: v.ref };
    case 'rateLimited':
      return { jobId, outcome: 'rateLimited', reason: v.reason, retryAfterMs: v.retryAfterMs };
    case 'retryable':
      return v.retryAfterMs !== undefined
        ? { jobId, outcome: 'retryable', reason: v.reason, retryAfterMs: v.retryAfterMs }
        : { jobId, outcome: 'retryable', reason: v.reason };
    case 'permanent':
      return { jobId, outcome: 'permanent', reason: v.reason };
  }
}

/**
 * Submitted jobs: imports polled by id, waiting enrolments tried again. Imports still pending get no result
 * (they stay submitted); enrolments still held answer `submitted` with when they may go. Never throws: the engine calls this before every drain.
 */
export async function confirmBatch(jobs: DeliveryJob[], ctx: Ctx, deps: DeliverDeps): Promise<JobResult[]> {
  const s = new BatchSender(deps.client);
  const out: JobResult[] = [];
  const byRef = new Map<string, DeliveryJob[]>();
  for (const j of jobs) byRef.set(j.submissionRef ?? '', [...(byRef.get(j.submissionRef ?? '') ?? []), j]);
  try {
    for (const [ref, group] of byRef) {
      if (ref === WAIT_REF) {
        const user = ctx.credentials.apiUser.toLowerCase();
        const e = await runEnrolments(group, s, deps.allowance, user);
        const wait = waiting(deps.allowance, user);
        for (const j of group) {
          const v: EnrolOutcome = e.get(j.jobId);
          // Still held: say again when, as the allowance may have been found spent meanwhile.
          if (v) out.push(toResult(j.jobId, v.kind === 'wait' ? wait : v));
        }
      } else if (ref.startsWith('contacts:') || ref.startsWith('insight:')) {
        out.push(...(await confirmImport(ref, group, s)));
      } else {
        out.push(
          ...group.map((j): JobResult => ({
            jobId: j.jobId,
            outcome: 'retryable',
            reason: `unknown submission ${ref}`,
          })),
        );
      }
    }
  } catch (err) {
    if (!(err instanceof DestinationUnreachable)) throw err;
    ctx.logger.log('warn', `dotdigital: could not confirm submitted jobs: ${err.message}`);
  }
  return out;
}

/**
 * Upserts and imports are safe to send again. Enrolments are not: an in-doubt enrolment counts as delivered
 * when dotdigital lists an enrolment of that contact into that program.
 */
export async function inDoubt(
  jobs: DeliveryJob[],
  deps: DeliverDeps,
): Promise<Map<number, 'delivered' | 'unknown'>> {
  const out = new Map<number, 'delivered' | 'unknown'>(jobs.map((j) => [j.jobId, 'unknown']));
  const enrol = jobs.filter((j) => op(j) === 'enrol' && (j.payload as EnrolPayload).programId !== null);
  if (enrol.length === 0) return out;
  const s = new BatchSender(deps.client);
  try {
    const seen = new Set<string>();
    for (const status of ['Processing', 'Finished']) {
      const a = await s.send('GET', `/v2/programs/enrolments/${status}`);
      if (!a || a.status !== 200 || !Array.isArray(a.body)) return out;
      for (const e of a.body as Array<{ programId: number; contacts?: number[] }>)
        for (const c of e.contacts ?? []) seen.add(`${e.programId}:${c}`);
    }
    for (const j of enrol) {
      const p = j.payload as EnrolPayload;
      const a = await s.send('GET', `/contacts/v3/email/${encodeURIComponent(p.email)}`);
      const id = a?.status === 200 ? (a.body as { contactId?: unknown }).contactId : undefined;
      if (id !== undefined && seen.has(`${p.programId}:${String(id)}`)) out.set(j.jobId, 'delivered');
    }
  } catch (err) {
    if (!(err instanceof DestinationUnreachable)) throw err;
  }
  return out;
}
